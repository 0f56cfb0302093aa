import type { NextFunction, Request, Response } from 'express'
import { onlyUnder } from './path-guard.js'

describe('onlyUnder', () => {
  const cases: Array<{ name: string, path: string, runs: boolean }> = [
    { name: 'runs the handler for a path under a prefix', path: '/healthz/etcd', runs: true },
    { name: 'runs the handler for the prefix itself', path: '/readyz', runs: true },
    { name: 'compares case-insensitively as express routes do', path: '/HealthZ', runs: true },
    { name: 'skips the handler for a resource path', path: '/api/v1/namespaces/default/configmaps', runs: false },
    { name: 'skips the handler for an unrelated root path', path: '/metrics', runs: false }
  ]
  it.each(cases)('$name', ({ path, runs }) => {
    const handler = jest.fn()
    const next = jest.fn() as unknown as NextFunction
    onlyUnder(['/healthz', '/readyz'], handler)({ path } as Request, {} as Response, next)
    expect(handler).toHaveBeenCalledTimes(runs ? 1 : 0)
    expect(next).toHaveBeenCalledTimes(runs ? 0 : 1)
  })
})
