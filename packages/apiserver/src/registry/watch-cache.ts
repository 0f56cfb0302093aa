import type { Storage, StorageEvent } from '../storage/storage.js'
import { AsyncQueue } from './async-queue.js'
import { BOOKMARK_DUE, MAX_PENDING_EVENTS, storageFeed, type EventFeed } from './event-feed.js'

/** Events kept per resource for watchers that start from a recent resourceVersion. */
export const DEFAULT_WATCH_CACHE_CAPACITY = 5000

interface Subscriber {
  after: number
  queue: AsyncQueue<StorageEvent>
}

/**
 * One etcd watch for a whole resource (e.g. `/registry/pods/`), fanned out to every watcher of that resource, with a
 * bounded history so a watch from a recent resourceVersion is served without a new etcd watch. Invariant: every
 * event with a revision above `coveredFrom` is in `buffer` (in revision order) or has not arrived yet, so a
 * subscriber starting at or after `coveredFrom` gets exactly the events after its revision, each once, in order.
 */
export class ResourceWatchCache {
  private readonly buffer: StorageEvent[] = []
  /** Watchers of the whole resource, and namespaced watchers by namespace: an event visits only its own. */
  private readonly allNamespaces = new Set<Subscriber>()
  private readonly byNamespace = new Map<string, Set<Subscriber>>()
  /** The highest revision handed out (events and etcd progress notifications alike). */
  private lastRevision: number
  private readonly ctl = new AbortController()
  private coveredFrom: number
  private stopped = false
  readonly done: Promise<void>

  constructor (private readonly storage: Storage, private readonly root: string, startRevision: number, private readonly capacity: number, onStop: () => void) {
    this.coveredFrom = startRevision
    this.lastRevision = startRevision
    this.done = this.run(startRevision).finally(() => { this.stop(); onStop() })
  }

  /** True when this cache can serve a watch that starts after `revision`. */
  canServe (revision: number): boolean {
    return !this.stopped && revision >= this.coveredFrom
  }

  /** `prefix` is the root or `<root><namespace>/`; events come strictly after `after`. */
  subscribe (prefix: string, after: number, signal: AbortSignal): EventFeed {
    const namespace = prefix.length > this.root.length ? prefix.slice(this.root.length, -1) : undefined
    const sub: Subscriber = { after, queue: new AsyncQueue<StorageEvent>(MAX_PENDING_EVENTS) }
    // replay and registration happen in one synchronous step, so no event can fall between them
    for (const ev of this.buffer) {
      if (ev.revision > after && (namespace === undefined || ev.object.metadata?.namespace === namespace)) sub.queue.push(ev)
    }
    const set = namespace === undefined ? this.allNamespaces : this.setFor(namespace)
    set.add(sub)
    const leave = (): void => {
      set.delete(sub)
      if (namespace !== undefined && set.size === 0 && this.byNamespace.get(namespace) === set) this.byNamespace.delete(namespace)
      sub.queue.close()
    }
    if (signal.aborted) leave()
    else signal.addEventListener('abort', leave, { once: true })
    return {
      events: sub.queue,
      // only once the queue is drained is everything up to the last revision in the consumer's hands
      progress: () => sub.queue.size === 0 && !this.stopped ? Math.max(sub.after, this.lastRevision) : undefined,
      bookmarkDue: () => { sub.queue.push(BOOKMARK_DUE) }
    }
  }

  stop (): void {
    if (this.stopped) return
    this.stopped = true
    this.ctl.abort()
    for (const s of this.allNamespaces) s.queue.close()
    for (const set of this.byNamespace.values()) for (const s of set) s.queue.close()
    this.allNamespaces.clear()
    this.byNamespace.clear()
  }

  get watcherCount (): number {
    let n = this.allNamespaces.size
    for (const set of this.byNamespace.values()) n += set.size
    return n
  }

  private setFor (namespace: string): Set<Subscriber> {
    let set = this.byNamespace.get(namespace)
    if (set === undefined) {
      set = new Set()
      this.byNamespace.set(namespace, set)
    }
    return set
  }

  /** Hands `ev` to the watchers it concerns; a subscriber registered later replays it from the buffer instead. */
  private dispatch (ev: StorageEvent): void {
    for (const s of this.allNamespaces) if (ev.revision > s.after) s.queue.push(ev)
    const ns = ev.object.metadata?.namespace
    const set = ns === undefined ? undefined : this.byNamespace.get(ns)
    if (set !== undefined) for (const s of set) if (ev.revision > s.after) s.queue.push(ev)
  }

  private async run (startRevision: number): Promise<void> {
    try {
      for await (const ev of this.storage.watch(this.root, startRevision, this.ctl.signal)) {
        // progress notifications and errors end here: an error (e.g. history compacted under a restarted etcd)
        // stops the cache; its watchers' streams end and they re-watch, possibly directly from storage
        if (ev.type === 'BOOKMARK') {
          // a progress notification: nothing up to this revision is still to come
          if (ev.revision > this.lastRevision) this.lastRevision = ev.revision
          continue
        }
        if (ev.type === 'ERROR') return
        this.buffer.push(ev)
        if (this.buffer.length > this.capacity) {
          const evicted = this.buffer.shift()
          if (evicted !== undefined) this.coveredFrom = evicted.revision
        }
        if (ev.revision > this.lastRevision) this.lastRevision = ev.revision
        this.dispatch(ev)
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
    return storageFeed(this.storage, prefix, after, signal)
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
