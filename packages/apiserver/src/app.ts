import express from 'express'
import type { Express, Request } from 'express'
import pino from 'pino'
import { createApiMetrics } from './metrics.js'
import type { AppDeps, Limits } from './http/deps.js'
import { defaultLimits } from './http/deps.js'
import { SchemaIndex } from './http/schema-index.js'
import { resourceRouter } from './http/resource-router.js'
import { resourceDispatch } from './http/resource-dispatch.js'
import type { ContextFactory } from './http/resource-router.js'
import { discoveryRouter } from './http/discovery-router.js'
import { healthRouter } from './http/health.js'
import { onlyUnder } from './http/path-guard.js'
import { inflightLimiter } from './http/inflight.js'
import { requestTimeout } from './http/timeout.js'
import { requestMetrics } from './http/request-metrics.js'
import { errorMiddleware, notFoundMiddleware } from './http/errors.js'
import { versionInfo } from './http/version.js'
import { createOpenApiRouter } from './openapi/index.js'
import { openIdRouter } from './serviceaccount/openid.js'
import { withoutTokenSubresource } from './serviceaccount/served-schemas.js'

/**
 * The apiserver's HTTP application, separate from listening so tests drive it with supertest. Filter order follows
 * upstream's handler chain: metrics, health (never throttled), max-inflight, deadline, then discovery and resources.
 */
export function createApp (deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ level: 'silent' })
  const metrics = deps.metrics ?? createApiMetrics()
  const limits: Limits = { ...defaultLimits, ...deps.limits }
  const tokens = deps.serviceAccountTokens
  const schemas = tokens === undefined ? withoutTokenSubresource(deps.schemas) : deps.schemas
  const index = new SchemaIndex(schemas)
  const now = deps.now ?? (() => new Date())
  const makeContext: ContextFactory = (req, res, info, schema, q, labels) => ({
    req,
    res,
    info,
    schema,
    scope: { schema, namespace: info.namespace },
    q,
    store: deps.store,
    patch: deps.patch,
    logger,
    metrics,
    limits,
    now,
    unknownFields: deps.unknownFields,
    index,
    labels,
    serviceAccountTokens: tokens
  })
  const serverAddress = (req: Request): string => deps.serverAddress ?? req.headers.host ?? ''

  const measure = requestMetrics(metrics, logger)
  const inflight = inflightLimiter(limits, metrics)
  const deadline = requestTimeout(limits.requestTimeoutMs)
  const resources = resourceRouter(index, makeContext)
  const onError = errorMiddleware(logger)

  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  // resource requests take the same filters in one layer; the chain below serves everything else
  app.use(resourceDispatch([measure, inflight, deadline], resources, onError))
  app.use(measure)
  app.use(onlyUnder(['/healthz', '/livez', '/readyz'], healthRouter(deps.healthy, deps.bootstrapped)))
  app.get('/metrics', async (_req, res) => {
    const text = await metrics.registry.metrics()
    res.setHeader('Content-Type', metrics.registry.contentType)
    res.end(text)
  })
  app.use(inflight)
  app.use(deadline)
  app.use(onlyUnder(['/openapi/'], createOpenApiRouter(() => [...deps.schemas], versionInfo.gitVersion)))
  if (tokens !== undefined && deps.serviceAccountDiscovery === true) app.use(openIdRouter(tokens))
  app.use(resources)
  app.use(discoveryRouter(schemas, serverAddress))
  app.use(notFoundMiddleware())
  app.use(onError)
  return app
}
