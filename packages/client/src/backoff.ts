/**
 * Exponential backoff with jitter for reconnects (client-go's reflector backoff: 1 s doubling to 30 s). `next()`
 * returns the delay to wait now; `reset()` after a success.
 */
export class Backoff {
  private attempt = 0

  constructor (
    private readonly initialMs = 1000,
    private readonly maxMs = 30_000,
    private readonly jitter = 1.0,
    private readonly random: () => number = Math.random
  ) {}

  next (): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt)
    if (base < this.maxMs) this.attempt++
    // wait.Jitter: base + random * jitter * base, capped so jitter never pushes past twice the ceiling.
    return Math.min(base + this.random() * this.jitter * base, this.maxMs * (1 + this.jitter))
  }

  reset (): void {
    this.attempt = 0
  }
}
