import { createHash } from 'node:crypto'
import type { GroupVersionDocument } from './documents.js'
import type { OpenApiSchema } from './type-definitions.js'

export type Json = Record<string, unknown>

/** The single Swagger 2.0 document upstream serves at `/openapi/v2`, with its ETag. */
export interface SwaggerDocument { document: Json, json: string, etag: string }

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A v3 schema in v2 form: references point into `#/definitions/`, a lone `allOf` reference becomes the reference
 * itself, and the scalar-or-string types (no `oneOf` in Swagger 2.0) become strings as upstream's v2 spec has them.
 */
function schemaV2 (s: OpenApiSchema): Json {
  if (s.oneOf !== undefined) {
    const { oneOf: _oneOf, ...rest } = s
    return { ...rest, type: 'string' }
  }
  const out: Json = {}
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/components/schemas/', '#/definitions/')
    else if (k === 'allOf' && Array.isArray(v) && v.length === 1 && isObj(v[0]) && typeof v[0].$ref === 'string') Object.assign(out, schemaV2(v[0] as OpenApiSchema))
    else if ((k === 'items' || k === 'additionalProperties') && isObj(v)) out[k] = schemaV2(v as OpenApiSchema)
    else if (k === 'properties' && isObj(v)) out[k] = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, schemaV2(ps as OpenApiSchema)]))
    else if (k === 'allOf' && Array.isArray(v)) out[k] = v.map((x) => schemaV2(x as OpenApiSchema))
    else out[k] = v
  }
  return out
}

/** A v3 parameter (`schema: {type}`) as a v2 one (`type` inline). */
function parameterV2 (p: unknown): unknown {
  if (!isObj(p)) return p
  const { schema, ...rest } = p
  return isObj(schema) ? { ...rest, ...schema } : rest
}

function responsesV2 (responses: unknown): Json {
  const out: Json = {}
  for (const [code, r] of Object.entries(isObj(responses) ? responses : {})) {
    if (!isObj(r)) continue
    const schema = isObj(r.content) ? Object.values(r.content).find(isObj)?.schema : undefined
    out[code] = { description: r.description, ...(isObj(schema) ? { schema: schemaV2(schema as OpenApiSchema) } : {}) }
  }
  return out
}

function operationV2 (op: Json): Json {
  const { requestBody, responses, parameters, ...rest } = op
  const params = Array.isArray(parameters) ? parameters.map(parameterV2) : []
  const content = isObj(requestBody) && isObj(requestBody.content) ? requestBody.content : undefined
  const body = content !== undefined ? Object.values(content).find(isObj)?.schema : undefined
  if (isObj(body)) params.unshift({ name: 'body', in: 'body', required: true, schema: schemaV2(body as OpenApiSchema) })
  return {
    ...rest,
    ...(content !== undefined ? { consumes: Object.keys(content) } : {}),
    produces: ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
    schemes: ['https'],
    ...(params.length > 0 ? { parameters: params } : {}),
    responses: { ...responsesV2(responses), 401: { description: 'Unauthorized' } }
  }
}

/** Merges the per-group-version v3 documents into one Swagger 2.0 document. */
export function buildSwaggerV2 (docs: Iterable<GroupVersionDocument>, serverVersion: string): SwaggerDocument {
  const paths: Json = {}
  const definitions: Json = {}
  for (const d of docs) {
    for (const [path, item] of Object.entries(d.document.paths)) {
      const out: Json = {}
      for (const [k, v] of Object.entries(item)) {
        if (k === 'parameters' && Array.isArray(v)) out.parameters = v.map(parameterV2)
        else if (isObj(v)) out[k] = operationV2(v)
      }
      paths[path] = out
    }
    // a kind's definition carries its GVK only in its own group-version's document
    for (const [name, s] of Object.entries(d.document.components.schemas)) {
      if (definitions[name] === undefined || s['x-kubernetes-group-version-kind'] !== undefined) definitions[name] = schemaV2(s)
    }
  }
  const document = {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: serverVersion },
    paths,
    definitions,
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }]
  }
  const json = JSON.stringify(document)
  return { document, json, etag: `"${createHash('sha512').update(json).digest('hex').toUpperCase()}"` }
}
