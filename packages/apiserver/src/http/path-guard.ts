import type { NextFunction, Request, Response } from 'express'

type Middleware = (req: Request, res: Response, next: NextFunction) => void

/**
 * Runs `handler` only for paths under one of `prefixes` (compared case-insensitively, as express matches routes);
 * every other request skips it without walking its route table, which resource requests would otherwise pay for.
 */
export function onlyUnder (prefixes: string[], handler: Middleware): Middleware {
  const lower = prefixes.map(p => p.toLowerCase())
  return (req, res, next) => {
    const path = req.path.toLowerCase()
    if (lower.some(p => path.startsWith(p))) handler(req, res, next)
    else next()
  }
}
