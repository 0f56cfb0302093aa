import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import { ApiError, errInternal } from '@kube-ts/api'
import type { Status } from '@kube-ts/api'
import { writeJson } from './respond.js'

/** Duck-typed, because `instanceof` breaks across jest realms (STYLE.md 2.7). */
export function asApiError (err: unknown): ApiError | undefined {
  const e = err as Partial<ApiError> | undefined
  if (e !== null && typeof e === 'object' && typeof e.code === 'number' && typeof e.reason === 'string' && typeof e.toStatus === 'function') {
    return e as ApiError
  }
  return undefined
}

export const errPathNotFound = (): ApiError => new ApiError(404, 'NotFound', 'the server could not find the requested resource')

/** Every error becomes a Status with its HTTP code; anything untyped is a logged 500 without internals. */
export function statusOf (err: unknown, logger: Logger, req: Request): { code: number, status: Status } {
  const api = asApiError(err)
  if (api !== undefined) return { code: api.code, status: api.toStatus() }
  logger.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error while serving request')
  const internal = errInternal('an unexpected error occurred while serving the request')
  return { code: 500, status: internal.toStatus() }
}

export function errorMiddleware (logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { code, status } = statusOf(err, logger, req)
    if (res.headersSent) {
      // a stream already started (watch); the only honest thing left is to end it
      res.end()
      return
    }
    const retry = status.details?.retryAfterSeconds
    if (retry !== undefined) res.setHeader('Retry-After', String(retry))
    writeJson(res, code, status)
  }
}

export function notFoundMiddleware () {
  return (_req: Request, res: Response): void => {
    writeJson(res, 404, errPathNotFound().toStatus())
  }
}
