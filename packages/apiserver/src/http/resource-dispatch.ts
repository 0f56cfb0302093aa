import type { NextFunction, Request, Response } from 'express'
import { requestInfoOf } from './request-info-cache.js'

type Filter = (req: Request, res: Response, next: NextFunction) => void
type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>
type ErrorHandler = (err: unknown, req: Request, res: Response, next: NextFunction) => void

/**
 * One express layer that takes a resource request (a path naming a resource under /api or /apis) through the
 * request filters and the resource router, in the same order as the app's ordinary chain. Without it every such
 * request walked all app layers (health, metrics, openapi guards) that can never match it. Any other path, and a
 * malformed one (whose 404/400 the ordinary chain produces), goes on down the app unchanged.
 */
export function resourceDispatch (filters: readonly Filter[], handler: Handler, onError: ErrorHandler) {
  return (req: Request, res: Response, next: NextFunction): void => {
    let isResource: boolean
    try {
      isResource = requestInfoOf(req) !== undefined
    } catch {
      isResource = false
    }
    if (!isResource) {
      next()
      return
    }
    const fail = (err: unknown): void => onError(err, req, res, next)
    let i = 0
    const step = (err?: unknown): void => {
      if (err !== undefined) {
        fail(err)
        return
      }
      const filter = filters[i++]
      try {
        if (filter !== undefined) filter(req, res, step)
        else handler(req, res, next).catch(fail)
      } catch (thrown) {
        fail(thrown)
      }
    }
    step()
  }
}
