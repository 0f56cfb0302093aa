import { randomUUID } from 'node:crypto'
import { errBadRequest, errInvalid, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import { deepClone, dropEmptyMetaCollections, metaOf, rfc3339, withTypeMeta } from './object-meta.js'
import { resetStatusOnCreate } from './status-on-create.js'

export const NAMESPACE_MISMATCH = 'the namespace of the provided object does not match the namespace sent on the request'

/**
 * The object's namespace must agree with the request's (upstream `EnsureObjectNamespaceMatchesRequestNamespace`):
 * it is filled from the request when empty, and cleared for cluster-scoped kinds.
 */
export function ensureNamespace (schema: ResourceSchema, requestNamespace: string, obj: KubeObject): void {
  const meta = metaOf(obj)
  if (!schema.namespaced) {
    // upstream silently drops a namespace sent on a cluster-scoped object
    delete meta.namespace
    return
  }
  const bodyNs = meta.namespace ?? ''
  if (requestNamespace !== '' && bodyNs !== '' && bodyNs !== requestNamespace) throw errBadRequest(NAMESPACE_MISMATCH)
  const ns = requestNamespace !== '' ? requestNamespace : bodyNs
  if (ns === '') throw errBadRequest('the namespace of the object is required for a namespaced resource')
  meta.namespace = ns
}

/**
 * Upstream `rest.BeforeCreate` with the per-kind strategy folded in: system metadata is set by the server, never by
 * the client; defaults run before validation so validation sees the stored shape.
 * `name` is the final name (after generateName) chosen by the caller.
 */
export function prepareCreate (schema: ResourceSchema, requestNamespace: string, input: KubeObject, name: string | undefined, now: Date): KubeObject {
  const obj = deepClone(input)
  if (obj.metadata === undefined || obj.metadata === null || typeof obj.metadata !== 'object') obj.metadata = {}
  ensureNamespace(schema, requestNamespace, obj)
  const meta = metaOf(obj)
  if (name !== undefined) meta.name = name
  meta.uid = randomUUID()
  meta.creationTimestamp = rfc3339(now)
  delete meta.resourceVersion
  delete meta.deletionTimestamp
  delete meta.deletionGracePeriodSeconds
  delete meta.selfLink
  if (schema.generationFields.length > 0) meta.generation = 1
  else delete meta.generation
  resetStatusOnCreate(schema, obj)
  dropEmptyMetaCollections(meta)
  withTypeMeta(schema, obj)
  schema.defaults(obj)
  const errs = schema.validate(obj, {})
  if (errs.length > 0) throw errInvalid(schema.group, schema.kind, meta.name ?? '', errs)
  return obj
}
