import type { NextFunction, Request, Response } from 'express'
import { errBadRequest, errTimeout } from '@kube-ts/api'
import { writeJson } from './respond.js'
import { isLongRunning } from './long-running.js'
import { parseDuration } from './duration.js'
import { queryOf } from './query.js'

/**
 * Upstream's request deadline: a non-long-running request that has not answered within `--request-timeout` (or a
 * shorter `?timeout=` from the client) gets 504. The handler may still finish; its late reply is dropped.
 */
export function requestTimeout (requestTimeoutMs: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isLongRunning(req)) {
      next()
      return
    }
    let ms = requestTimeoutMs
    const asked = queryOf(req.originalUrl).get('timeout')
    if (asked !== null && asked !== '') {
      const parsed = parseDuration(asked)
      if (parsed === undefined) {
        next(errBadRequest(`invalid timeout specified in the request URL: ${JSON.stringify(asked)}`))
        return
      }
      if (parsed > 0) ms = Math.min(ms, parsed)
    }
    if (ms <= 0) {
      next()
      return
    }
    const timer = setTimeout(() => {
      writeJson(res, 504, errTimeout('Timeout: request did not complete within requested timeout - context deadline exceeded').toStatus())
    }, ms)
    res.on('close', () => clearTimeout(timer))
    next()
  }
}
