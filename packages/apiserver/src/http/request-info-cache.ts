import type { Request } from 'express'
import { parseResourcePath } from './request-info.js'
import type { RequestInfo } from './request-info.js'

type Parsed = { path: string, info: RequestInfo | undefined } | { path: string, error: unknown }

/** One parse per request: the inflight and deadline filters and the resource router all ask for the same path. */
const parsed = new WeakMap<Request, Parsed>()

/**
 * parseResourcePath(req.path), remembered per request (and re-parsed should the path change). A malformed path
 * throws the same error on every call.
 */
export function requestInfoOf (req: Request): RequestInfo | undefined {
  const path = req.path
  let entry = parsed.get(req)
  if (entry === undefined || entry.path !== path) {
    try {
      entry = { path, info: parseResourcePath(path) }
    } catch (error) {
      entry = { path, error }
    }
    parsed.set(req, entry)
  }
  if ('error' in entry) throw entry.error
  return entry.info
}
