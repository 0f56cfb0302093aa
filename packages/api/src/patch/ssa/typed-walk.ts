import { deepEqual, hasKey, isObject, type JsonObject } from '../json-value.js'
import { FieldSet, fieldPE, keyPE, pathString, strategyPath, valuePE, type FieldPath, type PathElement } from './field-set.js'
import type { ListKind, SsaSchema } from './ssa-schema.js'

/** Thrown for values that cannot be typed (missing list keys, duplicates); callers add their own context. */
export class TypedValueError extends Error {}

/** The path element naming one item of a set or map list, or undefined for atomic lists. */
export function itemPE (kind: ListKind, item: unknown): PathElement | undefined {
  if (kind.type === 'atomic') return undefined
  if (kind.type === 'set') return valuePE(item)
  if (!isObject(item)) throw new TypedValueError('associative list with keys has an element that is not a map')
  const fields: Record<string, unknown> = {}
  for (const k of kind.keys) {
    const v = hasKey(item, k) ? item[k] : kind.defaults[k]
    if (v === undefined) {
      // a multi-key list tolerates a missing key without a default only when other keys identify the item
      if (kind.keys.length > 1 && k !== kind.keys[0]) continue
      throw new TypedValueError(`associative list with keys has an element that omits key field "${k}"`)
    }
    fields[k] = v
  }
  return keyPE(fields)
}

/** Items of a non-atomic list by path element; the first of duplicates wins unless `strict`. */
export function indexItems (schema: SsaSchema, list: unknown[], path: FieldPath, strict: boolean): Map<PathElement, unknown> {
  const kind = schema.list(strategyPath(path))
  const out = new Map<PathElement, unknown>()
  for (const item of list) {
    const pe = itemPE(kind, item) as PathElement
    if (out.has(pe)) {
      if (strict) throw new TypedValueError(`${pathString([...path, pe])}: duplicate entries for key`)
      continue
    }
    out.set(pe, item)
  }
  return out
}

function isGranularList (schema: SsaSchema, v: unknown, path: FieldPath): v is unknown[] {
  return Array.isArray(v) && schema.list(strategyPath(path)).type !== 'atomic'
}

function isGranularMap (schema: SsaSchema, v: unknown, path: FieldPath): v is JsonObject {
  return isObject(v) && !schema.atomicMap(strategyPath(path))
}

/**
 * The fields a value sets (structured-merge-diff tofieldset.go): scalar leaves, atomic lists and maps as one path,
 * every set/map list item itself plus its contents, and fields whose value is null or an empty object.
 */
export function toFieldSet (schema: SsaSchema, root: JsonObject, strict: boolean): FieldSet {
  const set = new FieldSet()
  const visitFields = (obj: JsonObject, path: FieldPath): void => {
    for (const [k, v] of Object.entries(obj)) {
      const child = [...path, fieldPE(k)]
      visit(v, child)
      if (v === null || (isObject(v) && Object.keys(v).length === 0)) set.insert(child)
    }
  }
  const visit = (v: unknown, path: FieldPath): void => {
    if (isGranularList(schema, v, path)) {
      for (const [pe, item] of indexItems(schema, v, path, strict)) {
        const child = [...path, pe]
        set.insert(child)
        if (isObject(item)) visitFields(item, child)
      }
    } else if (isGranularMap(schema, v, path)) {
      visitFields(v, path)
    } else {
      set.insert(path)
    }
  }
  visitFields(root, [])
  return set
}

/** Every node of a subtree, the subtree root included (what compare reports for an added or removed subtree). */
function allNodes (schema: SsaSchema, v: unknown, path: FieldPath, set: FieldSet): void {
  if (path.length > 0) set.insert(path)
  if (isGranularList(schema, v, path)) {
    for (const [pe, item] of indexItems(schema, v, path, false)) allNodes(schema, item, [...path, pe], set)
  } else if (isGranularMap(schema, v, path)) {
    for (const [k, x] of Object.entries(v)) allNodes(schema, x, [...path, fieldPE(k)], set)
  }
}

export interface Comparison { added: FieldSet, modified: FieldSet, removed: FieldSet }

/** Differences between two objects as field sets (structured-merge-diff compare.go); reordering is no change. */
export function compareObjects (schema: SsaSchema, live: JsonObject, next: JsonObject): Comparison {
  const out: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() }
  const walk = (a: unknown, b: unknown, path: FieldPath): void => {
    if (a === undefined && b === undefined) return
    if (a === undefined) { allNodes(schema, b, path, out.added); return }
    if (b === undefined) { allNodes(schema, a, path, out.removed); return }
    if (isGranularList(schema, a, path) && isGranularList(schema, b, path)) {
      const la = indexItems(schema, a, path, false)
      const lb = indexItems(schema, b, path, false)
      for (const pe of new Set([...la.keys(), ...lb.keys()])) walk(la.get(pe), lb.get(pe), [...path, pe])
      return
    }
    if (isGranularMap(schema, a, path) && isGranularMap(schema, b, path)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        walk(hasKey(a, k) ? a[k] : undefined, hasKey(b, k) ? b[k] : undefined, [...path, fieldPE(k)])
      }
      return
    }
    if (!deepEqual(a, b)) out.modified.insert(path)
  }
  walk(live, next, [])
  return out
}

/** Removes the field or list item at `path` from `root` in place; a missing path is a no-op. */
export function removePath (schema: SsaSchema, root: JsonObject, path: FieldPath): void {
  let cur: unknown = root
  for (let i = 0; i < path.length; i++) {
    const pe = path[i] as PathElement
    const here = path.slice(0, i)
    const last = i === path.length - 1
    if (pe.startsWith('f:')) {
      if (!isObject(cur)) return
      const name = pe.slice(2)
      if (last) { delete cur[name]; return }
      cur = hasKey(cur, name) ? cur[name] : undefined
      continue
    }
    if (!Array.isArray(cur)) return
    const kind = schema.list(strategyPath(here))
    const matches = (item: unknown): boolean => {
      try { return itemPE(kind, item) === pe } catch { return false }
    }
    if (last) {
      const list = cur
      for (let j = list.length - 1; j >= 0; j--) if (matches(list[j])) list.splice(j, 1)
      return
    }
    cur = cur.find(matches)
  }
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath (schema: SsaSchema, root: JsonObject, path: FieldPath): unknown {
  let cur: unknown = root
  for (let i = 0; i < path.length; i++) {
    const pe = path[i] as PathElement
    if (pe.startsWith('f:')) {
      if (!isObject(cur)) return undefined
      const name = pe.slice(2)
      cur = hasKey(cur, name) ? cur[name] : undefined
      continue
    }
    if (!Array.isArray(cur)) return undefined
    const kind = schema.list(strategyPath(path.slice(0, i)))
    cur = cur.find(item => { try { return itemPE(kind, item) === pe } catch { return false } })
  }
  return cur
}
