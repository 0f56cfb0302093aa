import { setMaxListeners } from 'node:events'
import type { Registry } from 'prom-client'
import { EventRecorder, RestClient, resources, SharedInformerFactory } from '@kube-ts/client'
import type { ClientConfig, Clock, Logger } from '@kube-ts/client'
import type { Options } from '../options.js'
import type { ControllerContext } from './controller-context.js'
import type { ControllerDescriptor } from './controller-descriptors.js'
import { isControllerEnabled } from './controller-selection.js'

export interface RunControllersDeps {
  config: ClientConfig
  options: Options
  descriptors: readonly ControllerDescriptor[]
  registry: Registry
  logger: Logger
  clock: Clock
  /** Aborts when the process stops or leadership ends. */
  signal: AbortSignal
}

/**
 * Starts every enabled controller on one shared informer factory (upstream StartControllers) and resolves once
 * they have all stopped after `signal` aborts. A controller that fails on its own takes the others down with it,
 * so the supervisor restarts a whole, consistent process.
 */
export async function runControllers (d: RunControllersDeps): Promise<void> {
  const clients = new Map<string, RestClient>()
  const clientFor = (name: string): RestClient => {
    let c = clients.get(name)
    if (c === undefined) {
      c = new RestClient(d.config, { component: name, qps: d.options.kubeApiQps, burst: d.options.kubeApiBurst, logger: d.logger.child({ client: name }), clock: d.clock })
      clients.set(name, c)
    }
    return c
  }
  const shared = clientFor('shared-informers')
  // upstream spreads resyncs over [min, 2*min) so informers do not all resync at once
  const factory = new SharedInformerFactory(shared, { resyncPeriodMs: Math.round(d.options.minResyncPeriodMs * (1 + Math.random())), clock: d.clock, logger: d.logger })
  const recorders: EventRecorder[] = []
  const inner = new AbortController()
  // every informer, queue and worker listens on this one signal
  setMaxListeners(0, inner.signal)
  const onAbort = (): void => { inner.abort(d.signal.reason) }
  d.signal.addEventListener('abort', onAbort, { once: true })
  const ctx: ControllerContext = {
    clientFor,
    informerFactory: factory,
    recorderFor: (component) => {
      const r = new EventRecorder({ client: clientFor(component).resource(resources.events), component, clock: d.clock, logger: d.logger })
      recorders.push(r)
      return r
    },
    logger: d.logger,
    clock: d.clock,
    options: d.options,
    registry: d.registry,
    signal: inner.signal
  }
  let failure: unknown
  const running: Array<Promise<void>> = []
  for (const desc of d.descriptors) {
    if (!isControllerEnabled(desc, d.options.controllers)) {
      d.logger.info({ controller: desc.name }, 'controller is disabled')
      continue
    }
    d.logger.info({ controller: desc.name }, 'starting controller')
    running.push(desc.start(ctx).catch((err: unknown) => {
      if (inner.signal.aborted) return
      d.logger.error({ err, controller: desc.name }, 'controller failed')
      failure ??= err
      inner.abort(err)
    }))
  }
  // controllers ask for their informers synchronously in start(); start them all together now
  factory.start(inner.signal)
  try {
    await untilStoppedOrGrace(Promise.all(running), inner.signal, d.options.shutdownGracePeriodMs, d.logger)
  } finally {
    d.signal.removeEventListener('abort', onAbort)
    inner.abort()
    await Promise.all(recorders.map(async r => await r.flush()))
    await factory.shutdown()
    for (const c of clients.values()) c.close()
  }
  if (failure !== undefined) throw failure
}

/**
 * Waits for the controllers; once shutdown has begun, at most `graceMs` more, so one stuck sync cannot hold the
 * process (and, under leader election, the next leader) hostage. Workers still running are abandoned.
 */
async function untilStoppedOrGrace (all: Promise<unknown>, signal: AbortSignal, graceMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<void>((resolve) => {
    const start = (): void => {
      timer = setTimeout(() => { logger.warn({ gracePeriodMs: graceMs }, 'controllers did not stop within the shutdown grace period'); resolve() }, graceMs)
      timer.unref()
    }
    if (signal.aborted) start()
    else signal.addEventListener('abort', start, { once: true })
  })
  try {
    await Promise.race([all, grace])
  } finally {
    clearTimeout(timer)
  }
}
