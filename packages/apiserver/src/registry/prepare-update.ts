import { errBadRequest, errConflict, errInvalid, type FieldError, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import { ensureNamespace } from './prepare-create.js'
import { deepClone, dropEmptyMetaCollections, jsonEqual, metaOf, refOf, withTypeMeta } from './object-meta.js'
import { keepOnlyEphemeralContainers } from './ephemeral-containers.js'

export interface UpdateInput {
  schema: ResourceSchema
  /** The request's namespace ('' for cluster-scoped kinds). */
  namespace: string
  /** The name on the URL. */
  name: string
  old: KubeObject
  subresource?: string
}

/** The body must name the object on the URL (upstream update handler, 400). */
export function ensureName (obj: KubeObject, name: string): void {
  const bodyName = obj.metadata.name ?? ''
  if (bodyName === '') obj.metadata.name = name
  else if (bodyName !== name) throw errBadRequest(`the name of the object (${bodyName}) does not match the name on the URL (${name})`)
}

/** Optimistic concurrency as upstream `Store.Update`: RV must be given (unless the kind allows otherwise) and current. */
function checkResourceVersion (input: UpdateInput, obj: KubeObject): void {
  const { schema, old, name } = input
  const rv = obj.metadata.resourceVersion ?? ''
  if (rv === '' || rv === '0') {
    if (!schema.allowUnconditionalUpdate) {
      // badValue left out so the text renders as upstream's `0x0` (a Go uint64 printed with %#v)
      throw errInvalid(schema.group, schema.kind, name, [{ type: 'FieldValueInvalid', field: 'metadata.resourceVersion', message: '0x0: must be specified for an update' }])
    }
    metaOf(obj).resourceVersion = old.metadata.resourceVersion
    return
  }
  if (rv !== old.metadata.resourceVersion) throw errConflict(refOf(schema), name)
}

function copyOrDelete<T extends object> (to: T, from: T, key: keyof T): void {
  if (from[key] === undefined) delete to[key]
  else to[key] = deepClone(from[key])
}

/** A `/status` write changes status (and labels/annotations, as the pod status strategy allows) and nothing else. */
function applyStatusWrite (old: KubeObject, obj: KubeObject): KubeObject {
  const out = deepClone(old)
  copyOrDelete(out, obj, 'status')
  copyOrDelete(metaOf(out), metaOf(obj), 'labels')
  copyOrDelete(metaOf(out), metaOf(obj), 'annotations')
  // the HTTP layer has already recorded this write in managedFields (from the live entries, as upstream does)
  copyOrDelete(metaOf(out), metaOf(obj), 'managedFields')
  metaOf(out).resourceVersion = obj.metadata.resourceVersion
  return out
}

const isNamespace = (schema: ResourceSchema): boolean => schema.group === '' && schema.kind === 'Namespace'

function namespaceFinalizers (o: KubeObject): string[] | undefined {
  return (o.spec as { finalizers?: string[] } | undefined)?.finalizers
}

/**
 * Which parts of the desired object a write may change, per subresource (upstream's per-strategy PrepareForUpdate):
 * `status` changes status only; `binding` is the registry's own pod bind (spec.nodeName plus the PodScheduled
 * condition); `ephemeralcontainers` changes spec.ephemeralContainers only; a namespace's spec.finalizers change only
 * through `finalize`; every other write keeps the old status.
 */
function separateSubresources (schema: ResourceSchema, old: KubeObject, obj: KubeObject, subresource: string | undefined): KubeObject {
  if (subresource === 'binding') return obj
  if (subresource === 'ephemeralcontainers') return keepOnlyEphemeralContainers(old, obj)
  if (schema.statusSubresource && subresource === 'status') return applyStatusWrite(old, obj)
  if (isNamespace(schema) && subresource === 'finalize') {
    const out = deepClone(old)
    const spec = (out.spec ??= {}) as { finalizers?: string[] }
    const wanted = namespaceFinalizers(obj)
    if (wanted === undefined) delete spec.finalizers
    else spec.finalizers = deepClone(wanted)
    metaOf(out).resourceVersion = obj.metadata.resourceVersion
    return out
  }
  if (schema.statusSubresource) copyOrDelete(obj, old, 'status')
  if (isNamespace(schema)) {
    const spec = (obj.spec ??= {}) as { finalizers?: string[] }
    const kept = namespaceFinalizers(old)
    if (kept === undefined) delete spec.finalizers
    else spec.finalizers = deepClone(kept)
  }
  return obj
}

/** Server-owned metadata cannot be changed by a client update (upstream `rest.BeforeUpdate`). */
function preserveSystemMeta (old: KubeObject, obj: KubeObject, errs: FieldError[]): void {
  const meta = metaOf(obj)
  const om = metaOf(old)
  if (meta.uid === undefined || meta.uid === '') meta.uid = om.uid
  else if (meta.uid !== om.uid) errs.push({ type: 'FieldValueInvalid', field: 'metadata.uid', badValue: meta.uid, message: 'field is immutable' })
  copyOrDelete(meta, om, 'creationTimestamp')
  copyOrDelete(meta, om, 'deletionTimestamp')
  copyOrDelete(meta, om, 'deletionGracePeriodSeconds')
  copyOrDelete(meta, om, 'generation')
  delete meta.selfLink
  if (om.deletionTimestamp !== undefined) {
    const added = (meta.finalizers ?? []).filter(f => !(om.finalizers ?? []).includes(f))
    if (added.length > 0) {
      errs.push({ type: 'FieldValueForbidden', field: 'metadata.finalizers', message: `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map(f => JSON.stringify(f)).join(', ')}}` })
    }
  }
}

function generationChanged (schema: ResourceSchema, old: KubeObject, obj: KubeObject): boolean {
  return schema.generationFields.some(f => !jsonEqual(old[f], obj[f]))
}

/**
 * Turns the desired object of a PUT/PATCH into the object to store, enforcing every update rule of the generic
 * store: name/namespace match, optimistic concurrency, status subresource separation, immutable system metadata,
 * generation bump on spec change, defaulting and validation against the old object.
 */
export function prepareUpdate (input: UpdateInput, desired: KubeObject): KubeObject {
  const { schema, old, subresource } = input
  let obj = deepClone(desired)
  if (obj.metadata === undefined || obj.metadata === null || typeof obj.metadata !== 'object') obj.metadata = {}
  ensureName(obj, input.name)
  checkResourceVersion(input, obj)
  ensureNamespace(schema, input.namespace, obj)
  withTypeMeta(schema, obj)
  schema.defaults(obj)
  obj = separateSubresources(schema, old, obj, subresource)
  const errs: FieldError[] = []
  preserveSystemMeta(old, obj, errs)
  dropEmptyMetaCollections(metaOf(obj))
  if (schema.generationFields.length > 0 && generationChanged(schema, old, obj)) {
    metaOf(obj).generation = (old.metadata.generation ?? 0) + 1
  }
  errs.push(...schema.validate(obj, subresource === undefined ? { old } : { old, subresource }))
  if (errs.length > 0) throw errInvalid(schema.group, schema.kind, input.name, errs)
  return obj
}
