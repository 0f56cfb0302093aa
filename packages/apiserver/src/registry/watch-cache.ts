import type { Storage, StorageEvent } from '../storage/storage.js'
import { AsyncQueue } from './async-queue.js'

/** Events kept per resource for watchers that start from a recent resourceVersion. */
export const DEFAULT_WATCH_CACHE_CAPACITY = 5000
/** A watcher this far behind is cut off (its stream ends; the client re-watches from its last resourceVersion). */
const MAX_PENDING_PER_WATCHER = 10_000

interface Subscriber {
  namespace: string | undefined
  after: number
  queue: AsyncQueue<StorageEvent>
  /** The highest revision this subscriber has been offered (matching or not). */
  seen: number
}

/** A live event source plus how far it has provably progressed (for bookmarks). */
export interface EventFeed {
  events: AsyncIterable<StorageEvent>
  /**
   * A revision R such that every event up to R has already been handed out by `events`, or undefined when
   * unknown. Bookmarks may carry R even when the watcher's filters dropped every event.
   */
  progress: () => number | undefined
}

/**
 * One etcd watch for a whole resource (e.g. `/registry/pods/`), fanned out to every watcher of that resource, with a
 * bounded history so a watch from a recent resourceVersion is served without a new etcd watch. Invariant: every
 * event with a revision above `coveredFrom` is in `buffer` (in revision order) or has not arrived yet, so a
 * subscriber starting at or after `coveredFrom` gets exactly the events after its revision, each once, in order.
 */
export class ResourceWatchCache {
  private readonly buffer: StorageEvent[] = []
  private readonly subs = new Set<Subscriber>()
  private readonly ctl = new AbortController()
  private coveredFrom: number
  private stopped = false
  readonly done: Promise<void>

  constructor (private readonly storage: Storage, private readonly root: string, startRevision: number, private readonly capacity: number, onStop: () => void) {
    this.coveredFrom = startRevision
    this.done = this.run(startRevision).finally(() => { this.stop(); onStop() })
  }

  /** True when this cache can serve a watch that starts after `revision`. */
  canServe (revision: number): boolean {
    return !this.stopped && revision >= this.coveredFrom
  }

  /** `prefix` is the root or `<root><namespace>/`; events come strictly after `after`. */
  subscribe (prefix: string, after: number, signal: AbortSignal): EventFeed {
    const namespace = prefix.length > this.root.length ? prefix.slice(this.root.length, -1) : undefined
    const sub: Subscriber = { namespace, after, queue: new AsyncQueue<StorageEvent>(MAX_PENDING_PER_WATCHER), seen: after }
    // replay and registration happen in one synchronous step, so no event can fall between them
    for (const ev of this.buffer) this.offer(sub, ev)
    this.subs.add(sub)
    const leave = (): void => { this.subs.delete(sub); sub.queue.close() }
    if (signal.aborted) leave()
    else signal.addEventListener('abort', leave, { once: true })
    // only once the queue is drained is everything up to `seen` in the consumer's hands
    return { events: sub.queue, progress: () => sub.queue.size === 0 && !this.stopped ? sub.seen : undefined }
  }

  stop (): void {
    if (this.stopped) return
    this.stopped = true
    this.ctl.abort()
    for (const s of this.subs) s.queue.close()
    this.subs.clear()
  }

  get watcherCount (): number {
    return this.subs.size
  }

  private offer (sub: Subscriber, ev: StorageEvent): void {
    if (ev.revision <= sub.after) return
    if (ev.revision > sub.seen) sub.seen = ev.revision
    if (sub.namespace !== undefined && ev.object.metadata?.namespace !== sub.namespace) return
    sub.queue.push(ev)
  }

  private async run (startRevision: number): Promise<void> {
    try {
      for await (const ev of this.storage.watch(this.root, startRevision, this.ctl.signal)) {
        // progress notifications and errors end here: an error (e.g. history compacted under a restarted etcd)
        // stops the cache; its watchers' streams end and they re-watch, possibly directly from storage
        if (ev.type === 'BOOKMARK') {
          // a progress notification: nothing up to this revision is still to come
          for (const sub of this.subs) if (ev.revision > sub.seen) sub.seen = ev.revision
          continue
        }
        if (ev.type === 'ERROR') return
        this.buffer.push(ev)
        if (this.buffer.length > this.capacity) {
          const evicted = this.buffer.shift()
          if (evicted !== undefined) this.coveredFrom = evicted.revision
        }
        for (const s of this.subs) this.offer(s, ev)
      }
    } catch {
      // the storage watch failed: stopping lets the next watch start a fresh cache
    }
  }
}

/** The watch caches of one registry, keyed by resource root prefix; watches they cannot serve go to storage. */
export class WatchCaches {
  private readonly caches = new Map<string, Promise<ResourceWatchCache>>()

  constructor (private readonly storage: Storage, private readonly capacity = DEFAULT_WATCH_CACHE_CAPACITY) {}

  async watch (root: string, prefix: string, after: number, signal: AbortSignal): Promise<EventFeed> {
    const cache = await this.cacheFor(root)
    if (cache.canServe(after)) return cache.subscribe(prefix, after, signal)
    return { events: this.storage.watch(prefix, after, signal), progress: () => undefined }
  }

  async stop (): Promise<void> {
    const all = [...this.caches.values()]
    this.caches.clear()
    for (const p of all) {
      const c = await p.catch(() => undefined)
      c?.stop()
      await c?.done
    }
  }

  private async cacheFor (root: string): Promise<ResourceWatchCache> {
    let p = this.caches.get(root)
    if (p === undefined) {
      p = this.storage.currentRevision().then(rev => new ResourceWatchCache(this.storage, root, rev, this.capacity, () => {
        if (this.caches.get(root) === p) this.caches.delete(root)
      }))
      this.caches.set(root, p)
      p.catch(() => { if (this.caches.get(root) === p) this.caches.delete(root) })
    }
    return await p
  }
}
