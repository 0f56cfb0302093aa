import { createHash } from 'node:crypto'
import type { ResourceSchema } from '@kube-ts/api'
import { definitionNameForKind, typeDefinitions, type Definitions, type OpenApiSchema } from './type-definitions.js'

/**
 * OpenAPI v3 documents as the apiserver serves them: a root listing one document per group-version
 * (`/openapi/v3/apis/apps/v1?hash=...`) and, per group-version, the paths of its resources and the schemas they use.
 * kubectl needs, per kind, a PATCH operation carrying `x-kubernetes-group-version-kind` and the `fieldValidation`
 * query parameter (docs/kubectl-wire.md section 3), and `components.schemas` for `kubectl explain`.
 */
export interface OpenApiDocument {
  openapi: string
  info: { title: string, version: string }
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Definitions }
}

export interface GroupVersionDocument {
  /** `api/v1` or `apis/apps/v1`. */
  path: string
  document: OpenApiDocument
  json: string
  hash: string
}

const ref = (name: string): OpenApiSchema => ({ $ref: `#/components/schemas/${name}` })
const queryParam = (name: string, description: string, type = 'string'): Record<string, unknown> =>
  ({ name, in: 'query', description, schema: { type, uniqueItems: true } })
const pathParam = (name: string, description: string): Record<string, unknown> =>
  ({ name, in: 'path', required: true, description, schema: { type: 'string', uniqueItems: true } })

