import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'

/**
 * Builds OpenAPI schemas for every API type from the `kubernetes-types` package's declaration files, so that
 * OpenAPI documents, `kubectl explain` and unknown-field detection all come from one well-kept source instead of
 * hand-written schemas. Only the syntax tree is read (no type checker): the declarations are plain interfaces,
 * string/number/boolean fields, `Array<T>`, `{ [name: string]: T }` maps and a few aliases.
 */
export interface OpenApiSchema {
  type?: string
  format?: string
  description?: string
  properties?: Record<string, OpenApiSchema>
  required?: string[]
  items?: OpenApiSchema
  additionalProperties?: OpenApiSchema | boolean
  allOf?: OpenApiSchema[]
  oneOf?: OpenApiSchema[]
  $ref?: string
  default?: unknown
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-group-version-kind'?: Array<{ group: string, version: string, kind: string }>
  'x-kubernetes-patch-merge-key'?: string
  'x-kubernetes-patch-strategy'?: string
  'x-kubernetes-list-type'?: string
  'x-kubernetes-list-map-keys'?: string[]
  'x-kubernetes-map-type'?: string
  [extension: `x-${string}`]: unknown
}

export type Definitions = Record<string, OpenApiSchema>

/** Maps a declaration file (relative to the package root, without `.d.ts`) to upstream's definition-name prefix. */
export function definitionPrefix (file: string): string {
  if (file === 'runtime') return 'io.k8s.apimachinery.pkg.runtime'
  if (file === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource'
  if (file === 'version') return 'io.k8s.apimachinery.pkg.version'
  if (file.startsWith('meta/')) return `io.k8s.apimachinery.pkg.apis.meta.${file.slice(5)}`
  if (file.startsWith('apiextensions/')) return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${file.slice(14)}`
  return `io.k8s.api.${file.replace('/', '.')}`
}

function typesRoot (): string {
  return dirname(require.resolve('kubernetes-types/package.json'))
}

function declarationFiles (root: string, dir = root): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...declarationFiles(root, full))
    else if (entry.endsWith('.d.ts')) out.push(relative(root, full).slice(0, -'.d.ts'.length))
  }
  return out
}

/** Doc comment text of a node (the `/** ... *\/` directly before it). */
function docOf (node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []
  const last = ranges[ranges.length - 1]
  if (last === undefined) return undefined
  const raw = source.text.slice(last.pos, last.end)
  if (!raw.startsWith('/**')) return undefined
  return raw.slice(3, -2).split('\n').map(l => l.replace(/^\s*\* ?/, '')).join('\n').trim()
}

interface FileContext {
  source: ts.SourceFile
  prefix: string
  /** Imported name -> definition prefix of the file it comes from. */
  imports: Map<string, string>
  /** Local type aliases (Quantity = string, ...) -> their schema. */
  aliases: Map<string, OpenApiSchema>
}

const refTo = (name: string): OpenApiSchema => ({ $ref: `#/components/schemas/${name}` })

// Upstream's v3 documents give the two scalar-or-string types a schema of their own with `oneOf` and no `type`, so
// `kubectl explain` prints `<IntOrString>` and `<map[string]Quantity>` rather than `<string>`.
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'
const intOrStringSchema: OpenApiSchema = {
  description: 'IntOrString is a type that can hold an int32 or a string.',
  format: 'int-or-string',
  oneOf: [{ type: 'integer' }, { type: 'string' }]
}

function schemaOfType (node: ts.TypeNode, ctx: FileContext): OpenApiSchema {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return { type: 'string' }
    case ts.SyntaxKind.NumberKeyword: return { type: 'integer', format: 'int32' }
    case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' }
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword: return { 'x-kubernetes-preserve-unknown-fields': true }
    case ts.SyntaxKind.LiteralType: return { type: 'string' }
  }
  if (ts.isUnionTypeNode(node)) {
    const kinds = new Set(node.types.map(t => t.kind))
    if (kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return refTo(INT_OR_STRING)
    // JSONSchemaPropsOr* and similar unions: accept any JSON
    return { 'x-kubernetes-preserve-unknown-fields': true }
  }
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: schemaOfType(node.elementType, ctx) }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration)
    if (index?.type !== undefined) return { type: 'object', additionalProperties: schemaOfType(index.type, ctx) }
    return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(ctx.source)
    if (name === 'Array' && node.typeArguments?.[0] !== undefined) {
      return { type: 'array', items: schemaOfType(node.typeArguments[0], ctx) }
    }
    const alias = ctx.aliases.get(name)
    if (alias !== undefined) return alias
    const imported = ctx.imports.get(name)
    return refTo(`${imported ?? ctx.prefix}.${name}`)
  }
  return { 'x-kubernetes-preserve-unknown-fields': true }
}

