import { WireWriter } from '../protobuf/wire-writer.js'
import type { Json } from './swagger-v2.js'

// gnostic's openapi_v2.Document, the only form kubectl reads /openapi/v2 in (field numbers from OpenAPIv2.proto).

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => typeof v === 'string' && v !== '' ? v : undefined
const strings = (v: unknown): string[] => Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

function putString (w: WireWriter, field: number, v: unknown): void {
  const s = str(v)
  if (s !== undefined) w.bytes(field, s)
}

/** `x-` keys as NamedAny entries whose Any carries the value as YAML (JSON is YAML). */
function vendorExtensions (w: WireWriter, field: number, obj: Json): void {
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('x-')) w.bytes(field, new WireWriter().bytes(1, k).bytes(2, new WireWriter().bytes(2, `${JSON.stringify(v)}\n`)))
  }
}

function schema (s: Json): WireWriter {
  const w = new WireWriter()
  putString(w, 1, s.$ref)
  putString(w, 2, s.format)
  putString(w, 4, s.description)
  for (const r of strings(s.required)) w.bytes(19, r)
  if (isObj(s.additionalProperties)) w.bytes(21, new WireWriter().bytes(1, schema(s.additionalProperties)))
  else if (typeof s.additionalProperties === 'boolean') w.bytes(21, new WireWriter().varint(2, s.additionalProperties))
  if (str(s.type) !== undefined) w.bytes(22, new WireWriter().bytes(1, s.type as string))
  if (isObj(s.items)) w.bytes(23, new WireWriter().bytes(1, schema(s.items)))
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObj(a)) w.bytes(24, schema(a))
  if (isObj(s.properties)) {
    const props = new WireWriter()
    for (const [name, p] of Object.entries(s.properties)) if (isObj(p)) props.bytes(1, new WireWriter().bytes(1, name).bytes(2, schema(p)))
    w.bytes(25, props)
  }
  vendorExtensions(w, 31, s)
  return w
}

function parameter (p: Json): WireWriter {
  if (p.in === 'body') {
    const body = new WireWriter()
    putString(body, 1, p.description)
    putString(body, 2, p.name)
    putString(body, 3, p.in)
    if (p.required === true) body.varint(4, true)
    if (isObj(p.schema)) body.bytes(5, schema(p.schema))
    return new WireWriter().bytes(1, new WireWriter().bytes(1, body))
  }
  // query and path sub-schemas share their first fields; type and uniqueItems sit one apart
  const query = p.in !== 'path'
  const sub = new WireWriter()
  if (p.required === true) sub.varint(1, true)
  putString(sub, 2, p.in)
  putString(sub, 3, p.description)
  putString(sub, 4, p.name)
  putString(sub, query ? 6 : 5, p.type)
  if (p.uniqueItems === true) sub.varint(query ? 20 : 19, true)
  return new WireWriter().bytes(1, new WireWriter().bytes(2, new WireWriter().bytes(query ? 3 : 4, sub)))
}

function operation (op: Json): WireWriter {
  const w = new WireWriter()
  for (const t of strings(op.tags)) w.bytes(1, t)
  putString(w, 3, op.description)
  putString(w, 5, op.operationId)
  for (const t of strings(op.produces)) w.bytes(6, t)
  for (const t of strings(op.consumes)) w.bytes(7, t)
  if (Array.isArray(op.parameters)) for (const p of op.parameters) if (isObj(p)) w.bytes(8, parameter(p))
  if (isObj(op.responses)) {
    const responses = new WireWriter()
    for (const [code, r] of Object.entries(op.responses)) {
      if (!isObj(r)) continue
      const response = new WireWriter()
      putString(response, 1, r.description)
      if (isObj(r.schema)) response.bytes(2, new WireWriter().bytes(1, schema(r.schema)))
      responses.bytes(1, new WireWriter().bytes(1, code).bytes(2, new WireWriter().bytes(1, response)))
    }
    w.bytes(9, responses)
  }
  for (const t of strings(op.schemes)) w.bytes(10, t)
  vendorExtensions(w, 13, op)
  return w
}

const OPERATION_FIELDS: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 }

/** Encodes a Swagger 2.0 document (as buildSwaggerV2 makes it) as gnostic's protobuf message. */
export function encodeSwaggerV2 (doc: Json): Buffer {
  const w = new WireWriter()
  putString(w, 1, doc.swagger)
  const info = isObj(doc.info) ? doc.info : {}
  w.bytes(2, new WireWriter().bytes(1, String(info.title ?? '')).bytes(2, String(info.version ?? '')))
  const paths = new WireWriter()
  for (const [path, item] of Object.entries(isObj(doc.paths) ? doc.paths : {})) {
    if (!isObj(item)) continue
    const pi = new WireWriter()
    for (const [verb, field] of Object.entries(OPERATION_FIELDS)) if (isObj(item[verb])) pi.bytes(field, operation(item[verb] as Json))
    if (Array.isArray(item.parameters)) for (const p of item.parameters) if (isObj(p)) pi.bytes(9, parameter(p))
    paths.bytes(2, new WireWriter().bytes(1, path).bytes(2, pi))
  }
  w.bytes(8, paths)
  const defs = new WireWriter()
  for (const [name, s] of Object.entries(isObj(doc.definitions) ? doc.definitions : {})) if (isObj(s)) defs.bytes(1, new WireWriter().bytes(1, name).bytes(2, schema(s)))
  w.bytes(9, defs)
  return w.finish()
}