const commonWriteParams = [
  queryParam('dryRun', 'When present, indicates that modifications should not be persisted. The only valid value is All.'),
  queryParam('fieldManager', 'A name associated with the actor or entity that is making these changes.'),
  queryParam('fieldValidation', 'How the server handles unknown or duplicate fields: Ignore, Warn or Strict.')
]
const listParams = ['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'resourceVersionMatch', 'timeoutSeconds', 'watch', 'allowWatchBookmarks', 'sendInitialEvents']
  .map(n => queryParam(n, `The ${n} list option.`, n === 'limit' || n === 'timeoutSeconds' ? 'integer' : n === 'watch' || n === 'allowWatchBookmarks' || n === 'sendInitialEvents' ? 'boolean' : 'string'))

const jsonContent = (schema: OpenApiSchema): Record<string, unknown> => ({ 'application/json': { schema } })
/** The patch types this server accepts. Strategic merge is deliberately not listed: kubectl then computes its
 * client-side-apply patch from its compiled-in types, which carry the exact merge keys (kubectl-wire.md 3.2). */
const patchContent = {
  'application/json-patch+json': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
  'application/merge-patch+json': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') },
  'application/apply-patch+yaml': { schema: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Patch') }
}

function operations (schema: ResourceSchema, defName: string, item: boolean, sub?: string): Record<string, unknown> {
  const gvk = { group: schema.group, version: schema.version, kind: schema.kind }
  const subDef = sub === 'scale' ? 'io.k8s.api.autoscaling.v1.Scale' : defName
  const body = ref(subDef)
  const ok = { 200: { description: 'OK', content: jsonContent(body) } }
  const op = (verb: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    tags: [`${schema.group === '' ? 'core' : schema.group}_${schema.version}`],
    operationId: `${verb}${schema.kind}${sub === undefined ? '' : sub[0]!.toUpperCase() + sub.slice(1)}`,
    'x-kubernetes-action': verb,
    'x-kubernetes-group-version-kind': sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk,
    ...extra
  })
  if (!item) {
    return {
      get: op('list', { parameters: listParams, responses: { 200: { description: 'OK', content: jsonContent(ref(`${defName}List`)) } } }),
      post: op('post', { parameters: commonWriteParams, requestBody: { content: jsonContent(body) }, responses: { ...ok, 201: { description: 'Created', content: jsonContent(body) } } }),
      delete: op('deletecollection', { parameters: listParams, responses: { 200: { description: 'OK' } } })
    }
  }
  const ops: Record<string, unknown> = {
    get: op('get', { responses: ok }),
    put: op('put', { parameters: commonWriteParams, requestBody: { content: jsonContent(body) }, responses: ok }),
    patch: op('patch', { parameters: [...commonWriteParams, queryParam('force', 'Force is going to "force" Apply requests.', 'boolean')], requestBody: { content: patchContent }, responses: ok })
  }
  if (sub === undefined) ops.delete = op('delete', { responses: ok })
  return ops
}

function resourcePaths (schema: ResourceSchema, defName: string): Record<string, Record<string, unknown>> {
  const base = schema.group === '' ? `/api/${schema.version}` : `/apis/${schema.group}/${schema.version}`
  const nsParam = pathParam('namespace', 'object name and auth scope, such as for teams and projects')
  const nameParam = pathParam('name', `name of the ${schema.kind}`)
  const collection = schema.namespaced ? `${base}/namespaces/{namespace}/${schema.plural}` : `${base}/${schema.plural}`
  const scoped = schema.namespaced ? [nsParam] : []
  const paths: Record<string, Record<string, unknown>> = {}
  if (schema.verbs.includes('list') || schema.verbs.includes('create')) {
    paths[collection] = { ...operations(schema, defName, false), parameters: scoped }
  }
  if (schema.verbs.includes('get')) {
    paths[`${collection}/{name}`] = { ...operations(schema, defName, true), parameters: [...scoped, nameParam] }
  }
  for (const sub of schema.subresources) {
    if (sub !== 'status' && sub !== 'scale') continue
    paths[`${collection}/{name}/${sub}`] = { ...operations(schema, defName, true, sub), parameters: [...scoped, nameParam] }
  }
  return paths
}

/** Collects `name` and every definition it references, transitively. */
function closure (defs: Definitions, names: string[]): Definitions {
  const out: Definitions = {}
  const visit = (name: string): void => {
    if (name in out) return
    const def = defs[name]
    if (def === undefined) return
    out[name] = def
    walkRefs(def, visit)
  }
  names.forEach(visit)
  return out
}

function walkRefs (schema: OpenApiSchema, visit: (name: string) => void): void {
  if (schema.$ref !== undefined) visit(schema.$ref.replace('#/components/schemas/', ''))
  schema.allOf?.forEach(s => walkRefs(s, visit))
  if (schema.items !== undefined) walkRefs(schema.items, visit)
  if (typeof schema.additionalProperties === 'object') walkRefs(schema.additionalProperties, visit)
  for (const p of Object.values(schema.properties ?? {})) walkRefs(p, visit)
}

/** Copies the kind's definition with its GVK extension (every kind of a GV doc carries it, as upstream). */
function withGvk (def: OpenApiSchema, gvks: Array<{ group: string, version: string, kind: string }>): OpenApiSchema {
  return { ...def, 'x-kubernetes-group-version-kind': gvks }
}

/** Builds one document per group-version served by `schemas`. */
export function buildGroupVersionDocuments (schemas: ResourceSchema[], serverVersion: string): GroupVersionDocument[] {
  const defs = typeDefinitions()
  const byGv = new Map<string, ResourceSchema[]>()
  for (const s of schemas) {
    const path = s.group === '' ? `api/${s.version}` : `apis/${s.group}/${s.version}`
    byGv.set(path, [...(byGv.get(path) ?? []), s])
  }
  const docs: GroupVersionDocument[] = []
  for (const [path, members] of byGv) {
    const paths: OpenApiDocument['paths'] = {}
    const roots: string[] = ['io.k8s.apimachinery.pkg.apis.meta.v1.Patch', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']
    const kindDefs = new Map<string, Array<{ group: string, version: string, kind: string }>>()
    for (const s of members) {
      const name = definitionNameForKind(s.group, s.version, s.kind)
      if (defs[name] === undefined) continue
      roots.push(name, `${name}List`)
      kindDefs.set(name, [{ group: s.group, version: s.version, kind: s.kind }])
      kindDefs.set(`${name}List`, [{ group: s.group, version: s.version, kind: s.listKind }])
      if (s.subresources.includes('scale')) {
        roots.push('io.k8s.api.autoscaling.v1.Scale')
        kindDefs.set('io.k8s.api.autoscaling.v1.Scale', [{ group: 'autoscaling', version: 'v1', kind: 'Scale' }])
      }
      Object.assign(paths, resourcePaths(s, name))
    }
    const components = closure({ ...defs, 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' } }, roots)
    for (const [name, gvks] of kindDefs) if (components[name] !== undefined) components[name] = withGvk(components[name], gvks)
    const document: OpenApiDocument = { openapi: '3.0.0', info: { title: 'Kubernetes', version: serverVersion }, paths, components: { schemas: components } }
    const json = JSON.stringify(document)
    docs.push({ path, document, json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() })
  }
  return docs
}
