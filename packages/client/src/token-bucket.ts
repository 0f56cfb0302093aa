import { sleep, systemClock } from './clock.js'
import type { Clock } from './clock.js'

/**
 * A token bucket (golang.org/x/time/rate): `qps` tokens per second, at most `burst` saved up. `reserve()` takes a
 * token now, going into debt if needed, and returns how long the caller must wait before using it.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor (readonly qps: number, readonly burst: number, private readonly clock: Clock = systemClock) {
    if (qps <= 0 || burst <= 0) throw new Error(`token bucket needs positive qps and burst, got ${qps}/${burst}`)
    this.tokens = burst
    this.last = clock.now()
  }

  /** Takes a token; returns the delay in ms before the caller may proceed (0 if one was available). */
  reserve (): number {
    this.refill()
    this.tokens -= 1
    return this.tokens >= 0 ? 0 : (-this.tokens / this.qps) * 1000
  }

  /** Waits for a token; honours `signal` (the reserved token is then forfeited, as client-go does). */
  async take (signal?: AbortSignal): Promise<void> {
    const delay = this.reserve()
    if (delay > 0) await sleep(this.clock, delay, signal)
  }

  private refill (): void {
    const now = this.clock.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps)
    this.last = now
  }
}
