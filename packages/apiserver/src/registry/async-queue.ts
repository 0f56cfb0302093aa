/**
 * A single-consumer queue that turns pushes from callbacks (storage events, timers) into an async iterator.
 * `limit` bounds memory for a consumer that stops reading: on overflow the queue closes, so the consumer gets what
 * was queued (a gap-free prefix) and then the end of the stream, as upstream closes unresponsive watchers.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = []
  private waiter: (() => void) | undefined
  private closed = false
  private failure: unknown
  /** Set when the consumer fell too far behind and the queue closed itself. */
  overflowed = false

  constructor (private readonly limit = Infinity) {}

  push (item: T): void {
    if (this.closed) return
    if (this.items.length >= this.limit) {
      this.overflowed = true
      this.close()
      return
    }
    this.items.push(item)
    this.wake()
  }

  close (): void {
    this.closed = true
    this.wake()
  }

  /** Ends the stream with an error (after the items already queued). */
  fail (err: unknown): void {
    if (this.closed) return
    this.failure = err
    this.close()
  }

  get size (): number {
    return this.items.length
  }

  private wake (): void {
    const w = this.waiter
    this.waiter = undefined
    w?.()
  }

  async * [Symbol.asyncIterator] (): AsyncIterator<T> {
    for (;;) {
      const next = this.items.shift()
      if (next !== undefined) { yield next; continue }
      if (this.closed) {
        if (this.failure !== undefined) throw this.failure
        return
      }
      await new Promise<void>(resolve => { this.waiter = resolve })
    }
  }
}
