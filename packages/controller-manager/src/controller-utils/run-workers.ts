import { Histogram } from 'prom-client'
import type { Registry } from 'prom-client'
import type { Logger, WorkQueue } from '@kube-ts/client'

/** `controller_sync_duration_seconds{controller}`: one histogram per registry, shared by every controller. */
export function syncDurationMetric (registry: Registry | undefined): Histogram<'controller' | 'result'> | undefined {
  if (registry === undefined) return undefined
  const name = 'controller_sync_duration_seconds'
  return (registry.getSingleMetric(name) as Histogram<'controller' | 'result'> | undefined) ?? new Histogram({
    name,
    help: 'How long one sync(key) of a controller took, by outcome.',
    labelNames: ['controller', 'result'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10],
    registers: [registry]
  })
}

export interface WorkerLoopOptions {
  name: string
  queue: WorkQueue<string>
  workers: number
  signal: AbortSignal
  sync: (key: string, signal: AbortSignal) => Promise<void>
  logger: Logger
  registry?: Registry
}

/**
 * The worker half of STYLE.md 2.5: `workers` async loops take keys from the stingy queue, sync them, forget on
 * success and requeue with backoff on failure. Resolves once the signal aborts and every loop has finished its
 * current key; the queue is shut down either way.
 */
export async function runWorkers (o: WorkerLoopOptions): Promise<void> {
  const metric = syncDurationMetric(o.registry)
  const onAbort = (): void => { o.queue.shutDown() }
  o.signal.addEventListener('abort', onAbort, { once: true })
  try {
    await Promise.all(Array.from({ length: Math.max(1, o.workers) }, async () => {
      for (let key = await o.queue.get(o.signal); key !== undefined; key = await o.queue.get(o.signal)) {
        const started = performance.now()
        let result = 'success'
        try {
          await o.sync(key, o.signal)
          o.queue.forget(key)
        } catch (err) {
          result = 'error'
          if (!o.signal.aborted) {
            o.logger.warn({ err, key }, 'sync failed, requeuing')
            o.queue.addRateLimited(key)
          }
        } finally {
          o.queue.done(key)
          metric?.observe({ controller: o.name, result }, (performance.now() - started) / 1000)
        }
      }
    }))
  } finally {
    o.signal.removeEventListener('abort', onAbort)
    o.queue.shutDown()
  }
}
