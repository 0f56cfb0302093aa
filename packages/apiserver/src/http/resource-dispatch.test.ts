import type { NextFunction, Request, Response } from 'express'
import { resourceDispatch } from './resource-dispatch.js'

type Trace = string[]

/** A filter that records itself and then passes on, fails through next(err), or throws. */
const filter = (trace: Trace, name: string, how: 'pass' | 'next-error' | 'throw' = 'pass') =>
  (_req: Request, _res: Response, next: NextFunction): void => {
    trace.push(name)
    if (how === 'throw') throw new Error(`${name} threw`)
    next(how === 'next-error' ? new Error(`${name} failed`) : undefined)
  }

async function dispatch (path: string, opts: { second?: 'pass' | 'next-error' | 'throw', handler?: 'ok' | 'reject' } = {}): Promise<{ trace: Trace, errors: string[], nextCalls: number }> {
  const trace: Trace = []
  const errors: string[] = []
  let nextCalls = 0
  let settle: () => void = () => {}
  const done = new Promise<void>(resolve => { settle = resolve })
  const handler = async (): Promise<void> => {
    trace.push('handler')
    settle()
    if (opts.handler === 'reject') throw new Error('handler failed')
  }
  const onError = (err: unknown): void => { errors.push((err as Error).message); settle() }
  const mw = resourceDispatch([filter(trace, 'first'), filter(trace, 'second', opts.second)], handler, onError)
  mw({ path } as Request, {} as Response, (() => { nextCalls++; settle() }) as NextFunction)
  await done
  await new Promise(resolve => setImmediate(resolve))
  return { trace, errors, nextCalls }
}

describe('resourceDispatch', () => {
  it.each([
    { name: 'runs every filter in order and then the handler for a resource path', path: '/api/v1/namespaces/d/configmaps', opts: {}, trace: ['first', 'second', 'handler'], errors: [], nextCalls: 0 },
    { name: 'passes a path that is not a resource path on to the app', path: '/healthz', opts: {}, trace: [], errors: [], nextCalls: 1 },
    { name: 'passes a discovery document path on to the app', path: '/apis/apps/v1', opts: {}, trace: [], errors: [], nextCalls: 1 },
    { name: 'passes a malformed resource path on so the app answers it', path: '/api/v1/namespaces/d/configmaps/a/b/c', opts: {}, trace: [], errors: [], nextCalls: 1 },
    { name: 'hands an error a filter passes to next to the error handler and stops', path: '/api/v1/pods', opts: { second: 'next-error' as const }, trace: ['first', 'second'], errors: ['second failed'], nextCalls: 0 },
    { name: 'hands an error a filter throws to the error handler and stops', path: '/api/v1/pods', opts: { second: 'throw' as const }, trace: ['first', 'second'], errors: ['second threw'], nextCalls: 0 },
    { name: 'hands a rejected handler to the error handler', path: '/apis/apps/v1/deployments', opts: { handler: 'reject' as const }, trace: ['first', 'second', 'handler'], errors: ['handler failed'], nextCalls: 0 }
  ])('$name', async ({ path, opts, trace, errors, nextCalls }) => {
    const got = await dispatch(path, opts)
    expect(got).toEqual({ trace, errors, nextCalls })
  })
})
