import { errInternal, type KubeObject } from '@kube-ts/api'

/**
 * Objects are stored as JSON without `metadata.resourceVersion`: the revision is etcd's mod_revision and is put
 * back on every read, so a stored value never carries a stale version.
 */
export function encodeObject (obj: KubeObject): string {
  return JSON.stringify(withoutResourceVersion(obj))
}

export function withoutResourceVersion (obj: KubeObject): KubeObject {
  if (obj.metadata?.resourceVersion === undefined) return obj
  const { resourceVersion: _dropped, ...metadata } = obj.metadata
  return { ...obj, metadata }
}

/** Parses a stored value and stamps it with `revision`; corrupt data is a 500, never a crash. */
export function decodeObject (value: Buffer | string, revision: number | string, key: string): KubeObject {
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'))
  } catch (err) {
    throw errInternal(`unable to decode stored object at ${key}: ${(err as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errInternal(`unable to decode stored object at ${key}: not a JSON object`)
  }
  const obj = parsed as KubeObject
  obj.metadata = { ...(typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {}), resourceVersion: String(revision) }
  return obj
}

/** Returns `obj` with `metadata.resourceVersion` set (a shallow copy; the caller's object is left alone). */
export function withResourceVersion (obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } }
}

/** Semantic JSON equality (object key order ignored), used to detect no-op updates. */
export function jsonEqual (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter(k => ao[k] !== undefined)
  const bk = Object.keys(bo).filter(k => bo[k] !== undefined)
  return ak.length === bk.length && ak.every(k => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]))
}
