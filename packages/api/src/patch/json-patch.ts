import { errBadRequest, errTooLarge } from '../errors/api-error.js'
import { assertNoForbiddenKeys } from './forbidden-keys.js'
import { parseIndex, parsePointer } from './json-pointer.js'
import { cloneJson, deepEqual, hasKey, isForbiddenKey, isObject, jsonKind, setKey, type JsonObject } from './json-value.js'
import { errPatchRejected, withDepthGuard } from './patch-errors.js'

/** Upstream `maxJSONPatchOperations` (apiserver handlers/patch.go). */
export const maxJsonPatchOperations = 10000

/** Bytes `copy` may duplicate in one patch, so a few thousand self-copies cannot exhaust memory. */
const maxCopiedBytes = 10 * 1024 * 1024

type Container = JsonObject | unknown[]

interface Op { op: unknown, path: unknown, from?: unknown, value?: unknown, hasValue: boolean }

/**
 * JSON patch (RFC 6902) with the behaviour of evanphx/json-patch v4 as the apiserver runs it: negative array
 * indices, `replace` creating a missing object key, `copy` of a missing key copying null, `test` of a missing key
 * against null passing. A body that is not an array of objects is a 400; more than 10000 operations a 413; any
 * failure while applying a 422 with upstream's generic message. The input document is never mutated.
 */
export function applyJsonPatch (doc: unknown, ops: unknown): unknown {
  return withDepthGuard(() => {
    const decoded = decodeOps(ops)
    if (decoded.length > maxJsonPatchOperations) {
      throw errTooLarge(`Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${decoded.length}`)
    }
    const state = { doc: cloneJson(doc), copied: 0 }
    for (const op of decoded) applyOne(state, op)
    return state.doc
  })
}

function decodeOps (ops: unknown): Op[] {
  if (!Array.isArray(ops)) throw errBadRequest(`json: cannot unmarshal ${goKind(ops)} into Go value of type jsonpatch.Patch`)
  return ops.map(o => {
    if (o === null) return { op: undefined, path: undefined, hasValue: false }
    if (!isObject(o)) throw errBadRequest(`json: cannot unmarshal ${goKind(o)} into Go value of type jsonpatch.operation`)
    assertNoForbiddenKeys(o.value)
    return { op: o.op, path: o.path, from: o.from, value: o.value, hasValue: hasKey(o, 'value') }
  })
}

function goKind (v: unknown): string {
  const k = jsonKind(v)
  return k === 'boolean' ? 'bool' : k
}

function applyOne (state: { doc: unknown, copied: number }, op: Op): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown'
  const path = stringField(op.path, 'path')
  switch (kind) {
    case 'add': return add(state.doc, path, op.hasValue ? cloneJson(op.value) : null, 'add')
    case 'remove': { remove(state.doc, path, 'remove'); return }
    case 'replace': { state.doc = replace(state.doc, path, op.hasValue ? cloneJson(op.value) : null); return }
    case 'move': {
      const from = stringField(op.from, 'from')
      const v = remove(state.doc, from, 'move')
      return add(state.doc, path, v, 'move')
    }
    case 'copy': {
      const from = stringField(op.from, 'from')
      const [con, key] = resolveParent(state.doc, from, 'copy')
      const v = cloneJson(get(con, key, 'copy') ?? null)
      state.copied += JSON.stringify(v).length
      if (state.copied > maxCopiedBytes) throw errPatchRejected('Unable to complete copy, accumulated copy size exceeds limit')
      return add(state.doc, path, v, 'copy')
    }
    case 'test': return test(state.doc, path, op)
    default: throw errPatchRejected(`Unexpected kind: ${kind}`)
  }
}

function stringField (v: unknown, name: string): string {
  if (typeof v !== 'string') throw errPatchRejected(`operation missing ${name} field`)
  return v
}

/** Walks to the container holding the last segment; every intermediate must exist and be non-null. */
function resolveParent (doc: unknown, path: string, op: string): [Container, string] {
  const parts = parsePointer(path)
  if (parts === undefined || parts.length === 0) throw errPatchRejected(`${op} operation does not apply: doc is missing path: "${path}"`)
  if (parts.some(isForbiddenKey)) throw errPatchRejected(`${op} operation does not apply: path "${path}" names a forbidden key`)
  let cur: unknown = doc
  for (const part of parts.slice(0, -1)) {
    const next = isObject(cur) || Array.isArray(cur) ? get(cur, part, op) : undefined
    if (next === undefined || next === null || (!isObject(next) && !Array.isArray(next))) {
      throw errPatchRejected(`${op} operation does not apply: doc is missing path: "${path}"`)
    }
    cur = next
  }
  if (!isObject(cur) && !Array.isArray(cur)) throw errPatchRejected(`${op} operation does not apply: doc is missing path: "${path}"`)
  return [cur, parts[parts.length - 1] as string]
}

function arrayIndex (arr: unknown[], key: string, op: string, allowEnd: boolean): number {
  const idx = parseIndex(key)
  if (idx === undefined) throw errPatchRejected(`value was not a proper array index: '${key}'`)
  const size = allowEnd ? arr.length + 1 : arr.length
  const real = idx < 0 ? idx + size : idx
  if (real < 0 || real >= size) throw errPatchRejected(`${op}: Unable to access invalid index: ${idx}`)
  return real
}

/** Missing object keys read as undefined (not an error); arrays must be indexed in range. */
function get (con: Container, key: string, op: string): unknown {
  if (Array.isArray(con)) return con[arrayIndex(con, key, op, false)]
  return hasKey(con, key) ? con[key] : undefined
}

function add (doc: unknown, path: string, value: unknown, op: string): void {
  const [con, key] = resolveParent(doc, path, op)
  if (Array.isArray(con)) {
    if (key === '-') con.push(value)
    else con.splice(arrayIndex(con, key, op, true), 0, value)
    return
  }
  setKey(con, key, value)
}

function remove (doc: unknown, path: string, op: string): unknown {
  const [con, key] = resolveParent(doc, path, op)
  if (Array.isArray(con)) return con.splice(arrayIndex(con, key, op, false), 1)[0]
  if (!hasKey(con, key)) throw errPatchRejected(`Unable to remove nonexistent key: ${key}: missing value`)
  const v = con[key]
  delete con[key]
  return v
}

function replace (doc: unknown, path: string, value: unknown): unknown {
  if (path === '') {
    if (!isObject(value) && !Array.isArray(value)) throw errPatchRejected('replace operation does not apply: value is not a document')
    return value
  }
  const [con, key] = resolveParent(doc, path, 'replace')
  if (Array.isArray(con)) con[arrayIndex(con, key, 'replace', false)] = value
  else setKey(con, key, value)
  return doc
}

function test (doc: unknown, path: string, op: Op): void {
  let actual: unknown
  if (path === '') {
    actual = doc
  } else {
    const [con, key] = resolveParent(doc, path, 'test')
    actual = get(con, key, 'test')
  }
  const expected = op.hasValue ? op.value : undefined
  // a missing or null member only matches a missing or null value
  if (actual === undefined || actual === null) {
    if (expected === undefined || expected === null) return
  } else if (expected !== undefined && expected !== null && testEqual(actual, expected)) {
    return
  }
  throw errPatchRejected(`testing value ${path} failed: test failed`)
}

/** Objects and arrays compare structurally; scalars by JSON type and value. */
function testEqual (a: unknown, b: unknown): boolean {
  if (jsonKind(a) !== jsonKind(b)) return false
  return deepEqual(a, b)
}
