import type { Request } from 'express'
import { requestInfoOf } from './request-info-cache.js'
import { isWatchRequest, queryOf } from './query.js'

/** Subresources that stream for as long as the client wants (upstream's long-running request check). */
const streamingSubresources = new Set(['log', 'exec', 'attach', 'portforward', 'proxy'])

/** Watches and streaming subresources; they get no request deadline and no inflight budget. */
export function isLongRunning (req: Request): boolean {
  try {
    const info = requestInfoOf(req)
    if (info === undefined) return false
    if (info.legacyWatch || streamingSubresources.has(info.subresource)) return true
    return req.method === 'GET' && info.subresource === '' && isWatchRequest(queryOf(req.originalUrl))
  } catch {
    // malformed paths and parameters are answered by the router with their proper error
    return false
  }
}
