import { errBadRequest } from '../errors/api-error.js'
import { goFormat } from './go-format.js'
import { isObject, type JsonObject } from './json-value.js'
import { errPlain } from './patch-errors.js'

/** Directive keys of strategic merge patch (apimachinery strategicpatch). */
export const directiveMarker = '$patch'
export const retainKeysDirective = '$retainKeys'
export const setElementOrderPrefix = '$setElementOrder/'
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/'

export function isDirectiveKey (key: string): boolean {
  return key.startsWith('$')
}

/** Known directive keys; anything else starting with `$` is a client error. */
export function assertKnownDirective (key: string): void {
  if (key === directiveMarker || key === retainKeysDirective) return
  if (key.startsWith(setElementOrderPrefix) && key.length > setElementOrderPrefix.length) return
  if (key.startsWith(deleteFromPrimitiveListPrefix) && key.length > deleteFromPrimitiveListPrefix.length) return
  if (key.startsWith('$setElementOrder')) throw errBadRequest('invalid patch format of setElementOrder list')
  if (key.startsWith('$deleteFromPrimitiveList')) throw errBadRequest('invalid patch format of primitive list')
  throw errBadRequest(`unknown directive "${key}" in strategic merge patch`)
}

export const errNoMergeKey = (m: unknown, key: string): Error => errPlain(`map: ${goFormat(m)} does not contain declared merge key: ${key}`)
export const errBadPatchType = (t: unknown, m: unknown): Error => errPlain(`unknown patch type: ${goFormat(t)} in map: ${goFormat(m)}`)

/**
 * Cleans a value that lands where the original had nothing (or a value of another type): null members go
 * (upstream's IgnoreUnmatchedNulls), objects carrying `$patch` vanish and other directive keys are dropped, so no
 * directive is ever stored as data.
 */
export function cleanNewValue (v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.filter(x => !(isObject(x) && directiveMarker in x)).map(cleanNewValue)
  }
  if (!isObject(v)) return v
  if (directiveMarker in v) return undefined
  const out: JsonObject = {}
  for (const [k, x] of Object.entries(v)) {
    if (x === null || isDirectiveKey(k)) continue
    const c = cleanNewValue(x)
    if (c !== undefined) Object.defineProperty(out, k, { value: c, writable: true, enumerable: true, configurable: true })
  }
  return out
}
