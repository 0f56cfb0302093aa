import { Router, type Request, type Response } from 'express'
import type { ResourceSchema } from '@kube-ts/api'
import { buildGroupVersionDocuments, type GroupVersionDocument } from './documents.js'
import { buildSwaggerV2, type SwaggerDocument } from './swagger-v2.js'
import { encodeSwaggerV2 } from './swagger-v2-proto.js'

/** The media type kubectl asks /openapi/v2 for (gnostic's protobuf message), in either spelling upstream accepts. */
const PROTOBUF_V2 = ['application/com.github.proto-openapi.spec.v2@v1.0+protobuf', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf']
/** Upstream answers with the spelling Go's mime parser accepts ('@' is not a token character). */
const PROTOBUF_V2_RETURNED = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

const notFound = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 }

/** Whether an Accept header admits JSON (no header, a JSON type or a wildcard). */
function acceptsJson (accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true
  return accept.split(',').some((part) => {
    const type = (part.split(';')[0] ?? '').trim().toLowerCase()
    return type === 'application/json' || type === '*/*' || type === 'application/*'
  })
}

/**
 * Serves `/openapi/v3` (the root listing each group-version document with its content hash) and
 * `/openapi/v3/<gv>` (with ETag / If-None-Match as kubectl re-validates its cache), and `/openapi/v2`, one Swagger
 * 2.0 document made from the same definitions, as JSON or as the gnostic protobuf message kubectl asks for: kubectl
 * validates `kind: List` manifests (what `get -o yaml` writes) against it client-side. Its PATCH operations do not
 * list strategic merge patch either, so kubectl's client-side apply still falls back to its compiled-in types. Documents are built lazily on first request.
 */
export function createOpenApiRouter (schemas: () => ResourceSchema[], serverVersion: string): Router {
  let docs: Map<string, GroupVersionDocument> | undefined
  const load = (): Map<string, GroupVersionDocument> => {
    docs ??= new Map(buildGroupVersionDocuments(schemas(), serverVersion).map(d => [d.path, d]))
    return docs
  }
  let swagger: SwaggerDocument | undefined
  let proto: Buffer | undefined
  const router = Router()
  router.get('/openapi/v2', (req: Request, res: Response) => {
    const wantsProto = PROTOBUF_V2.some((t) => (req.headers.accept ?? '').includes(t))
    if (!wantsProto && !acceptsJson(req.headers.accept)) {
      res.status(406).type('application/json').send(JSON.stringify({ ...notFound, message: `only the following media types are accepted: application/json, ${PROTOBUF_V2.join(', ')}`, reason: 'NotAcceptable', code: 406 }))
      return
    }
    swagger ??= buildSwaggerV2(load().values(), serverVersion)
    res.setHeader('ETag', swagger.etag)
    res.setHeader('Vary', 'Accept')
    if (req.headers['if-none-match'] === swagger.etag) { res.status(304).end(); return }
    if (wantsProto) {
      proto ??= encodeSwaggerV2(swagger.document)
      res.type(PROTOBUF_V2_RETURNED).send(proto)
      return
    }
    res.type('application/json').send(swagger.json)
  })
  router.get('/openapi/v3', (_req: Request, res: Response) => {
    const paths: Record<string, { serverRelativeURL: string }> = {}
    for (const d of load().values()) paths[d.path] = { serverRelativeURL: `/openapi/v3/${d.path}?hash=${d.hash}` }
    res.type('application/json').send(JSON.stringify({ paths }))
  })
  router.get(/^\/openapi\/v3\/(.+)$/, (req: Request, res: Response) => {
    const path = (req.params as Record<string, string>)[0] ?? ''
    const doc = load().get(path)
    if (doc === undefined) {
      res.status(404).type('application/json').send(JSON.stringify(notFound))
      return
    }
    const etag = `"${doc.hash}"`
    res.setHeader('ETag', etag)
    // a request naming the current hash may be cached forever, as upstream does
    res.setHeader('Cache-Control', req.query.hash === doc.hash ? 'public, immutable' : 'no-cache, private')
    if (req.headers['if-none-match'] === etag) { res.status(304).end(); return }
    res.type('application/json').send(doc.json)
  })
  return router
}