/** Upstream uses int64 for these well-known integer fields; the declarations only say `number`. */
const int64Fields = new Set(['generation', 'observedGeneration', 'resourceVersion', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'deletionGracePeriodSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'seconds', 'startingDeadlineSeconds', 'gracePeriodSeconds', 'remainingItemCount', 'revision', 'tolerationSeconds', 'expirationSeconds', 'value', 'count', 'priority'])

function aliasSchema (decl: ts.TypeAliasDeclaration, source: ts.SourceFile): OpenApiSchema | undefined {
  const name = decl.name.text
  const description = docOf(decl, source)
  if (name === 'Quantity') return { oneOf: [{ type: 'string' }, { type: 'number' }], description }
  if (name === 'Time') return { type: 'string', format: 'date-time', description }
  if (name === 'MicroTime') return { type: 'string', format: 'date-time', description }
  if (decl.type.kind === ts.SyntaxKind.StringKeyword) return { type: 'string', description }
  return undefined
}

function parseFile (root: string, file: string, defs: Definitions): void {
  const text = readFileSync(join(root, `${file}.d.ts`), 'utf8')
  const source = ts.createSourceFile(`${file}.d.ts`, text, ts.ScriptTarget.ES2022, true)
  const prefix = definitionPrefix(file)
  const ctx: FileContext = { source, prefix, imports: new Map(), aliases: new Map() }
  for (const stmt of source.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const target = join(dirname(file), stmt.moduleSpecifier.text).replace(/\\/g, '/')
      const bindings = stmt.importClause?.namedBindings
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) ctx.imports.set(el.name.text, definitionPrefix(target))
      }
    }
  }
  for (const stmt of source.statements) {
    if (ts.isTypeAliasDeclaration(stmt)) {
      const s = aliasSchema(stmt, source)
      if (s !== undefined) {
        defs[`${prefix}.${stmt.name.text}`] = s
        ctx.aliases.set(stmt.name.text, refTo(`${prefix}.${stmt.name.text}`))
      } else {
        ctx.aliases.set(stmt.name.text, schemaOfType(stmt.type, ctx))
      }
    }
  }
  for (const stmt of source.statements) {
    if (!ts.isInterfaceDeclaration(stmt)) continue
    const schema: OpenApiSchema = { type: 'object', description: docOf(stmt, source) }
    const properties: Record<string, OpenApiSchema> = {}
    const required: string[] = []
    for (const member of stmt.members) {
      if (!ts.isPropertySignature(member) || member.type === undefined) continue
      const name = member.name.getText(source).replace(/^["']|["']$/g, '')
      let prop = schemaOfType(member.type, ctx)
      if (prop.$ref !== undefined) prop = { allOf: [prop] }
      if (prop.format === 'int32' && int64Fields.has(name)) prop = { ...prop, format: 'int64' }
      const description = docOf(member, source)
      if (description !== undefined) prop = { ...prop, description }
      properties[name] = prop
      if (member.questionToken === undefined) required.push(name)
    }
    if (Object.keys(properties).length === 0) {
      schema['x-kubernetes-preserve-unknown-fields'] = true
    } else {
      schema.properties = properties
      if (required.length > 0) schema.required = required
    }
    defs[`${prefix}.${stmt.name.text}`] = schema
  }
}

let cached: Definitions | undefined

/** All definitions, keyed by upstream name (`io.k8s.api.apps.v1.Deployment`). Parsed once per process (~100 ms). */
export function typeDefinitions (): Definitions {
  if (cached !== undefined) return cached
  const root = typesRoot()
  const defs: Definitions = { [INT_OR_STRING]: intOrStringSchema }
  for (const file of declarationFiles(root)) parseFile(root, file, defs)
  cached = defs
  return defs
}

/** Upstream definition name of a kind: `io.k8s.api.apps.v1.Deployment`. */
export function definitionNameForKind (group: string, version: string, kind: string): string {
  if (group === '') return `io.k8s.api.core.${version}.${kind}`
  // rbac.authorization.k8s.io -> rbac, networking.k8s.io -> networking, apps -> apps
  return `io.k8s.api.${group.split('.')[0] ?? group}.${version}.${kind}`
}
