// Small JSON helpers shared by every patch engine. Patches arrive from untrusted clients, so nothing here
// ever assigns a key that could reach Object.prototype.

export type JsonObject = Record<string, unknown>

/** Keys that would let a patch reach or replace an object's prototype. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

export function isForbiddenKey (key: string): boolean {
  return forbiddenKeys.has(key)
}

export function isObject (v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Writes through defineProperty, so even a `__proto__` key would stay an inert own property. */
export function setKey (obj: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
}

export function hasKey (obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key)
}

/** Deep copy of JSON data; drops forbidden keys so copies are always safe to walk. */
export function cloneJson<T> (v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T
  if (isObject(v)) {
    const out: JsonObject = {}
    for (const [k, x] of Object.entries(v)) {
      if (!isForbiddenKey(k)) setKey(out, k, cloneJson(x))
    }
    return out as T
  }
  return v
}

/** JSON kind of a value, used where upstream compares Go reflect types. */
export function jsonKind (v: unknown): 'null' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'other' {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  const t = typeof v
  if (t === 'object') return 'object'
  if (t === 'string' || t === 'number' || t === 'boolean') return t
  return 'other'
}

export function deepEqual (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    return ka.every(k => hasKey(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}
