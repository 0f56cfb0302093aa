import { Router } from 'express'
import type { Request, Router as ExpressRouter } from 'express'
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
  return router
}
