import { errBadRequest } from '../errors/api-error.js'
import type { PatchStrategy } from '../schema/resource-schema.js'
import { assertNoForbiddenKeys } from './forbidden-keys.js'
import { goFormat } from './go-format.js'
import { cloneJson, hasKey, isObject, jsonKind, setKey, type JsonObject } from './json-value.js'
import { pruneNulls } from './merge-patch.js'
import { errPlain, withDepthGuard } from './patch-errors.js'
import {
  assertKnownDirective, cleanNewValue, deleteFromPrimitiveListPrefix, directiveMarker, errBadPatchType, isDirectiveKey,
  retainKeysDirective, setElementOrderPrefix
} from './smp-directives.js'
import { elementKind, mergeList, normalizeOrder, validateOrderList } from './smp-list.js'

/** Looks up the SMP strategy of the field at a dotted path from the object root (list items are transparent). */
export type StrategyLookup = (path: string) => PatchStrategy | undefined

/**
 * Strategic merge patch with the semantics of the 1.32 apiserver (apimachinery strategicpatch, server options
 * MergeParallelList + IgnoreUnmatchedNulls): maps merge, `null` deletes, lists merge by key or as sets when their
 * strategy is `merge` and are replaced otherwise, and the `$patch`, `$retainKeys`, `$setElementOrder/…` and
 * `$deleteFromPrimitiveList/…` directives apply. Upstream then decodes the merged map into the typed object, which
 * drops nulls and unknown keys; the result here gets the same clean-up so no null or directive is stored.
 */
export function applyStrategicMergePatch (original: unknown, patch: unknown, strategies: StrategyLookup): unknown {
  return withDepthGuard(() => {
    if (patch === null || patch === undefined) return cloneJson(original)
    if (!isObject(patch)) throw errBadRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`)
    assertNoForbiddenKeys(patch)
    assertKnownDirectives(patch)
    const doc = isObject(original) ? cloneJson(original) : {}
    const merger = new MapMerger(strategies)
    return stripDirectives(pruneNulls(merger.mergeMap(doc, cloneJson(patch), '')))
  })
}

/** Every `$` key anywhere in the patch must be a known directive, even inside subtrees that are inserted whole. */
function assertKnownDirectives (v: unknown): void {
  if (Array.isArray(v)) {
    v.forEach(assertKnownDirectives)
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (isDirectiveKey(k)) assertKnownDirective(k)
      assertKnownDirectives(x)
    }
  }
}

function join (path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

/** Removes keys that look like directives from a finished result (only left over inside verbatim replacements). */
function stripDirectives (v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives)
  if (!isObject(v)) return v
  for (const k of Object.keys(v)) {
    if (isDirectiveKey(k)) delete v[k]
    else stripDirectives(v[k])
  }
  return v
}

class MapMerger {
  constructor (private readonly strategies: StrategyLookup) {}

  private strategy (path: string): PatchStrategy | undefined {
    return this.strategies(path)
  }

  /** Upstream `mergeMap`: mutates and returns `original`; `patch` is a private copy and may be consumed. */
  mergeMap = (original: JsonObject, patch: JsonObject, path: string): JsonObject => {
    if (hasKey(patch, directiveMarker)) {
      const kind = patch[directiveMarker]
      if (kind === 'replace') {
        delete patch[directiveMarker]
        return patch
      }
      if (kind === 'delete') return {}
      throw errBadPatchType(kind, patch)
    }
    if (hasKey(patch, retainKeysDirective)) this.applyRetainKeys(original, patch)
    this.applySetElementOrders(original, patch, path)
    for (const [rawKey, pv] of Object.entries(patch)) this.mergeKey(original, rawKey, pv, path)
    return original
  }

  /** `$retainKeys`: every non-null patch key must be listed; original keys not listed are cleared. */
  private applyRetainKeys (original: JsonObject, patch: JsonObject): void {
    const list = patch[retainKeysDirective]
    delete patch[retainKeysDirective]
    if (!Array.isArray(list)) throw errBadRequest('invalid patch format of retainKeys')
    const keep = new Set(list.filter((x): x is string => typeof x === 'string'))
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue
      if (!keep.has(k)) throw errBadRequest('invalid patch format of retainKeys')
    }
    for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k]
  }

  /** Each `$setElementOrder/<f>` is merged together with `patch[f]`, then the list is put in the requested order. */
  private applySetElementOrders (original: JsonObject, patch: JsonObject, path: string): void {
    for (const key of Object.keys(patch)) {
      if (!key.startsWith(setElementOrderPrefix)) continue
      const field = key.slice(setElementOrderPrefix.length)
      const order = patch[key]
      delete patch[key]
      if (field === '') throw errBadRequest('invalid patch format of setElementOrder list')
      if (!Array.isArray(order)) throw errPlain(`expected a []interface {}, but received a ${jsonKind(order)}: ${goFormat(order)}`)
      const fieldPath = join(path, field)
      const meta = this.strategy(fieldPath)
      const mergeKey = meta?.mergeKey ?? ''
      const hasPatch = hasKey(patch, field) && patch[field] !== null
      const hasOriginal = hasKey(original, field) && Array.isArray(original[field])
      if (!hasPatch && !hasOriginal) continue
      const patchList = hasPatch ? patch[field] : []
      if (!Array.isArray(patchList)) throw errPlain(`expected a []interface {}, but received a ${jsonKind(patchList)}: ${goFormat(patchList)}`)
      delete patch[field]
      validateOrderList(patchList, order, mergeKey)
      const originalList = hasOriginal ? original[field] as unknown[] : []
      let merged: unknown[]
      if (!hasOriginal) merged = cleanNewValue(patchList) as unknown[]
      else if (!hasPatch) merged = originalList
      else if (isMerge(meta)) merged = mergeList(originalList, patchList, mergeKey, false, fieldPath, this.mergeMap)
      else merged = patchList
      elementKind(merged, [])
      setKey(original, field, normalizeOrder(merged, order, originalList, mergeKey))
    }
  }

  private mergeKey (original: JsonObject, rawKey: string, pv: unknown, path: string): void {
    let key = rawKey
    let isDeleteList = false
    if (rawKey.startsWith(deleteFromPrimitiveListPrefix)) {
      key = rawKey.slice(deleteFromPrimitiveListPrefix.length)
      if (key === '') throw errBadRequest('invalid patch format of primitive list')
      isDeleteList = true
    }
    if (pv === null) {
      delete original[key]
      return
    }
    const fieldPath = join(path, key)
    const ov = hasKey(original, key) ? original[key] : undefined
    if (ov === undefined || jsonKind(ov) !== jsonKind(pv)) {
      if (isDeleteList) return
      const v = cleanNewValue(pv)
      if (v === undefined) delete original[key]
      else setKey(original, key, v)
      return
    }
    const meta = this.strategy(fieldPath)
    if (isObject(ov) && isObject(pv)) {
      setKey(original, key, meta?.strategy === 'replace' ? pv : this.mergeMap(ov, pv, fieldPath))
    } else if (Array.isArray(ov) && Array.isArray(pv)) {
      const merged = isMerge(meta) || isDeleteList
        ? mergeList(ov, pv, meta?.mergeKey ?? '', isDeleteList, fieldPath, this.mergeMap)
        : pv
      setKey(original, key, merged)
    } else {
      setKey(original, key, pv)
    }
  }
}

function isMerge (meta: PatchStrategy | undefined): boolean {
  return meta?.strategy === 'merge' || meta?.strategy === 'merge,retainKeys'
}
