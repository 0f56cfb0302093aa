import { systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { TokenBucket } from './token-bucket.js'

/** How long to wait before re-adding a key (client-go's workqueue.RateLimiter). */
export interface RateLimiter<K> {
  when: (key: K) => number
  forget: (key: K) => void
  numRequeues: (key: K) => number
}

/** Per-key exponential backoff: base * 2^failures, capped (client-go: 5 ms → 1000 s). */
export class ItemExponentialRateLimiter<K> implements RateLimiter<K> {
  private readonly failures = new Map<K, number>()
  constructor (private readonly baseMs = 5, private readonly maxMs = 1_000_000) {}

  when (key: K): number {
    const n = this.failures.get(key) ?? 0
    this.failures.set(key, n + 1)
    return Math.min(this.maxMs, this.baseMs * 2 ** n)
  }

  forget (key: K): void { this.failures.delete(key) }
  numRequeues (key: K): number { return this.failures.get(key) ?? 0 }
}

/** An overall token bucket shared by all keys (client-go: 50 qps, burst 300). */
export class BucketRateLimiter<K> implements RateLimiter<K> {
  private readonly bucket: TokenBucket
  constructor (qps = 50, burst = 300, clock: Clock = systemClock) { this.bucket = new TokenBucket(qps, burst, clock) }
  when (_key: K): number { return this.bucket.reserve() }
  forget (_key: K): void {}
  numRequeues (_key: K): number { return 0 }
}

/** The largest delay any of the limiters asks for. */
export class MaxOfRateLimiter<K> implements RateLimiter<K> {
  private readonly limiters: Array<RateLimiter<K>>
  constructor (...limiters: Array<RateLimiter<K>>) { this.limiters = limiters }
  when (key: K): number { return Math.max(...this.limiters.map(l => l.when(key))) }
  forget (key: K): void { for (const l of this.limiters) l.forget(key) }
  numRequeues (key: K): number { return Math.max(...this.limiters.map(l => l.numRequeues(key))) }
}

/** client-go's DefaultControllerRateLimiter. */
export function defaultControllerRateLimiter<K> (clock: Clock = systemClock): RateLimiter<K> {
  return new MaxOfRateLimiter<K>(new ItemExponentialRateLimiter<K>(5, 1_000_000), new BucketRateLimiter<K>(50, 300, clock))
}
