import type { Registry } from 'prom-client'
import { systemClock } from './clock.js'
import type { Clock, TimerHandle } from './clock.js'
import { defaultControllerRateLimiter } from './rate-limiters.js'
import type { RateLimiter } from './rate-limiters.js'
import { noopWorkQueueMetrics, prometheusWorkQueueMetrics } from './workqueue-metrics.js'
import type { WorkQueueMetrics } from './workqueue-metrics.js'

export interface WorkQueueOptions<K> {
  name?: string
  clock?: Clock
  rateLimiter?: RateLimiter<K>
  /** Registers upstream `workqueue_*` metrics labelled with `name`. */
  registry?: Registry
  metrics?: WorkQueueMetrics
}

/**
 * client-go's rate-limited delaying work queue. Fair (FIFO), stingy (a key sits in the queue at most once, and a
 * key being processed is not handed out again until `done`; if it was re-added meanwhile it is queued then),
 * shut-down aware (`get` resolves undefined).
 */
export class WorkQueue<K> {
  private readonly queue: K[] = []
  private readonly dirty = new Set<K>()
  private readonly processing = new Set<K>()
  private readonly waiters: Array<(key: K | undefined) => void> = []
  private readonly delayed = new Map<K, { at: number, handle: TimerHandle }>()
  private readonly addedAt = new Map<K, number>()
  private readonly startedAt = new Map<K, number>()
  private readonly clock: Clock
  private readonly limiter: RateLimiter<K>
  private readonly metrics: WorkQueueMetrics
  private stopping = false

  constructor (opts: WorkQueueOptions<K> = {}) {
    this.clock = opts.clock ?? systemClock
    this.limiter = opts.rateLimiter ?? defaultControllerRateLimiter<K>(this.clock)
    this.metrics = opts.metrics ?? (opts.registry !== undefined ? prometheusWorkQueueMetrics(opts.registry, opts.name ?? 'workqueue') : noopWorkQueueMetrics)
  }

  add (key: K): void {
    if (this.stopping || this.dirty.has(key)) return
    this.metrics.added()
    this.dirty.add(key)
    if (!this.addedAt.has(key)) this.addedAt.set(key, this.clock.now())
    if (this.processing.has(key)) return
    this.queue.push(key)
    this.metrics.depth(this.queue.length)
    this.handOut()
  }

  /** Next key, waiting if needed; undefined once shut down (or when `signal` aborts). Call `done(key)` after. */
  async get (signal?: AbortSignal): Promise<K | undefined> {
    if (this.queue.length > 0) return this.take()
    if (this.stopping || signal?.aborted === true) return undefined
    return await new Promise<K | undefined>((resolve) => {
      const onAbort = (): void => {
        const i = this.waiters.indexOf(waiter)
        if (i >= 0) this.waiters.splice(i, 1)
        resolve(undefined)
      }
      const waiter = (key: K | undefined): void => { signal?.removeEventListener('abort', onAbort); resolve(key) }
      this.waiters.push(waiter)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Marks a key finished; if it was added while processing, it goes back in the queue now. */
  done (key: K): void {
    const started = this.startedAt.get(key)
    if (started !== undefined) this.metrics.worked((this.clock.now() - started) / 1000)
    this.startedAt.delete(key)
    this.processing.delete(key)
    if (this.dirty.has(key) && !this.stopping) {
      this.queue.push(key)
      this.metrics.depth(this.queue.length)
      this.handOut()
    }
  }

  /** Clears the key's failure history (call after a successful sync). */
  forget (key: K): void {
    this.limiter.forget(key)
  }

  numRequeues (key: K): number {
    return this.limiter.numRequeues(key)
  }

  /** Re-adds after the rate limiter's delay (per-key exponential backoff, capped by an overall bucket). */
  addRateLimited (key: K): void {
    this.metrics.retried()
    this.addAfter(key, this.limiter.when(key))
  }

  /** Adds after `ms`; if the key is already waiting, the earlier time wins. */
  addAfter (key: K, ms: number): void {
    if (this.stopping) return
    if (ms <= 0) { this.add(key); return }
    const at = this.clock.now() + ms
    const existing = this.delayed.get(key)
    if (existing !== undefined) {
      if (existing.at <= at) return
      this.clock.clearTimeout(existing.handle)
    }
    const handle = this.clock.setTimeout(() => {
      this.delayed.delete(key)
      this.add(key)
    }, ms)
    this.delayed.set(key, { at, handle })
  }

  /** Keys waiting to be handed out (not counting delayed or in-flight ones). */
  len (): number {
    return this.queue.length
  }

  /** Stops accepting keys, drops delayed ones and releases every waiting `get` with undefined. */
  shutDown (): void {
    this.stopping = true
    for (const { handle } of this.delayed.values()) this.clock.clearTimeout(handle)
    this.delayed.clear()
    for (const w of this.waiters.splice(0)) w(undefined)
  }

  shuttingDown (): boolean {
    return this.stopping
  }

  private take (): K {
    const key = this.queue.shift() as K
    this.metrics.depth(this.queue.length)
    this.processing.add(key)
    this.dirty.delete(key)
    const added = this.addedAt.get(key)
    if (added !== undefined) this.metrics.queued((this.clock.now() - added) / 1000)
    this.addedAt.delete(key)
    this.startedAt.set(key, this.clock.now())
    return key
  }

  private handOut (): void {
    while (this.waiters.length > 0 && this.queue.length > 0) {
      const w = this.waiters.shift() as (key: K | undefined) => void
      w(this.take())
    }
  }
}
