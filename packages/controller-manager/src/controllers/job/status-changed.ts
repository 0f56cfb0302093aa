import { canonicalJson } from '../../controller-utils/hash.js'

/**
 * Whether writing `next` would change a stored status: key order does not matter, and a missing field equals
 * 0/false/''/[] because the apiserver may omit empty values (Go's omitempty), which would otherwise make every
 * sync rewrite an unchanged status.
 */
export function statusChanged (stored: object | undefined, next: object): boolean {
  const old = (stored ?? {}) as Record<string, unknown>
  const keys = new Set([...Object.keys(old), ...Object.keys(next)])
  for (const k of keys) {
    if (canonicalJson(emptyToUndefined(old[k])) !== canonicalJson(emptyToUndefined((next as Record<string, unknown>)[k]))) return true
  }
  return false
}

function emptyToUndefined (v: unknown): unknown {
  if (v === 0 || v === false || v === '' || v === null) return undefined
  if (Array.isArray(v) && v.length === 0) return undefined
  return v
}
