import { definitionNameForKind, typeDefinitions, type Definitions, type OpenApiSchema } from './type-definitions.js'

/**
 * Finds fields of an object its kind's schema does not declare, for `fieldValidation=Strict|Warn` (upstream's
 * "strict decoding error: unknown field ..."). Paths use upstream's notation: `spec.containers[0].foo`.
 */
export function findUnknownFields (group: string, version: string, kind: string, obj: unknown): string[] {
  const defs = typeDefinitions()
  const root = defs[definitionNameForKind(group, version, kind)]
  if (root === undefined) return []
  const found: string[] = []
  walk(defs, root, obj, '', found)
  return found
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

function walk (defs: Definitions, schema: OpenApiSchema, value: unknown, path: string, found: string[]): void {
  const s = resolve(defs, schema)
  if (s === undefined || s['x-kubernetes-preserve-unknown-fields'] === true || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    if (s.items !== undefined) value.forEach((v, i) => walk(defs, s.items!, v, `${path}[${i}]`, found))
    return
  }
  const entries = Object.entries(value as Record<string, unknown>)
  if (s.properties !== undefined) {
    for (const [k, v] of entries) {
      const child = `${path === '' ? '' : `${path}.`}${k}`
      const prop = s.properties[k]
      if (prop === undefined) found.push(child)
      else walk(defs, prop, v, child, found)
    }
  } else if (typeof s.additionalProperties === 'object') {
    for (const [k, v] of entries) walk(defs, s.additionalProperties, v, `${path === '' ? '' : `${path}.`}${k}`, found)
  }
}
