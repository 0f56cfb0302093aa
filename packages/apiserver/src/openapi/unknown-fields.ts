import { definitionNameForKind, typeDefinitions, type Definitions, type OpenApiSchema } from './type-definitions.js'

/** A field the kind's schema does not declare. */
export interface UnknownField {
  /** Upstream's notation: `spec.containers[0].foo`. */
  path: string
  /** Key and item indices leading to it, in the object's own key order (its position in document order). */
  order: number[]
}

export interface UnknownFieldOptions {
  /** Delete the fields from the object as they are found, as decoding into upstream's typed structs drops them. */
  prune?: boolean
}

/** Past this many, the remaining unknown fields are still pruned but no longer listed (upstream reports 100). */
const maxListed = 1000

/**
 * Finds fields of an object its kind's schema does not declare, for `fieldValidation` (upstream's "strict decoding
 * error: unknown field ..."), and optionally prunes them. Free-form maps (`additionalProperties`) and
 * `x-kubernetes-preserve-unknown-fields` subtrees hold no unknown fields; kinds without a schema are left alone.
 */
export function findUnknownFields (group: string, version: string, kind: string, obj: unknown, options: UnknownFieldOptions = {}): UnknownField[] {
  if (!isBuiltinGroup(group)) return []
  const defs = typeDefinitions()
  const root = defs[definitionNameForKind(group, version, kind)]
  if (root === undefined) return []
  const found: UnknownField[] = []
  walk(defs, root, obj, { path: '', order: [] }, found, options.prune === true)
  return found
}

/**
 * Built-in groups are the core group, dotless ones (apps, batch, ...) and `*.k8s.io`; custom resource groups always
 * contain a dot, and must not be checked against a built-in type that shares their first label
 * (`apps.example.com`).
 */
function isBuiltinGroup (group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io')
}

function resolve (defs: Definitions, schema: OpenApiSchema): OpenApiSchema | undefined {
  let s: OpenApiSchema | undefined = schema
  for (let i = 0; i < 8 && s !== undefined; i++) {
    if (s.$ref !== undefined) s = defs[s.$ref.replace('#/components/schemas/', '')]
    else if (s.allOf?.[0] !== undefined) s = s.allOf[0]
    else return s
  }
  return s
}

function field (at: UnknownField, key: string, index: number): UnknownField {
  return { path: at.path === '' ? key : `${at.path}.${key}`, order: [...at.order, index] }
}

function item (at: UnknownField, index: number): UnknownField {
  return { path: `${at.path}[${index}]`, order: [...at.order, index] }
}

function walk (defs: Definitions, schema: OpenApiSchema, value: unknown, at: UnknownField, found: UnknownField[], prune: boolean): void {
  const s = resolve(defs, schema)
  if (s === undefined || s['x-kubernetes-preserve-unknown-fields'] === true || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    const items = s.items
    if (items !== undefined) value.forEach((v, i) => walk(defs, items, v, item(at, i), found, prune))
    return
  }
  const rec = value as Record<string, unknown>
  const keys = Object.keys(rec)
  if (s.properties !== undefined) {
    keys.forEach((k, i) => {
      const prop = s.properties?.[k]
      if (prop !== undefined) {
        walk(defs, prop, rec[k], field(at, k, i), found, prune)
        return
      }
      if (found.length < maxListed) found.push(field(at, k, i))
      if (prune) delete rec[k]
    })
  } else if (typeof s.additionalProperties === 'object') {
    const values = s.additionalProperties
    keys.forEach((k, i) => walk(defs, values, rec[k], field(at, k, i), found, prune))
  }
}
