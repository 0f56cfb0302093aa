import { ApiError, errNotFound, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'

/**
 * The NamespaceLifecycle admission check on create: a namespaced object may only be created in a namespace that
 * exists and is not terminating. The namespace is read from storage with a quorum read, so a namespace created a
 * moment ago is seen.
 */
export async function checkNamespaceLifecycle (storage: Storage, prefix: string, schema: ResourceSchema, namespace: string, name: string): Promise<void> {
  if (!schema.namespaced) return
  const ns = await storage.get(`${prefix.replace(/\/+$/, '')}/namespaces/${namespace}`)
  if (ns === undefined) throw errNotFound({ group: '', resource: 'namespaces' }, namespace)
  const phase = (ns.status as { phase?: string } | undefined)?.phase
  if (phase === 'Terminating' || ns.metadata.deletionTimestamp !== undefined) throw errNamespaceTerminating(schema, namespace, name)
}

/** Upstream admission.NewForbidden with the NamespaceTerminating cause. */
export function errNamespaceTerminating (schema: ResourceSchema, namespace: string, name: string): ApiError {
  const resource = schema.group === '' ? schema.plural : `${schema.plural}.${schema.group}`
  const why = `unable to create new content in namespace ${namespace} because it is being terminated`
  const message = name === '' ? `${resource} is forbidden: ${why}` : `${resource} "${name}" is forbidden: ${why}`
  const details = {
    name,
    kind: schema.plural,
    ...(schema.group !== '' ? { group: schema.group } : {}),
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }]
  }
  return new ApiError(403, 'Forbidden', message, details)
}
