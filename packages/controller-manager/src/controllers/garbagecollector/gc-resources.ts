import type { RestClient } from '@kube-ts/client'
import type { ResourceRef } from '../../controller-utils/kube-client.js'

interface ApiResourceList { resources?: Array<{ name: string, namespaced: boolean, kind: string, verbs?: string[] }> }
interface ApiGroupList { groups?: Array<{ name: string, versions?: Array<{ groupVersion: string, version: string }>, preferredVersion?: { groupVersion: string, version: string } }> }

/** A served resource the collector watches, with the apiVersion its objects are referenced by. */
export interface GcResource extends ResourceRef { kind: string, apiVersion: string }

/**
 * Every served resource that supports list, watch and delete (upstream GetDeletableResources), preferred
 * group versions only; events are skipped as upstream's ignoredResources does.
 */
export async function deletableResources (rest: RestClient, signal?: AbortSignal): Promise<GcResource[]> {
  const lists: Array<{ group: string, version: string, list: ApiResourceList }> = []
  lists.push({ group: '', version: 'v1', list: await rest.raw<ApiResourceList>('GET', '/api/v1', undefined, { signal }) })
  const groups = await rest.raw<ApiGroupList>('GET', '/apis', undefined, { signal })
  for (const g of groups.groups ?? []) {
    const v = g.preferredVersion ?? g.versions?.[0]
    if (v === undefined) continue
    lists.push({ group: g.name, version: v.version, list: await rest.raw<ApiResourceList>('GET', `/apis/${v.groupVersion}`, undefined, { signal }) })
  }
  const out: GcResource[] = []
  for (const { group, version, list } of lists) {
    for (const r of list.resources ?? []) {
      const verbs = r.verbs ?? []
      if (r.name.includes('/') || !['list', 'watch', 'delete'].every((v) => verbs.includes(v))) continue
      if (r.name === 'events') continue
      out.push({ group, version, resource: r.name, namespaced: r.namespaced, kind: r.kind, apiVersion: group === '' ? version : `${group}/${version}` })
    }
  }
  return out
}
