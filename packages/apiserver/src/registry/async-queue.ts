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

  /**
   * A hand-written iterator rather than an async generator: one resolved promise per item instead of a generator
   * resumption and its extra awaits, which mattered with an item per event for each of a thousand watchers.
   */
  [Symbol.asyncIterator] (): AsyncIterator<T> {
    return {
      next: () => this.next(),
      return: async () => ({ done: true, value: undefined })
    }
  }

  private next (): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ done: false, value: this.items.shift() as T })
    if (this.closed) {
      const failure = this.failure
      if (failure !== undefined) {
        this.failure = undefined
        return Promise.reject(failure)
      }
      return Promise.resolve({ done: true, value: undefined })
    }
    return new Promise<void>(resolve => { this.waiter = resolve }).then(() => this.next())
  }
}
