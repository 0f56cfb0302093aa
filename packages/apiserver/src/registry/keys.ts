import type { ResourceSchema } from '@kube-ts/api'

/** Default etcd key prefix, as upstream's `--etcd-prefix`. */
export const DEFAULT_PREFIX = '/registry'

function root (prefix: string, schema: ResourceSchema): string {
  return `${prefix.replace(/\/+$/, '')}/${schema.storageResource}`
}

/** `<prefix>/<storageResource>/<namespace>/<name>` or `<prefix>/<storageResource>/<name>` for cluster-scoped kinds. */
export function objectKey (prefix: string, schema: ResourceSchema, namespace: string, name: string): string {
  return schema.namespaced ? `${root(prefix, schema)}/${namespace}/${name}` : `${root(prefix, schema)}/${name}`
}

/**
 * The prefix to list or watch. Always ends with `/` so namespace `ns1` never matches keys of `ns10`.
 * An empty namespace means all namespaces (or the whole cluster-scoped resource).
 */
export function listPrefix (prefix: string, schema: ResourceSchema, namespace: string): string {
  return schema.namespaced && namespace !== '' ? `${root(prefix, schema)}/${namespace}/` : `${root(prefix, schema)}/`
}
