import type { NextFunction, Request, Response } from 'express'
import { ApiError } from '@kube-ts/api'
import type { ResourceSchema } from '@kube-ts/api'
import { requestInfoOf } from './request-info-cache.js'
import type { RequestInfo } from './request-info.js'
import { isWatchRequest, queryOf } from './query.js'
import type { Query } from './query.js'
import { errPathNotFound } from './errors.js'
import type { SchemaIndex } from './schema-index.js'
import type { HandlerContext } from './handlers/context.js'
import { handleGet, handleList } from './handlers/read.js'
import { handleWatch } from './handlers/watch.js'
import { handleCreate } from './handlers/create.js'
import { handleUpdate } from './handlers/update.js'
import { handlePatch } from './handlers/patch.js'
import { handleDelete, handleDeleteCollection } from './handlers/delete.js'
import { handleGetScale, handlePatchScale, handleUpdateScale } from './handlers/scale.js'
import { handleBinding } from './handlers/binding.js'
import { handleEviction } from './handlers/eviction.js'
import { handleTokenRequest } from './handlers/token.js'

type Handler = (ctx: HandlerContext) => Promise<void>

/** The verb (upstream RequestInfo verb) and handler for one request. */
export interface Route { verb: string, handler: Handler }

const errMethod = (): ApiError => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')

const subresourceRoutes: Record<string, Record<string, Route>> = {
  status: { GET: { verb: 'get', handler: handleGet }, PUT: { verb: 'update', handler: handleUpdate }, PATCH: { verb: 'patch', handler: handlePatch } },
  scale: { GET: { verb: 'get', handler: handleGetScale }, PUT: { verb: 'update', handler: handleUpdateScale }, PATCH: { verb: 'patch', handler: handlePatchScale } },
  binding: { POST: { verb: 'create', handler: handleBinding } },
  eviction: { POST: { verb: 'create', handler: handleEviction } },
  token: { POST: { verb: 'create', handler: handleTokenRequest } },
  // pods/<name>/ephemeralcontainers reads and writes the whole pod; the registry keeps all but spec.ephemeralContainers
  ephemeralcontainers: { GET: { verb: 'get', handler: handleGet }, PUT: { verb: 'update', handler: handleUpdate }, PATCH: { verb: 'patch', handler: handlePatch } },
  // namespaces/<ns>/finalize: the namespace controller removes spec.finalizers here (the registry keeps the rest)
  finalize: { PUT: { verb: 'update', handler: handleUpdate } }
}

/**
 * Picks the handler for a resolved request, enforcing scope rules: cluster-scoped kinds only on cluster paths,
 * namespaced items only under a namespace, writes to a namespaced collection only under a namespace.
 */
export function routeOf (method: string, info: RequestInfo, schema: ResourceSchema, q: Query): Route {
  if (!schema.namespaced && info.namespace !== '') throw errPathNotFound()
  if (schema.namespaced && info.namespace === '' && info.name !== '') throw errPathNotFound()
  if (info.subresource !== '') {
    if (!(schema.subresources as string[]).includes(info.subresource)) throw errPathNotFound()
    const routes = subresourceRoutes[info.subresource]
    if (routes === undefined) throw errPathNotFound()
    const route = routes[method]
    if (route === undefined) throw errMethod()
    return route
  }
  const watch = info.legacyWatch || ((method === 'GET') && isWatchRequest(q))
  if (info.legacyWatch && method !== 'GET') throw errMethod()
  let route: Route | undefined
  if (info.name === '') {
    if (method === 'GET') route = watch ? { verb: 'watch', handler: handleWatch } : { verb: 'list', handler: handleList }
    else if (method === 'POST') route = { verb: 'create', handler: handleCreate }
    else if (method === 'DELETE') route = { verb: 'deletecollection', handler: handleDeleteCollection }
    if (route !== undefined && route.verb !== 'list' && route.verb !== 'watch' && schema.namespaced && info.namespace === '') throw errMethod()
  } else {
    if (method === 'GET') route = watch ? { verb: 'watch', handler: handleWatch } : { verb: 'get', handler: handleGet }
    else if (method === 'PUT') route = { verb: 'update', handler: handleUpdate }
    else if (method === 'PATCH') route = { verb: 'patch', handler: handlePatch }
    else if (method === 'DELETE') route = { verb: 'delete', handler: handleDelete }
  }
  if (route === undefined || !schema.verbs.includes(route.verb)) throw errMethod()
  return route
}

/** Metric labels as upstream's apiserver_request_total uses them. */
export function metricLabels (method: string, info: RequestInfo, route: Route | undefined, contentType: string | undefined, dryRun: string[] = []): Record<string, string> {
  let verb = method
  if (route?.verb === 'list') verb = 'LIST'
  else if (route?.verb === 'watch') verb = 'WATCH'
  else if (method === 'PATCH' && (contentType ?? '').startsWith('application/apply-patch')) verb = 'APPLY'
  return {
    verb,
    // only the one valid value is echoed, so a client cannot mint label values
    dry_run: dryRun.includes('All') ? 'All' : '',
    group: info.group,
    version: info.version,
    resource: info.resource,
    subresource: info.subresource,
    scope: info.name !== '' ? 'resource' : info.namespace !== '' ? 'namespace' : 'cluster',
    component: 'apiserver'
  }
}

export type ContextFactory = (req: Request, res: Response, info: RequestInfo, schema: ResourceSchema, q: Query, labels: Record<string, string>) => HandlerContext

/** Express middleware for every `/api/<v>/...` and `/apis/<g>/<v>/...` resource path; other paths pass through. */
export function resourceRouter (index: SchemaIndex, makeContext: ContextFactory) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const info = requestInfoOf(req)
    if (info === undefined) {
      next()
      return
    }
    const schema = index.find(info.group, info.version, info.resource)
    if (schema === undefined) throw errPathNotFound()
    const q = queryOf(req.originalUrl)
    const route = routeOf(req.method, info, schema, q)
    const labels = metricLabels(req.method, info, route, req.headers['content-type'], q.getAll('dryRun'))
    res.locals.metricLabels = labels
    await route.handler(makeContext(req, res, info, schema, q, labels))
  }
}
