import type { ObjectMeta } from 'kubernetes-types/meta/v1.js'
import type { FieldError } from '../errors/api-error.js'
import { childPath, forbiddenField, immutableField, invalidField } from './field-errors.js'
import { validateAnnotations, validateLabels, validateOwnerReferences } from './object-meta.js'

const isUnset = (v: unknown): boolean => v === undefined || v === null || v === ''

function sameTime (a: unknown, b: unknown): boolean {
  if (isUnset(a) || isUnset(b)) return isUnset(a) && isUnset(b)
  if (typeof a === 'string' && typeof b === 'string') {
    // the same instant written differently (Z vs +00:00) is the same value once decoded, as upstream sees it
    const ta = Date.parse(a)
    const tb = Date.parse(b)
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta === tb
  }
  return a === b
}

const sameValue = (a: unknown, b: unknown): boolean => (isUnset(a) && isUnset(b)) || a === b

/** Go's `%#v` of a []string, which upstream prints in the finalizer message. */
const goStringSlice = (items: string[]): string => `[]string{${items.map((s) => JSON.stringify(s)).join(', ')}}`

/**
 * Rules for replacing `oldMeta` by `newMeta` (upstream `ValidateObjectMetaAccessorUpdate`, without the
 * resourceVersion check, which the registry makes itself because it knows whether unconditional updates are allowed).
 */
export function validateMetaUpdate (newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, path = 'metadata'): FieldError[] {
  const n: ObjectMeta = newMeta ?? {}
  const o: ObjectMeta = oldMeta ?? {}
  const errs: FieldError[] = []
  if (!isUnset(o.deletionTimestamp)) {
    const before = new Set(o.finalizers ?? [])
    const added = [...new Set(n.finalizers ?? [])].filter((f) => !before.has(f)).sort()
    if (added.length > 0) {
      errs.push(forbiddenField(childPath(path, 'finalizers'),
        `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added)}`))
    }
  }
  if (typeof n.generation === 'number' && typeof o.generation === 'number' && n.generation < o.generation) {
    errs.push(invalidField(childPath(path, 'generation'), n.generation, 'must not be decremented'))
  }
  for (const field of ['name', 'namespace', 'uid', 'deletionGracePeriodSeconds'] as const) {
    if (!sameValue(n[field], o[field])) errs.push(immutableField(childPath(path, field), n[field] ?? ''))
  }
  for (const field of ['creationTimestamp', 'deletionTimestamp'] as const) {
    if (!sameTime(n[field], o[field])) errs.push(immutableField(childPath(path, field), n[field] ?? null))
  }
  errs.push(...validateLabels(n.labels, childPath(path, 'labels')))
  errs.push(...validateAnnotations(n.annotations, childPath(path, 'annotations')))
  errs.push(...validateOwnerReferences(n.ownerReferences, childPath(path, 'ownerReferences')))
  return errs
}
