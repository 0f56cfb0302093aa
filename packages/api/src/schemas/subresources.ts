import type { GroupVersionKind } from '../meta/object.js'
import type { ResourceSchema, SubresourceName } from '../schema/resource-schema.js'

export interface SubresourceInfo {
  /** The kind served and accepted at `<resource>/<name>/<sub>`, as discovery's `responseKind`. */
  responseKind: GroupVersionKind
  verbs: string[]
}

const PROXY_VERBS = ['create', 'delete', 'get', 'patch', 'update']
const proxyKinds: Record<string, string> = { Pod: 'PodProxyOptions', Service: 'ServiceProxyOptions', Node: 'NodeProxyOptions' }

/** What upstream discovery says about one subresource of a kind. */
export function subresourceInfo (schema: ResourceSchema, sub: SubresourceName): SubresourceInfo {
  const self: GroupVersionKind = { group: schema.group, version: schema.version, kind: schema.kind }
  const core = (kind: string): GroupVersionKind => ({ group: '', version: 'v1', kind })
  switch (sub) {
    case 'status': return { responseKind: self, verbs: ['get', 'patch', 'update'] }
    case 'scale': return { responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] }
    case 'binding': return { responseKind: core('Binding'), verbs: ['create'] }
    case 'eviction': return { responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] }
    case 'log': return { responseKind: core('Pod'), verbs: ['get'] }
    case 'exec': return { responseKind: core('PodExecOptions'), verbs: ['create', 'get'] }
    case 'attach': return { responseKind: core('PodAttachOptions'), verbs: ['create', 'get'] }
    case 'portforward': return { responseKind: core('PodPortForwardOptions'), verbs: ['create', 'get'] }
    case 'proxy': return { responseKind: core(proxyKinds[schema.kind] ?? 'PodProxyOptions'), verbs: PROXY_VERBS }
    case 'token': return { responseKind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, verbs: ['create'] }
    case 'ephemeralcontainers': return { responseKind: self, verbs: ['get', 'patch', 'update'] }
    case 'finalize': return { responseKind: self, verbs: ['update'] }
    case 'approval': return { responseKind: self, verbs: ['get', 'patch', 'update'] }
  }
}
