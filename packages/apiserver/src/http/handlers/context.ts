import type { Request, Response } from 'express'
import type { Logger } from 'pino'
import type { ResourceSchema } from '@kube-ts/api'
import type { RequestScope, RestStore, WriteOptions } from '../../registry/rest.js'
import type { ApiMetrics } from '../../metrics.js'
import type { Limits, PatchEngines } from '../deps.js'
import type { Query, WriteQuery } from '../query.js'
import type { RequestInfo } from '../request-info.js'
import type { UnknownFieldFinder } from '../field-validation.js'
import type { SchemaIndex } from '../schema-index.js'
import type { ServiceAccountTokens } from '../../serviceaccount/token-signer.js'

/** Everything one resource request handler needs, resolved by the router. */
export interface HandlerContext {
  req: Request
  res: Response
  info: RequestInfo
  schema: ResourceSchema
  scope: RequestScope
  q: Query
  store: RestStore
  patch: PatchEngines
  logger: Logger
  metrics: ApiMetrics
  limits: Limits
  now: () => Date
  unknownFields: UnknownFieldFinder | undefined
  /** Every served kind, for handlers that touch other kinds (eviction reads PodDisruptionBudgets). */
  index: SchemaIndex
  /** Labels for apiserver_* request metrics. */
  labels: Record<string, string>
  /** Service account token issuing; undefined when no signing key is configured. */
  serviceAccountTokens?: ServiceAccountTokens | undefined
}

export function writeOptions (wq: WriteQuery, subresource: string): WriteOptions {
  const out: WriteOptions = { dryRun: wq.dryRun }
  if (wq.fieldManager !== undefined) out.fieldManager = wq.fieldManager
  if (subresource !== '') out.subresource = subresource
  return out
}

export function resourceRef (schema: ResourceSchema): { group: string, resource: string } {
  return { group: schema.group, resource: schema.plural }
}
