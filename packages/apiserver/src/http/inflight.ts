import type { NextFunction, Request, Response } from 'express'
import { ApiError } from '@kube-ts/api'
import type { ApiMetrics } from '../metrics.js'
import { writeJson } from './respond.js'
import { isLongRunning } from './long-running.js'

const exemptPaths = new Set(['/healthz', '/livez', '/readyz', '/metrics'])

/**
 * Upstream's max-inflight filter: separate budgets for mutating and read-only requests; over budget answers 429
 * with Retry-After instead of queueing without bound. Long-running requests (watches, streams) and health and
 * metrics endpoints are exempt, so probes keep answering under a request flood. A limit of 0 disables the budget.
 */
export function inflightLimiter (limits: { maxRequestsInflight: number, maxMutatingRequestsInflight: number }, metrics: ApiMetrics) {
  const current = { readOnly: 0, mutating: 0 }
  return (req: Request, res: Response, next: NextFunction): void => {
    if (exemptPaths.has(req.path) || isLongRunning(req)) {
      next()
      return
    }
    const mutating = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS'
    const kind = mutating ? 'mutating' : 'readOnly'
    const max = mutating ? limits.maxMutatingRequestsInflight : limits.maxRequestsInflight
    if (max > 0 && current[kind] >= max) {
      res.setHeader('Retry-After', '1')
      writeJson(res, 429, new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }).toStatus())
      req.resume()
      return
    }
    current[kind]++
    metrics.inflight.set({ request_kind: mutating ? 'mutating' : 'readOnly' }, current[kind])
    let released = false
    res.on('close', () => {
      if (released) return
      released = true
      current[kind]--
      metrics.inflight.set({ request_kind: mutating ? 'mutating' : 'readOnly' }, current[kind])
    })
    next()
  }
}
