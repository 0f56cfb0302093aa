import { base64ErrorOffset } from './go-base64.js'
import { definitionNameForKind, typeDefinitions, type Definitions, type OpenApiSchema } from './type-definitions.js'

/**
 * The first value of an object whose JSON type does not fit its field's declared type (a number in a ConfigMap's
 * `data`, a string in `spec.replicas`), in document order, as upstream's typed decoding meets it. Upstream refuses
 * such a body whatever the `fieldValidation` level; the caller words the error for the decoder upstream uses.
 */
export interface TypeMismatch {
  /** JSON field names from the root, without item indices or map keys (Go's decoder error context). */
  fields: string[]
  /** Go name of the innermost struct holding the field (`ConfigMap`, `DeploymentSpec`). */
  struct: string
  /** Go type of the destination (`string`, `int32`, `[]v1.Container`, `map[string]string`, `v1.PodSpec`). */
  goType: string
  /** What the destination is made of, for the unstructured converter's wording. */
  shape: 'scalar' | 'struct' | 'slice' | 'map'
  value: unknown
  /** structured-merge-diff's path (`.spec.template.spec.containers[name="c"].image`), for server-side apply. */
  path: string
  /** The decoder's own words when the type fits but the content does not (bad base64 in a `[]byte`). */
  text?: string
}

/** Maps of byte slices (Go `map[string][]byte`), which the declarations only give as maps of strings. */
const byteMaps = new Set(['io.k8s.api.core.v1.Secret.data', 'io.k8s.api.core.v1.ConfigMap.binaryData'])

/** A byte map's mistyped value: not a map at all, or an entry that is not a string of valid base64. */
function byteMapMismatch (value: unknown, fields: string[], struct: string, path: string): TypeMismatch | undefined {
  if (value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) return { fields, struct, path, goType: 'map[string][]uint8', shape: 'map', value }
  for (const [k, b] of Object.entries(value)) {
    if (b === null) continue
    if (typeof b !== 'string') return { fields, struct, path: `${path}.${k}`, goType: '[]uint8', shape: 'slice', value: b }
    const at = base64ErrorOffset(b)
    if (at !== undefined) return { fields, struct, path: `${path}.${k}`, goType: '[]uint8', shape: 'slice', value: b, text: `illegal base64 data at input byte ${at}` }
  }
  return undefined
}

/** An item's place in structured-merge-diff's notation: by its name when it has one (keyed lists), else by index. */
function itemPath (path: string, item: unknown, index: number): string {
  const name = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>).name : undefined
  return typeof name === 'string' ? `${path}[name=${JSON.stringify(name)}]` : `${path}[${index}]`
}

/** Types with their own JSON decoding (Quantity, IntOrString, Time, RawExtension): left to the registry. */
function hasOwnDecoding (s: OpenApiSchema): boolean {
  return s.oneOf !== undefined || s.format === 'date-time' || s.format === 'int-or-string' || s['x-kubernetes-preserve-unknown-fields'] === true
}

interface Resolved { schema: OpenApiSchema, name?: string }

function resolve (defs: Definitions, schema: OpenApiSchema): Resolved | undefined {
  let s: OpenApiSchema | undefined = schema
  let name: string | undefined
  for (let i = 0; i < 8 && s !== undefined; i++) {
    if (s.$ref !== undefined) {
      name = s.$ref.replace('#/components/schemas/', '')
      s = defs[name]
    } else if (s.allOf?.[0] !== undefined) {
      s = s.allOf[0]
    } else {
      return { schema: s, ...(name !== undefined ? { name } : {}) }
    }
  }
  return undefined
}

/** `io.k8s.api.apps.v1.DeploymentSpec` is `v1.DeploymentSpec` in Go. */
function goStructType (name: string): string {
  const parts = name.split('.')
  return parts.slice(-2).join('.')
}

function goTypeOf (defs: Definitions, schema: OpenApiSchema): string {
  const r = resolve(defs, schema)
  if (r === undefined) return 'interface {}'
  const s = r.schema
  if (r.name !== undefined && (s.type === 'object' || s.oneOf !== undefined || s.format !== undefined)) return goStructType(r.name)
  if (s.type === 'array') return `[]${s.items === undefined ? 'interface {}' : goTypeOf(defs, s.items)}`
  if (s.type === 'object' && typeof s.additionalProperties === 'object') return `map[string]${goTypeOf(defs, s.additionalProperties)}`
  if (s.type === 'integer') return s.format === 'int64' ? 'int64' : 'int32'
  if (s.type === 'boolean') return 'bool'
  if (s.type === 'string') return 'string'
  return 'interface {}'
}

function fits (s: OpenApiSchema, value: unknown): boolean {
  switch (s.type) {
    case 'string': return typeof value === 'string'
    case 'integer': return typeof value === 'number' && Number.isInteger(value)
    case 'boolean': return typeof value === 'boolean'
    case 'array': return Array.isArray(value)
    case 'object': return typeof value === 'object' && !Array.isArray(value)
    default: return true
  }
}

function shapeOf (s: OpenApiSchema): TypeMismatch['shape'] {
  if (s.type === 'array') return 'slice'
  if (s.type === 'object') return s.properties !== undefined ? 'struct' : 'map'
  return 'scalar'
}

