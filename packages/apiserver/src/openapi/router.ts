import { Router, type Request, type Response } from 'express'
import type { ResourceSchema } from '@kube-ts/api'
import { buildGroupVersionDocuments, type GroupVersionDocument } from './documents.js'
import { buildSwaggerV2, type SwaggerDocument } from './swagger-v2.js'

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
 * 2.0 document made from the same definitions, in JSON only: kubectl asks for it only as protobuf, and still gets the
 * 404 its fallbacks expect (kubectl-wire.md section 3), while `kubectl get --raw /openapi/v2` and other clients get
 * the JSON document upstream serves. Documents are built lazily on first request.
 */
export function createOpenApiRouter (schemas: () => ResourceSchema[], serverVersion: string): Router {
  let docs: Map<string, GroupVersionDocument> | undefined
  const load = (): Map<string, GroupVersionDocument> => {
    docs ??= new Map(buildGroupVersionDocuments(schemas(), serverVersion).map(d => [d.path, d]))
    return docs
  }
  let swagger: SwaggerDocument | undefined
  const router = Router()
  router.get('/openapi/v2', (req: Request, res: Response) => {
    if (!acceptsJson(req.headers.accept)) {
      res.status(404).type('application/json').send(JSON.stringify(notFound))
      return
    }
    swagger ??= buildSwaggerV2(load().values(), serverVersion)
    res.setHeader('ETag', swagger.etag)
    if (req.headers['if-none-match'] === swagger.etag) { res.status(304).end(); return }
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
