import type { Namespace } from 'kubernetes-types/core/v1.js'
import { isNotFound } from '@kube-ts/api'
import type { RestClient } from '@kube-ts/client'
import type { ResourceRef } from '../../controller-utils/kube-client.js'

/** The apiserver calls the namespace deleter makes; RestNamespaceContent is the real one, tests record calls. */
export interface NamespaceContentApi {
  /** Every served namespaced resource that can be listed and deleted (discovery, so CRDs count too). */
  deletableResources: (signal?: AbortSignal) => Promise<Array<ResourceRef & { deleteCollection: boolean }>>
  /** Deletes everything of one resource in the namespace (deletecollection, or list + delete one by one). */
  deleteAll: (r: ResourceRef & { deleteCollection: boolean }, namespace: string, signal?: AbortSignal) => Promise<void>
  /** What is still there, with the longest grace period any of it was given (seconds, 0 when none) and its finalizers. */
  remaining: (r: ResourceRef, namespace: string, signal?: AbortSignal) => Promise<{ count: number, graceSeconds: number, finalizers: Record<string, number> }>
  getNamespace: (name: string, signal?: AbortSignal) => Promise<Namespace>
  updateStatus: (ns: Namespace, signal?: AbortSignal) => Promise<Namespace>
  /** PUT .../namespaces/<name>/finalize with the namespace's new spec.finalizers. */
  finalize: (ns: Namespace, signal?: AbortSignal) => Promise<Namespace>
}

interface ApiResourceList { groupVersion?: string, resources?: Array<{ name: string, namespaced: boolean, kind: string, verbs?: string[] }> }
interface ApiGroupList { groups?: Array<{ name: string, versions?: Array<{ groupVersion: string, version: string }>, preferredVersion?: { groupVersion: string, version: string } }> }
interface Item { metadata?: { name?: string, deletionTimestamp?: string, deletionGracePeriodSeconds?: number, finalizers?: string[] } }

/** NamespaceContentApi over the REST client: discovery at /api/v1 and /apis, preferred group versions only. */
export class RestNamespaceContent implements NamespaceContentApi {
  constructor (private readonly rest: RestClient) {}

  async deletableResources (signal?: AbortSignal): Promise<Array<ResourceRef & { deleteCollection: boolean }>> {
    const lists: Array<{ group: string, version: string, list: ApiResourceList }> = []
    lists.push({ group: '', version: 'v1', list: await this.rest.raw<ApiResourceList>('GET', '/api/v1', undefined, { signal }) })
    const groups = await this.rest.raw<ApiGroupList>('GET', '/apis', undefined, { signal })
    for (const g of groups.groups ?? []) {
      const v = g.preferredVersion ?? g.versions?.[0]
      if (v === undefined) continue
      lists.push({ group: g.name, version: v.version, list: await this.rest.raw<ApiResourceList>('GET', `/apis/${v.groupVersion}`, undefined, { signal }) })
    }
    const out: Array<ResourceRef & { deleteCollection: boolean }> = []
    for (const { group, version, list } of lists) {
      for (const r of list.resources ?? []) {
        const verbs = r.verbs ?? []
        if (!r.namespaced || r.name.includes('/') || !verbs.includes('list') || !(verbs.includes('delete') || verbs.includes('deletecollection'))) continue
        // events.k8s.io serves the same objects as core events: deleting one copy is enough
        if (group === 'events.k8s.io') continue
        out.push({ group, version, resource: r.name, namespaced: true, kind: r.kind, deleteCollection: verbs.includes('deletecollection') })
      }
    }
    return out
  }

  async deleteAll (r: ResourceRef & { deleteCollection: boolean }, namespace: string, signal?: AbortSignal): Promise<void> {
    const api = this.rest.resource<Item>(r)
    if (r.deleteCollection) { await api.deleteCollection(namespace, {}, { signal }); return }
    for (const item of (await api.list(namespace, { signal })).items) {
      try { await api.delete(namespace, item.metadata?.name ?? '', { signal }) } catch (err) { if (!isNotFound(err)) throw err }
    }
  }

  async remaining (r: ResourceRef, namespace: string, signal?: AbortSignal): Promise<{ count: number, graceSeconds: number, finalizers: Record<string, number> }> {
    const items = (await this.rest.resource<Item>(r).list(namespace, { signal })).items
    const graceSeconds = Math.max(0, ...items.map((i) => i.metadata?.deletionGracePeriodSeconds ?? 0))
    const finalizers: Record<string, number> = {}
    for (const f of items.flatMap((i) => i.metadata?.finalizers ?? [])) finalizers[f] = (finalizers[f] ?? 0) + 1
    return { count: items.length, graceSeconds, finalizers }
  }

  async getNamespace (name: string, signal?: AbortSignal): Promise<Namespace> {
    return await this.rest.raw<Namespace>('GET', `/api/v1/namespaces/${encodeURIComponent(name)}`, undefined, { signal })
  }

  async updateStatus (ns: Namespace, signal?: AbortSignal): Promise<Namespace> {
    return await this.rest.raw<Namespace>('PUT', `/api/v1/namespaces/${encodeURIComponent(ns.metadata?.name ?? '')}/status`, ns, { signal })
  }

  async finalize (ns: Namespace, signal?: AbortSignal): Promise<Namespace> {
    return await this.rest.raw<Namespace>('PUT', `/api/v1/namespaces/${encodeURIComponent(ns.metadata?.name ?? '')}/finalize`, ns, { signal })
  }
}
