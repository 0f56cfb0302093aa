/**
 * A single-consumer queue that turns pushes from callbacks (storage events, timers) into an async iterator.
 * `limit` bounds memory for a consumer that stops reading: on overflow the queue closes, so the consumer gets what
 * was queued (a gap-free prefix) and then the end of the stream, as upstream closes unresponsive watchers.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = []
  /** The consumer's pending `next()`, settled directly by the next push or the close. */
  private waiter: ((r: IteratorResult<T>) => void) | undefined
  private waiterFail: ((err: unknown) => void) | undefined
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
    const w = this.waiter
    if (w !== undefined) {
      // the consumer is waiting, so nothing is queued: hand the item over without queueing it
      this.waiter = undefined
      this.waiterFail = undefined
      w({ done: false, value: item })
      return
    }
    this.items.push(item)
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

  /** Settles a waiting consumer once the queue is closed (and so empty, or it would not be waiting). */
  private wake (): void {
    const w = this.waiter
    const f = this.waiterFail
    if (w === undefined || f === undefined) return
    this.waiter = undefined
    this.waiterFail = undefined
    this.next().then(w, f)
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
    return new Promise<IteratorResult<T>>((resolve, reject) => { this.waiter = resolve; this.waiterFail = reject })
  }
}
