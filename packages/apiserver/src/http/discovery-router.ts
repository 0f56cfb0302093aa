import { Router } from 'express'
import type { Request, Router as ExpressRouter } from 'express'
import { ApiError } from '@kube-ts/api'
import type { ResourceSchema } from '@kube-ts/api'
import { writeJson } from './respond.js'
import { errPathNotFound } from './errors.js'
import { aggregatedDiscovery, aggregatedDiscoveryContentType, apiGroup, apiGroupList, apiResourceList, apiVersions, wantsAggregated } from './discovery.js'
import { versionInfo } from './version.js'

/** `/version`, `/api`, `/apis`, `/api/<v>`, `/apis/<g>`, `/apis/<g>/<v>`: every document from the schema list. */
export function discoveryRouter (schemas: readonly ResourceSchema[], serverAddress: (req: Request) => string): ExpressRouter {
  const router = Router({ strict: false })
  router.get('/version', (_req, res) => writeJson(res, 200, versionInfo))
  router.get('/api', (req, res) => {
    if (wantsAggregated(req.headers.accept)) writeJson(res, 200, aggregatedDiscovery(schemas, true), aggregatedDiscoveryContentType)
    else writeJson(res, 200, apiVersions(schemas, serverAddress(req)))
  })
  router.get('/apis', (req, res) => {
    if (wantsAggregated(req.headers.accept)) writeJson(res, 200, aggregatedDiscovery(schemas, false), aggregatedDiscoveryContentType)
    else writeJson(res, 200, apiGroupList(schemas))
  })
  router.get('/api/:version', (req, res) => {
    const doc = apiResourceList(schemas, '', String(req.params.version))
    if (doc === undefined) throw errPathNotFound()
    writeJson(res, 200, doc)
  })
  router.get('/apis/:group', (req, res) => {
    const doc = apiGroup(schemas, String(req.params.group))
    if (doc === undefined) throw errPathNotFound()
    writeJson(res, 200, doc)
  })
  router.get('/apis/:group/:version', (req, res) => {
    const doc = apiResourceList(schemas, String(req.params.group), String(req.params.version))
    if (doc === undefined) throw errPathNotFound()
    writeJson(res, 200, doc)
  })
  // a known discovery path with another method is 405, as upstream; unknown ones fall through to 404
  const known = (req: Request): boolean => {
    const p = pathParts(req.path)
    if (p.length === 1) return p[0] === 'version' || p[0] === 'api' || p[0] === 'apis'
    if (p[0] === 'api' && p.length === 2) return apiResourceList(schemas, '', p[1] as string) !== undefined
    if (p[0] === 'apis' && p.length === 2) return apiGroup(schemas, p[1] as string) !== undefined
    if (p[0] === 'apis' && p.length === 3) return apiResourceList(schemas, p[1] as string, p[2] as string) !== undefined
    return false
  }
  router.use((req, _res, next) => {
    next(req.method !== 'GET' && known(req) ? new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource') : undefined)
  })
  return router
}

function pathParts (path: string): string[] {
  return path.split('/').filter((s) => s !== '')
}
