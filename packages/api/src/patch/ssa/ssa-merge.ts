import { cloneJson, hasKey, isObject, setKey, type JsonObject } from '../json-value.js'
import { fieldPE, strategyPath, type FieldPath, type PathElement } from './field-set.js'
import type { SsaSchema } from './ssa-schema.js'
import { indexItems } from './typed-walk.js'

/**
 * `live ⊕ config` (structured-merge-diff merge.go with the keep-right-hand-side rule): the config wins on scalars and
 * atomic values, granular maps merge key by key, and set/map lists merge item by item keeping live-only items in
 * place and appending new items after the live items that precede them. Returns a new object.
 */
export function mergeApplied (schema: SsaSchema, live: JsonObject, config: JsonObject): JsonObject {
  return mergeMaps(schema, live, config, [])
}

function mergeValue (schema: SsaSchema, lv: unknown, cv: unknown, path: FieldPath): unknown {
  if (cv === undefined) return cloneJson(lv)
  if (lv === undefined) return cloneJson(cv)
  const sp = strategyPath(path)
  if (Array.isArray(lv) && Array.isArray(cv) && schema.list(sp).type !== 'atomic') return mergeLists(schema, lv, cv, path)
  if (isObject(lv) && !schema.atomicMap(sp)) {
    // null or {} on a granular map keeps the live content (the field only becomes owned)
    if (cv === null || (isObject(cv) && Object.keys(cv).length === 0)) return cloneJson(lv)
    if (isObject(cv)) return mergeMaps(schema, lv, cv, path)
  }
  return cloneJson(cv)
}

function mergeMaps (schema: SsaSchema, live: JsonObject, config: JsonObject, path: FieldPath): JsonObject {
  const out: JsonObject = {}
  for (const k of Object.keys(live)) {
    setKey(out, k, mergeValue(schema, live[k], hasKey(config, k) ? config[k] : undefined, [...path, fieldPE(k)]))
  }
  for (const k of Object.keys(config)) {
    if (!hasKey(live, k)) setKey(out, k, cloneJson(config[k]))
  }
  return out
}

/** Item order: config order for shared and new items, live-only items stay next to the live items around them. */
function mergeLists (schema: SsaSchema, live: unknown[], config: unknown[], path: FieldPath): unknown[] {
  const lhs = indexItems(schema, live, path, false)
  const rhs = indexItems(schema, config, path, true)
  const lpes = [...lhs.keys()]
  const rpes = [...rhs.keys()]
  const shared = rpes.filter(pe => lhs.has(pe))
  let nextShared: PathElement | undefined = shared.shift()
  const done = new Set<PathElement>()
  const out: unknown[] = []
  const take = (pe: PathElement): void => {
    done.add(pe)
    out.push(rhs.has(pe) ? mergeValue(schema, lhs.get(pe), rhs.get(pe), [...path, pe]) : cloneJson(lhs.get(pe)))
  }
  let li = 0
  let ri = 0
  while (li < lpes.length || ri < rpes.length) {
    const lpe = lpes[li]
    const rpe = rpes[ri]
    if (lpe !== undefined && rpe !== undefined) {
      if (lpe === rpe) {
        take(lpe)
        li++
        ri++
        nextShared = shared.shift()
        continue
      }
      // a shared item that config places later: wait for its turn
      if (rhs.has(lpe) && nextShared !== undefined && nextShared !== lpe) { li++; continue }
    }
    if (lpe !== undefined) {
      if (!rhs.has(lpe)) { take(lpe); li++; continue }
      if (done.has(lpe)) { li++; continue }
    }
    if (rpe !== undefined) {
      if (!done.has(rpe)) take(rpe)
      ri++
      if (nextShared === rpe) nextShared = shared.shift()
    }
  }
  return out
}
