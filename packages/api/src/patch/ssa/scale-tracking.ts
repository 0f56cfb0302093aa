import type { KubeObject } from '../../meta/object.js'
import { deepEqual } from '../json-value.js'
import { FieldSet, fieldPE } from './field-set.js'
import { decodeManagedFields, managerIdentity, type ManagerEntry } from './managed-fields.js'
import { contentOf, withManagedFields } from './managed-object.js'

const replicasPath = [fieldPE('spec'), fieldPE('replicas')]

export interface ScaleTrackingOptions {
  /** Already resolved with `managerOrUserAgent`. */
  manager: string
  /** The workload's group/version (`apps/v1`): scale entries are stored in the parent's version. */
  apiVersion: string
}

/**
 * Records a write through `/scale` (fieldmanager scalehandler.go): the Scale view's owners are the entries owning
 * `spec.replicas`; if nobody does, the write is not tracked (skipNonApplied sees a Scale without entries). When the
 * replica count changes, every other owner loses `spec.replicas` and `manager` gets an Update entry with
 * `subresource: scale` owning just that field. Upstream looks the entry's time up under the Scale's own identity,
 * never finds it, and so stores scale entries without `time`; that is kept here.
 */
export function trackScaleUpdate (old: KubeObject, next: KubeObject, opts: ScaleTrackingOptions): KubeObject {
  const result = contentOf(next)
  const entries = decodeManagedFields(old.metadata.managedFields)
  const owners = entries.filter(e => e.set.has(replicasPath))
  const unchanged = deepEqual((old.spec as { replicas?: unknown } | undefined)?.replicas, (next.spec as { replicas?: unknown } | undefined)?.replicas)
  if (owners.length === 0 || unchanged) {
    if (old.metadata.managedFields !== undefined) result.metadata = { ...(result.metadata as object), managedFields: old.metadata.managedFields }
    return result as KubeObject
  }
  const me: ManagerEntry = { manager: opts.manager, operation: 'Update', apiVersion: opts.apiVersion, subresource: 'scale', set: new FieldSet([replicasPath]) }
  const myId = managerIdentity(me)
  const taken = new FieldSet([replicasPath])
  const others = entries.filter(e => managerIdentity(e) !== myId)
  for (const e of others) e.set = e.set.difference(taken)
  return withManagedFields(result, [...others, me])
}
