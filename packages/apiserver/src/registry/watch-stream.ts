import { errInternal, type ApiError, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { BOOKMARK_DUE, storageFeed, type EventFeed } from './event-feed.js'
import type { WatchEvent, WatchQuery } from './rest.js'
import type { Selection } from './selection.js'
import { filterEvent } from './watch-filter.js'
import { withTypeMeta } from './object-meta.js'
import { errTooLargeResourceVersion, parseResourceVersion } from './resource-version.js'

export const INITIAL_EVENTS_END_ANNOTATION = 'k8s.io/initial-events-end'

export interface WatchDeps {
  storage: Storage
  schema: ResourceSchema
  /** The storage prefix to watch (ends with `/`). */
  prefix: string
  selection: Selection
  bookmarkIntervalMs: number
  /** Where live events come from (a shared watch cache); defaults to a storage watch of `prefix`. */
  events?: (after: number, signal: AbortSignal) => Promise<EventFeed>
}

/** How the stream starts, from the reliability.md §1.2 table. */
interface WatchStart {
  /** List current state first and send it as ADDED events. */
  initialEvents: boolean
  /** Watch strictly after this revision (when no initial list is done); undefined = the current revision. */
  fromRevision?: number
  /** For initial events, the state must be at least this fresh. */
  minRevision?: number
}

export function planWatch (q: WatchQuery): WatchStart {
  const rv = parseResourceVersion(q.resourceVersion)
  if (q.sendInitialEvents === true) return rv !== undefined && rv > 0 ? { initialEvents: true, minRevision: rv } : { initialEvents: true }
  if (rv === undefined || rv === 0) return { initialEvents: q.sendInitialEvents !== false }
  return { initialEvents: false, fromRevision: rv }
}

function bookmark (schema: ResourceSchema, revision: number, initialEnd = false): WatchEvent {
  const metadata: KubeObject['metadata'] = { resourceVersion: String(revision) }
  if (initialEnd) metadata.annotations = { [INITIAL_EVENTS_END_ANNOTATION]: 'true' }
  return { type: 'BOOKMARK', object: withTypeMeta(schema, { metadata }) }
}

function errorEvent (err: ApiError): WatchEvent {
  return { type: 'ERROR', object: err.toStatus() as unknown as KubeObject }
}

/**
 * One client's watch: optional initial state, then storage events from the start revision, filtered by the
 * selection, with periodic bookmarks; ends when `signal` aborts or `timeoutSeconds` pass. Storage errors such as
 * 410 Gone arrive as an ERROR event carrying the Status, then the stream ends.
 */
export async function * watchStream (deps: WatchDeps, q: WatchQuery, signal: AbortSignal): AsyncGenerator<WatchEvent> {
  const start = planWatch(q)
  const ctl = new AbortController()
  // checked per event: a plain flag is cheaper than the signal's getter with many watchers
  let ended = false
  ctl.signal.addEventListener('abort', () => { ended = true }, { once: true })
  const onAbort = (): void => { ctl.abort() }
  signal.addEventListener('abort', onAbort)
  if (signal.aborted) ctl.abort()
  const timeout = q.timeoutSeconds !== undefined && q.timeoutSeconds > 0 ? setTimeout(onAbort, q.timeoutSeconds * 1000) : undefined
  let ticker: NodeJS.Timeout | undefined
  try {
    const initial = await initialState(deps, start, q)
    for (const ev of initial.events) {
      if (ctl.signal.aborted) return
      yield ev
    }
    if (ctl.signal.aborted) return
    let lastRevision = initial.revision
    // one queue from the (shared) source to this consumer: the feed ends when `ctl` aborts, and the bookmark timer
    // queues a marker behind pending events rather than a second queue merging the two
    const feed = deps.events !== undefined ? await deps.events(lastRevision, ctl.signal) : storageFeed(deps.storage, deps.prefix, lastRevision, ctl.signal)
    let bookmarkQueued = false
    if (q.allowWatchBookmarks === true) {
      ticker = setInterval(() => {
        if (bookmarkQueued) return
        bookmarkQueued = true
        feed.bookmarkDue()
      }, deps.bookmarkIntervalMs)
      ticker.unref()
    }
    try {
      for await (const ev of feed.events) {
        // what is still queued after the watch ended (client gone, timeout) is not wanted
        if (ended) return
        if (ev === BOOKMARK_DUE) {
          bookmarkQueued = false
          const rev = Math.max(lastRevision, feed.progress() ?? 0)
          if (rev > 0) yield bookmark(deps.schema, rev)
          continue
        }
        if (ev.revision > lastRevision) lastRevision = ev.revision
        if (ev.type === 'BOOKMARK') { if (q.allowWatchBookmarks === true) yield bookmark(deps.schema, ev.revision); continue }
        if (ev.type === 'ERROR') { yield { type: 'ERROR', object: ev.object }; return }
        const out = filterEvent(ev, deps.selection)
        if (out !== undefined) yield { type: out.type, object: withTypeMeta(deps.schema, out.object) }
      }
    } catch (err) {
      if (!ctl.signal.aborted) yield errorEvent(asApiError(err))
    }
  } catch (err) {
    if (isApiErrorLike(err)) { yield errorEvent(err); return }
    throw err
  } finally {
    if (ticker !== undefined) clearInterval(ticker)
    if (timeout !== undefined) clearTimeout(timeout)
    signal.removeEventListener('abort', onAbort)
    ctl.abort()
  }
}

/** The initial ADDED events (if asked) and the revision to watch after. */
async function initialState (deps: WatchDeps, start: WatchStart, q: WatchQuery): Promise<{ events: WatchEvent[], revision: number }> {
  if (!start.initialEvents) return { events: [], revision: start.fromRevision ?? await deps.storage.currentRevision() }
  const list = await deps.storage.list(deps.prefix, { filter: deps.selection.matches })
  if (start.minRevision !== undefined && start.minRevision > list.revision) throw errTooLargeResourceVersion(start.minRevision, list.revision)
  const events: WatchEvent[] = list.items.map(item => ({ type: 'ADDED', object: withTypeMeta(deps.schema, item) }))
  if (q.sendInitialEvents === true && q.allowWatchBookmarks === true) events.push(bookmark(deps.schema, list.revision, true))
  return { events, revision: list.revision }
}

function isApiErrorLike (err: unknown): err is ApiError {
  return typeof err === 'object' && err !== null && typeof (err as ApiError).code === 'number' && typeof (err as ApiError).toStatus === 'function'
}

function asApiError (err: unknown): ApiError {
  if (isApiErrorLike(err)) return err
  return errInternal(err instanceof Error ? err.message : String(err))
}
