import { errConflict, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import type { DeleteOptions } from './rest.js'
import { deepClone, metaOf, refOf, rfc3339 } from './object-meta.js'

export const FINALIZER_ORPHAN = 'orphan'
export const FINALIZER_FOREGROUND = 'foregroundDeletion'
const DEFAULT_POD_GRACE_SECONDS = 30

/**
 * What a DELETE does to the current object:
 * - `delete`: remove it from storage now;
 * - `mark`: store `object` (deletionTimestamp, grace period, finalizers) and keep it;
 * - `pending`: it is already being deleted and nothing changes.
 */
export type DeletePlan = { action: 'delete' } | { action: 'mark', object: KubeObject } | { action: 'pending' }

/** UID/resourceVersion preconditions, 409 Conflict with upstream's text. */
export function checkPreconditions (schema: ResourceSchema, name: string, obj: KubeObject, pre: DeleteOptions['preconditions']): void {
  if (pre === undefined) return
  if (pre.uid !== undefined && pre.uid !== '' && pre.uid !== obj.metadata.uid) {
    throw errConflict(refOf(schema), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid ?? ''}`)
  }
  if (pre.resourceVersion !== undefined && pre.resourceVersion !== '' && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw errConflict(refOf(schema), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion ?? ''}`)
  }
}

/**
 * The garbage-collection finalizers the propagation policy asks for (upstream
 * `deletionFinalizersForGarbageCollection`): an explicit policy replaces `orphan`/`foregroundDeletion`; without
 * one, whatever the object already carries is kept (Background is the default for every kind served here).
 */
export function finalizersForPolicy (current: string[], policy: DeleteOptions['propagationPolicy']): string[] {
  if (policy === undefined) return current
  const out = current.filter(f => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND)
  if (policy === 'Orphan') out.push(FINALIZER_ORPHAN)
  if (policy === 'Foreground') out.push(FINALIZER_FOREGROUND)
  return out
}

function isPod (schema: ResourceSchema): boolean {
  return schema.group === '' && schema.kind === 'Pod'
}

/** Pods' CheckGracefulDelete: requested grace, else the pod's own; unscheduled or finished pods go at once. */
export function podGracePeriod (pod: KubeObject, requested: number | undefined): number {
  const spec = (pod.spec ?? {}) as { nodeName?: string, terminationGracePeriodSeconds?: number }
  const status = (pod.status ?? {}) as { phase?: string }
  let period = requested ?? spec.terminationGracePeriodSeconds ?? DEFAULT_POD_GRACE_SECONDS
  if (spec.nodeName === undefined || spec.nodeName === '') period = 0
  if (status.phase === 'Failed' || status.phase === 'Succeeded') period = 0
  return period < 0 ? 1 : period
}

/** Finalizers that keep the object: metadata.finalizers, plus a namespace's spec.finalizers (the namespace controller's). */
function blockingFinalizers (schema: ResourceSchema, obj: KubeObject): number {
  let n = obj.metadata.finalizers?.length ?? 0
  if (schema.group === '' && schema.kind === 'Namespace') n += ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length
  return n
}

function addSeconds (d: Date, s: number): Date {
  return new Date(d.getTime() + s * 1000)
}

/** A pod already terminating may only have its grace period shortened (upstream rest.BeforeDelete). */
function planRepeatDelete (schema: ResourceSchema, obj: KubeObject, opts: DeleteOptions, now: Date, finalizersChanged: boolean): DeletePlan {
  const meta = metaOf(obj)
  const grace = meta.deletionGracePeriodSeconds
  const blocked = blockingFinalizers(schema, obj) > 0
  if (isPod(schema) && grace !== undefined && grace > 0) {
    const requested = opts.gracePeriodSeconds
    if (requested !== undefined && requested < grace) {
      if (requested === 0 && !blocked) return { action: 'delete' }
      const start = new Date(meta.deletionTimestamp ?? now).getTime() - grace * 1000
      let ts = new Date(start + requested * 1000)
      let period = requested
      if (ts < now) { ts = now; if (period !== 0) period = 1 }
      meta.deletionTimestamp = rfc3339(ts)
      meta.deletionGracePeriodSeconds = period
      return { action: 'mark', object: obj }
    }
    return finalizersChanged ? { action: 'mark', object: obj } : { action: 'pending' }
  }
  if (!blocked) return { action: 'delete' }
  return finalizersChanged ? { action: 'mark', object: obj } : { action: 'pending' }
}

/** Decides graceful deletion and finalizer handling (upstream Store.Delete + updateForGracefulDeletionAndFinalizers). */
export function planDelete (schema: ResourceSchema, current: KubeObject, opts: DeleteOptions, now: Date): DeletePlan {
  const obj = deepClone(current)
  const meta = metaOf(obj)
  const before = meta.finalizers ?? []
  const after = finalizersForPolicy(before, opts.propagationPolicy)
  const finalizersChanged = after.length !== before.length || after.some((f, i) => f !== before[i])
  if (finalizersChanged) {
    if (after.length > 0) meta.finalizers = after
    else delete meta.finalizers
  }
  if (meta.deletionTimestamp !== undefined) return planRepeatDelete(schema, obj, opts, now, finalizersChanged)

  const blocked = blockingFinalizers(schema, obj) > 0
  const grace = isPod(schema) ? podGracePeriod(obj, opts.gracePeriodSeconds) : 0
  if (grace === 0 && !blocked) return { action: 'delete' }
  if (grace > 0) {
    meta.deletionTimestamp = rfc3339(addSeconds(now, grace))
    meta.deletionGracePeriodSeconds = grace
  } else {
    meta.deletionTimestamp = rfc3339(now)
    meta.deletionGracePeriodSeconds = 0
  }
  if ((meta.generation ?? 0) > 0) meta.generation = (meta.generation ?? 0) + 1
  if (schema.group === '' && schema.kind === 'Namespace') {
    obj.status = { ...(obj.status as object | undefined ?? {}), phase: 'Terminating' }
  }
  return { action: 'mark', object: obj }
}

/** True when an update left an object being deleted with nothing holding it (upstream shouldDeleteDuringUpdate). */
export function shouldDeleteAfterUpdate (schema: ResourceSchema, obj: KubeObject): boolean {
  if (obj.metadata.deletionTimestamp === undefined || blockingFinalizers(schema, obj) > 0) return false
  // a terminating pod still inside its grace period is the kubelet's to delete
  return !(isPod(schema) && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0)
}
