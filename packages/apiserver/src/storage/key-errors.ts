import { ApiError, errAlreadyExists, errConflict, errInternal, errNotFound, type ResourceRef } from '@kube-ts/api'

/**
 * Storage sees only keys, so its NotFound/AlreadyExists/Conflict errors name the resource from the key layout
 * (`<prefix>/<resource>/[<ns>/]<name>`, or `<prefix>/<group>/<resource>/...` when the first segment is a dotted group).
 * The registry, which knows the schema, may rebuild them with the exact group/resource.
 */
export function refFromKey (prefix: string, key: string): { ref: ResourceRef, name: string } {
  const rel = key.startsWith(`${prefix}/`) ? key.slice(prefix.length + 1) : key.replace(/^\/+/, '')
  const parts = rel.split('/')
  const name = parts[parts.length - 1] ?? ''
  const first = parts[0] ?? ''
  if (first.includes('.') && parts.length > 2) return { ref: { group: first, resource: parts[1] ?? '' }, name }
  return { ref: { group: '', resource: first }, name }
}

export const keyNotFound = (prefix: string, key: string): ApiError => {
  const { ref, name } = refFromKey(prefix, key)
  return errNotFound(ref, name)
}

export const keyExists = (prefix: string, key: string): ApiError => {
  const { ref, name } = refFromKey(prefix, key)
  return errAlreadyExists(ref, name)
}

export const keyConflict = (prefix: string, key: string): ApiError => {
  const { ref, name } = refFromKey(prefix, key)
  return errConflict(ref, name)
}

/** Keys outside the configured prefix are a programming error in the caller, never client input. */
export function checkKey (prefix: string, key: string): void {
  if (!key.startsWith(`${prefix}/`) || key.length === prefix.length + 1) {
    throw errInternal(`storage key ${JSON.stringify(key)} is outside the storage prefix ${JSON.stringify(prefix)}`)
  }
}

/** 410 for a watch that starts (or resumes) before the compacted revision; the text clients see upstream. */
export const errTooOldResourceVersion = (requested: number, compacted: number): ApiError =>
  new ApiError(410, 'Expired', `too old resource version: ${requested} (${compacted})`)

/** 504 after waiting in vain for a revision the store has not reached yet (upstream's watch cache wording). */
export const errTooLargeResourceVersion = (requested: number, current: number): ApiError =>
  new ApiError(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1
  })
