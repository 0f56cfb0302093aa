import { goFormat } from './go-format.js'
import { deepEqual, hasKey, isObject, jsonKind, type JsonObject } from './json-value.js'
import { errPatchRejected, errPlain } from './patch-errors.js'
import { directiveMarker, errBadPatchType, errNoMergeKey } from './smp-directives.js'

/** Recursion back into map merging, passed in to keep the list code free of an import cycle. */
export type MergeMapFn = (original: JsonObject, patch: JsonObject, path: string) => JsonObject

/** Equality of merge-key values and primitive list items (Go `==` on decoded JSON scalars). */
function sameValue (a: unknown, b: unknown): boolean {
  return a === b || deepEqual(a, b)
}

/** The JSON kind shared by every element of both lists; mixed kinds and lists of lists are rejected. */
export function elementKind (original: unknown[], patch: unknown[]): string {
  let kind: string | undefined
  for (const v of [...original, ...patch]) {
    const k = jsonKind(v)
    if (k === 'array') throw errPatchRejected('lists of lists are not supported')
    if (kind !== undefined && kind !== k) throw errPlain(`the elements of a list must all have the same type, found ${kind} and ${k}`)
    kind = k
  }
  return kind ?? 'null'
}

function keyOf (item: unknown, mergeKey: string): unknown {
  if (!isObject(item) || !hasKey(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
  return item[mergeKey]
}

/** Index in `list` of the item identified like `item` (by merge key, or by value for primitives); -1 if none. */
function indexIn (list: unknown[], item: unknown, mergeKey: string): number {
  if (mergeKey === '') return list.findIndex(x => sameValue(x, item))
  const want = isObject(item) ? item[mergeKey] : undefined
  return list.findIndex(x => isObject(x) && sameValue(x[mergeKey], want))
}

/** Splits merged items into those named by `by` (sorted later by it) and server-only ones. */
function partition (merged: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = []
  const serverOnly: unknown[] = []
  for (const item of merged) {
    if (mergeKey !== '') keyOf(item, mergeKey)
    ;(indexIn(by, item, mergeKey) >= 0 ? inPatch : serverOnly).push(item)
  }
  return [inPatch, serverOnly]
}

function sortBy (items: unknown[], order: unknown[], mergeKey: string): unknown[] {
  const ranked = items.map((item, i) => ({ item, i, rank: indexIn(order, item, mergeKey) }))
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i)
  return ranked.map(r => r.item)
}

/**
 * Upstream's `normalizeElementOrder` + `mergeSortedSlice`: patch items follow `patchOrder`, server-only items keep
 * their original order, and a server-only item is emitted before a patch item only when both were in the original
 * and it came first there. Hence an item new to the list lands before the remaining server-only items.
 */
export function normalizeOrder (merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string): unknown[] {
  const [p, s] = partition(merged, patchOrder, mergeKey)
  const right = sortBy(p, patchOrder, mergeKey)
  const left = sortBy(s, serverOrder, mergeKey)
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (j >= right.length) { out.push(left[i++]); continue }
    if (i >= left.length) { out.push(right[j++]); continue }
    const li = indexIn(serverOrder, left[i], mergeKey)
    const ri = indexIn(serverOrder, right[j], mergeKey)
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
    else out.push(right[j++])
  }
  return out
}

/** Removes every occurrence of each value listed in a `$deleteFromPrimitiveList` directive. */
export function deleteFromList (original: unknown[], toDelete: unknown[]): unknown[] {
  return original.filter(x => !toDelete.some(d => sameValue(d, x)))
}

/** Applies `$patch: delete` / `$patch: replace` list elements; returns the remaining original and patch items. */
function applySpecialElements (original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = []
  let replace = false
  for (const v of patch) {
    if (!isObject(v) || !hasKey(v, directiveMarker)) { plain.push(v); continue }
    const kind = v[directiveMarker]
    if (kind === 'delete') {
      if (!hasKey(v, mergeKey)) throw errNoMergeKey(v, mergeKey)
      const key = v[mergeKey]
      original = original.filter(x => !(isObject(x) && hasKey(x, mergeKey) && sameValue(x[mergeKey], key)))
    } else if (kind === 'replace') {
      replace = true
    } else if (kind === 'merge') {
      throw errPlain('merging lists cannot yet be specified in the patch')
    } else {
      throw errBadPatchType(kind, v)
    }
  }
  return replace ? [plain, []] : [original, plain]
}

/**
 * Merges a list whose strategy is `merge` (upstream `mergeSlice`): primitives form an ordered set; objects merge
 * by `mergeKey` into the first original item with an equal key, else are appended; then the order is normalized.
 */
export function mergeList (original: unknown[], patch: unknown[], mergeKey: string, isDeleteList: boolean,
  path: string, mergeMap: MergeMapFn): unknown[] {
  if (original.length === 0 && patch.length === 0) return original
  const kind = elementKind(original, patch)
  let merged: unknown[]
  let serverOrder = original
  let patchItems = patch
  if (kind !== 'object') {
    if (isDeleteList) return deleteFromList(original, patch)
    merged = []
    for (const v of [...original, ...patch]) if (!merged.some(m => sameValue(m, v))) merged.push(v)
    return normalizeOrder(merged, patch, original, '')
  }
  if (mergeKey === '') throw errPlain(`cannot merge lists without merge key for ${path}`)
  ;[serverOrder, patchItems] = applySpecialElements(original, patch, mergeKey)
  merged = [...serverOrder]
  for (const v of patchItems) {
    const key = keyOf(v, mergeKey)
    const at = merged.findIndex(x => isObject(x) && hasKey(x, mergeKey) && sameValue(x[mergeKey], key))
    const target = merged[at]
    if (at >= 0 && isObject(target)) merged[at] = mergeMap(target, v as JsonObject, path)
    else merged.push(v)
  }
  return normalizeOrder(merged, patchItems, serverOrder, mergeKey)
}

/**
 * Checks that patch items (minus delete directives) appear in `$setElementOrder` in the same relative order
 * (upstream `validatePatchWithSetOrderList`).
 */
export function validateOrderList (patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return
  const items = patchList.filter(x => !(isObject(x) && hasKey(x, directiveMarker)))
  let pi = 0
  let oi = 0
  while (pi < items.length && oi < order.length) {
    const a = items[pi]
    const b = order[oi]
    const equal = mergeKey === '' ? sameValue(a, b) : sameValue(keyOf(a, mergeKey), keyOf(b, mergeKey))
    if (equal) pi++
    oi++
  }
  if (pi < items.length) {
    throw errPlain(`The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`)
  }
}