interface At { fields: string[], struct: string, path: string }

function walk (defs: Definitions, schema: OpenApiSchema, value: unknown, at: At): TypeMismatch | undefined {
  const r = resolve(defs, schema)
  if (r === undefined || value === null || value === undefined || hasOwnDecoding(r.schema)) return undefined
  const s = r.schema
  if (!fits(s, value)) {
    return { fields: at.fields, struct: at.struct, path: at.path, goType: goTypeOf(defs, schema), shape: shapeOf(s), value }
  }
  if (Array.isArray(value)) {
    const items = s.items
    if (items === undefined) return undefined
    for (const [i, v] of value.entries()) {
      const m = walk(defs, items, v, { ...at, path: itemPath(at.path, v, i) })
      if (m !== undefined) return m
    }
    return undefined
  }
  if (typeof value !== 'object') return undefined
  const rec = value as Record<string, unknown>
  if (s.properties !== undefined) {
    const struct = r.name === undefined ? at.struct : r.name.split('.').pop() ?? at.struct
    for (const [k, v] of Object.entries(rec)) {
      const prop = s.properties[k]
      if (prop === undefined) continue
      const path = `${at.path}.${k}`
      const m = byteMaps.has(`${r.name ?? ''}.${k}`) ? byteMapMismatch(v, [...at.fields, k], struct, path) : walk(defs, prop, v, { fields: [...at.fields, k], struct, path })
      if (m !== undefined) return m
    }
  } else if (typeof s.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(rec)) {
      const m = walk(defs, s.additionalProperties, v, { ...at, path: `${at.path}.${k}` })
      if (m !== undefined) return m
    }
  }
  return undefined
}

/** Finds the first mistyped value of a built-in kind's object; kinds without a definition are not checked. */
export function findTypeMismatch (group: string, version: string, kind: string, obj: unknown): TypeMismatch | undefined {
  const defs = typeDefinitions()
  const name = definitionNameForKind(group, version, kind)
  if (defs[name] === undefined) return undefined
  return walk(defs, { $ref: `#/components/schemas/${name}` }, obj, { fields: [], struct: kind, path: '' })
}

function jsonKind (value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'number' : `number ${String(value)}`
  if (typeof value === 'boolean') return 'bool'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : 'string'
}

/** encoding/json's UnmarshalTypeError, as upstream's JSON and YAML decoding reports it. */
export function jsonDecodeText (m: TypeMismatch): string {
  if (m.text !== undefined) return m.text
  return `json: cannot unmarshal ${jsonKind(m.value)} into Go struct field ${m.struct}.${m.fields.join('.')} of type ${m.goType}`
}

function goDynamicType (value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64'
  if (typeof value === 'boolean') return 'bool'
  if (Array.isArray(value)) return '[]interface {}'
  return typeof value === 'object' ? 'map[string]interface {}' : 'string'
}

function reflectKind (value: unknown): string {
  const t = goDynamicType(value)
  return t.startsWith('[]') ? 'slice' : t.startsWith('map[') ? 'map' : t
}

/** runtime.DefaultUnstructuredConverter's wording, which a strategic merge patch's result meets. */
export function unstructuredConvertText (m: TypeMismatch): string {
  if (m.text !== undefined) return m.text
  switch (m.shape) {
    case 'struct': return `cannot restore struct from: ${reflectKind(m.value)}`
    case 'slice': return `cannot restore slice from ${reflectKind(m.value)}`
    case 'map': return `cannot restore map from ${reflectKind(m.value)}`
    default: return `cannot convert ${goDynamicType(m.value)} to ${m.goType}`
  }
}

/** Go's `%#v` of a decoded JSON value, as structured-merge-diff prints the value it refuses. */
function goSyntax (value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`
  if (typeof value === 'object' && value !== null) return `map[string]interface {}{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${goSyntax(v)}`).join(', ')}}`
  return String(value)
}

/** Go's `%v` of the same value (`&{Recreate}`). */
function goPlain (value: unknown): string {
  if (Array.isArray(value)) return `&{[${value.map((v) => typeof v === 'object' && v !== null ? goPlain(v).slice(2, -1) : String(v)).join(' ')}]}`
  if (typeof value === 'object' && value !== null) return `&{map[${Object.entries(value).map(([k, v]) => `${k}:${String(v)}`).join(' ')}]}`
  return `&{${String(value)}}`
}

/** structured-merge-diff's validation error for server-side apply (`.data.a: expected string, got ...`). */
export function typedPatchText (m: TypeMismatch): string {
  if (m.text !== undefined) return `${m.path}: ${m.text}`
  if (m.shape === 'struct' || m.shape === 'map') return `${m.path}: expected map, got ${goPlain(m.value)}`
  if (m.shape === 'slice') return `${m.path}: expected list, got ${goPlain(m.value)}`
  if (m.goType === 'string') return `${m.path}: expected string, got &value.valueUnstructured{Value:${goSyntax(m.value)}}`
  if (m.goType === 'bool') return `${m.path}: expected boolean, got ${goPlain(m.value)}`
  return `${m.path}: expected numeric (int or float), got ${goDynamicType(m.value)}`
}
