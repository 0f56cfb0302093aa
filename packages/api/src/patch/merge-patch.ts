import { errBadRequest } from '../errors/api-error.js'
import { assertNoForbiddenKeys } from './forbidden-keys.js'
import { cloneJson, hasKey, isObject, setKey, type JsonObject } from './json-value.js'
import { withDepthGuard } from './patch-errors.js'

/**
 * JSON merge patch (RFC 7386) with the quirks of the library the apiserver uses (evanphx/json-patch v4):
 * values inserted where the target had nothing (or null, or a non-object) lose their null members recursively,
 * including objects inside arrays. A `null` patch and a scalar patch are rejected like upstream
 * (`Invalid JSON Patch`, 400); an array patch replaces the document. Inputs are never mutated.
 */
export function applyMergePatch (target: unknown, patch: unknown): unknown {
  return withDepthGuard(() => {
    if (patch === null || patch === undefined) throw errBadRequest('Invalid JSON Patch')
    assertNoForbiddenKeys(patch)
    if (Array.isArray(patch)) return pruneNulls(cloneJson(patch))
    if (!isObject(patch)) throw errBadRequest('Invalid JSON Patch')
    if (!isObject(target)) return pruneNulls(cloneJson(patch))
    const doc = cloneJson(target)
    mergeInto(doc, patch)
    return doc
  })
}

function mergeInto (doc: JsonObject, patch: JsonObject): void {
  for (const [k, pv] of Object.entries(patch)) {
    if (pv === null) {
      delete doc[k]
      continue
    }
    const cur = hasKey(doc, k) ? doc[k] : undefined
    if (cur === undefined || cur === null || !isObject(cur)) {
      setKey(doc, k, pruneNulls(cloneJson(pv)))
    } else if (isObject(pv)) {
      mergeInto(cur, pv)
    } else {
      // an object replaced by an array or scalar: the library keeps the patch value as-is
      setKey(doc, k, cloneJson(pv))
    }
  }
}

/** Removes null members of objects, recursively; null array elements stay (as upstream's pruneAryNulls). */
export function pruneNulls<T> (v: T): T {
  if (Array.isArray(v)) {
    v.forEach(pruneNulls)
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k]
      else pruneNulls(v[k])
    }
  }
  return v
}
