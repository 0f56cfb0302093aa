import type { ResourceSchema, SubresourceName } from '@kube-ts/api'
import { parseAccept } from './accept.js'

/**
 * Discovery documents, all derived from the schema list: aggregated v2 (`APIGroupDiscoveryList`) and the legacy
 * `APIVersions` / `APIGroupList` / `APIGroup` / `APIResourceList` chain. Group and version order follow the schema
 * list; the first version of a group is its preferred version.
 */
export const aggregatedDiscoveryContentType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

interface Gvk { group: string, version: string, kind: string }

/** What each subresource answers with and which verbs it serves (upstream's installer). */
const subresourceInfo: Record<SubresourceName, { kind: (s: ResourceSchema) => Gvk, verbs: string[] }> = {
  status: { kind: own, verbs: ['get', 'patch', 'update'] },
  scale: { kind: () => ({ group: 'autoscaling', version: 'v1', kind: 'Scale' }), verbs: ['get', 'patch', 'update'] },
  binding: { kind: () => ({ group: '', version: 'v1', kind: 'Binding' }), verbs: ['create'] },
  eviction: { kind: () => ({ group: 'policy', version: 'v1', kind: 'Eviction' }), verbs: ['create'] },
  log: { kind: () => ({ group: '', version: 'v1', kind: 'Pod' }), verbs: ['get'] },
  exec: { kind: () => ({ group: '', version: 'v1', kind: 'PodExecOptions' }), verbs: ['create', 'get'] },
  attach: { kind: () => ({ group: '', version: 'v1', kind: 'PodAttachOptions' }), verbs: ['create', 'get'] },
  portforward: { kind: () => ({ group: '', version: 'v1', kind: 'PodPortForwardOptions' }), verbs: ['create', 'get'] },
  proxy: { kind: (s) => ({ group: '', version: 'v1', kind: `${s.kind}ProxyOptions` }), verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  token: { kind: () => ({ group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }), verbs: ['create'] },
  ephemeralcontainers: { kind: own, verbs: ['get', 'patch', 'update'] },
  finalize: { kind: own, verbs: ['update'] },
  approval: { kind: own, verbs: ['get', 'patch', 'update'] }
}

function own (s: ResourceSchema): Gvk {
  return { group: s.group, version: s.version, kind: s.kind }
}

export function subresourceVerbs (sub: SubresourceName): string[] {
  return subresourceInfo[sub].verbs
}

export function groupVersion (group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`
}

/** Groups in schema order, each with its versions in schema order. */
export function groupsOf (schemas: readonly ResourceSchema[]): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const s of schemas) {
    const versions = groups.get(s.group) ?? []
    if (!versions.includes(s.version)) versions.push(s.version)
    groups.set(s.group, versions)
  }
  return groups
}

function aggregatedResource (s: ResourceSchema): Record<string, unknown> {
  const r: Record<string, unknown> = {
    resource: s.plural,
    responseKind: own(s),
    scope: s.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: s.singular,
    verbs: [...s.verbs].sort()
  }
  if (s.shortNames.length > 0) r.shortNames = s.shortNames
  if (s.categories.length > 0) r.categories = s.categories
  if (s.subresources.length > 0) {
    r.subresources = s.subresources.map((sub) => ({
      subresource: sub,
      responseKind: subresourceInfo[sub].kind(s),
      verbs: subresourceInfo[sub].verbs
    }))
  }
  return r
}

/** The aggregated document for `/api` (core only) or `/apis` (every named group). */
export function aggregatedDiscovery (schemas: readonly ResourceSchema[], core: boolean): Record<string, unknown> {
  const items: unknown[] = []
  for (const [group, versions] of groupsOf(schemas)) {
    if ((group === '') !== core) continue
    items.push({
      metadata: core ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
      versions: versions.map((version) => ({
        version,
        resources: schemas.filter((s) => s.group === group && s.version === version).map(aggregatedResource),
        freshness: 'Current'
      }))
    })
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items }
}

export function apiVersions (schemas: readonly ResourceSchema[], serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: groupsOf(schemas).get('') ?? [],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }]
  }
}

function apiGroupEntry (group: string, versions: string[]): Record<string, unknown> {
  const list = versions.map((version) => ({ groupVersion: groupVersion(group, version), version }))
  return { name: group, versions: list, preferredVersion: list[0] }
}

export function apiGroupList (schemas: readonly ResourceSchema[]): Record<string, unknown> {
  const groups: unknown[] = []
  for (const [group, versions] of groupsOf(schemas)) {
    if (group !== '') groups.push(apiGroupEntry(group, versions))
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups }
}

export function apiGroup (schemas: readonly ResourceSchema[], group: string): Record<string, unknown> | undefined {
  const versions = groupsOf(schemas).get(group)
  if (versions === undefined || group === '') return undefined
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupEntry(group, versions) }
}

export function apiResourceList (schemas: readonly ResourceSchema[], group: string, version: string): Record<string, unknown> | undefined {
  const matching = schemas.filter((s) => s.group === group && s.version === version)
  if (matching.length === 0) return undefined
  const resources: unknown[] = []
  for (const s of matching) {
    const r: Record<string, unknown> = { name: s.plural, singularName: s.singular, namespaced: s.namespaced, kind: s.kind, verbs: [...s.verbs].sort() }
    if (s.shortNames.length > 0) r.shortNames = s.shortNames
    if (s.categories.length > 0) r.categories = s.categories
    resources.push(r)
    for (const sub of s.subresources) {
      const k = subresourceInfo[sub].kind(s)
      const e: Record<string, unknown> = { name: `${s.plural}/${sub}`, singularName: '', namespaced: s.namespaced, kind: k.kind, verbs: subresourceInfo[sub].verbs }
      if (k.group !== s.group || k.version !== s.version) {
        e.group = k.group
        e.version = k.version
      }
      resources.push(e)
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources }
}

/** True when the Accept header lists aggregated discovery v2 (kubectl also lists v2beta1 and plain JSON after it). */
export function wantsAggregated (accept: string | undefined): boolean {
  return parseAccept(accept).some((r) => r.type === 'application/json' && r.params.g === 'apidiscovery.k8s.io' &&
    r.params.v === 'v2' && r.params.as === 'APIGroupDiscoveryList')
}
