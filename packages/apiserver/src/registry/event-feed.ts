import type { Storage, StorageEvent } from '../storage/storage.js'
import { AsyncQueue } from './async-queue.js'

/**
 * Events a watcher may have queued but not yet written before it is cut off (its stream ends and the client
 * re-watches from its last resourceVersion). Upstream's cacher gives each watcher a channel of 10 to 1000 events and
 * closes one that stays full past a short dispatch budget ("unresponsive"); we never block dispatch, so the bound
 * is on the backlog instead, sized for about ten seconds of a busy resource.
 */
export const MAX_PENDING_EVENTS = 1000

/**
 * Put into a feed by its consumer's bookmark timer. It comes out behind the events already queued, so the
 * bookmark's revision, computed only then, never goes back past an event the consumer has yet to send.
 */
export const BOOKMARK_DUE: StorageEvent = Object.freeze({ type: 'BOOKMARK', revision: 0, object: Object.freeze({ metadata: {} }) }) as StorageEvent

/** A live event source plus how far it has provably progressed (for bookmarks). */
export interface EventFeed {
  events: AsyncIterable<StorageEvent>
  /**
   * A revision R such that every event up to R has already been handed out by `events`, or undefined when
   * unknown. Bookmarks may carry R even when the watcher's filters dropped every event.
   */
  progress: () => number | undefined
  /** Queues BOOKMARK_DUE behind the pending events. */
  bookmarkDue: () => void
}

/** A feed straight from a storage watch of `prefix` (no shared cache), with the same bounded backlog. */
export function storageFeed (storage: Storage, prefix: string, after: number, signal: AbortSignal): EventFeed {
  const queue = new AsyncQueue<StorageEvent>(MAX_PENDING_EVENTS)
  const pump = async (): Promise<void> => {
    try {
      for await (const ev of storage.watch(prefix, after, signal)) {
        queue.push(ev)
        if (queue.overflowed) return
      }
      queue.close()
    } catch (err) {
      if (signal.aborted) queue.close()
      else queue.fail(err)
    }
  }
  signal.addEventListener('abort', () => { queue.close() }, { once: true })
  void pump()
  return { events: queue, progress: () => undefined, bookmarkDue: () => { queue.push(BOOKMARK_DUE) } }
}
