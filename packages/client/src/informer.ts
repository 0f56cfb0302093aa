import type { DeepReadonly, KubeList, Status } from '@kube-ts/api'
import { isGone } from '@kube-ts/api'
import { Backoff } from './backoff.js'
import { sleep, systemClock } from './clock.js'
import type { Clock, TimerHandle } from './clock.js'
import { noopLogger } from './logger.js'
import type { Logger } from './logger.js'
import type { ListOptions, WatchOptions } from './resource-client.js'
import { DeletedFinalStateUnknown, listerFor, objectKey, resourceVersionOf, Store } from './store.js'
import type { IndexFunc, Lister } from './store.js'
import type { WatchEvent } from './watch-reader.js'

/** What an informer needs from a client; `ResourceClient` satisfies it, fakes can too. */
export interface ListerWatcher<T> {
  list: (namespace: string, opts: ListOptions) => Promise<KubeList<T>>
  watch: (namespace: string, opts: WatchOptions, signal?: AbortSignal) => AsyncIterable<WatchEvent<T>>
}

export interface EventHandlers<T> {
  onAdd?: (obj: DeepReadonly<T>) => void
  onUpdate?: (oldObj: DeepReadonly<T>, newObj: DeepReadonly<T>) => void
  onDelete?: (obj: DeepReadonly<T> | DeletedFinalStateUnknown<T>) => void
}

export interface InformerOptions {
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
  /** Re-delivers every cached object as an update this often (0 = never). */
  resyncPeriodMs?: number
  pageSize?: number
  clock?: Clock
  logger?: Logger
  random?: () => number
  /** Name used in logs (`pods`). */
  name?: string
  /**
   * Stamped on list items that lack them (the apiserver may omit kind/apiVersion in list items, while watch events
   * carry them), so cached objects look the same however they arrived.
   */
  typeMeta?: { apiVersion: string, kind: string }
}

/** The stream asked us to relist: 410 Gone/Expired, as an ERROR event or an HTTP answer. */
class RelistNeeded extends Error {}

/**
 * client-go's shared informer, single-threaded: list (paginated), then watch from the list's resourceVersion with
 * bookmarks; relist on 410; rewatch with jittered backoff on broken connections. Keeps a Store and tells handlers,
 * which must only enqueue (STYLE.md 2.9).
 */
export class Informer<T> {
  readonly store = new Store<T>()
  private readonly handlers: Array<EventHandlers<T>> = []
  private readonly opts: Required<Omit<InformerOptions, 'labelSelector' | 'fieldSelector' | 'typeMeta'>> & Pick<InformerOptions, 'labelSelector' | 'fieldSelector' | 'typeMeta'>
  private synced = false
  private lastRV = ''
  private running: Promise<void> | undefined

  constructor (private readonly lw: ListerWatcher<T>, opts: InformerOptions = {}) {
    this.opts = {
      namespace: opts.namespace ?? '',
      labelSelector: opts.labelSelector,
      fieldSelector: opts.fieldSelector,
      resyncPeriodMs: opts.resyncPeriodMs ?? 0,
      pageSize: opts.pageSize ?? 500,
      clock: opts.clock ?? systemClock,
      logger: (opts.logger ?? noopLogger).child({ informer: opts.name ?? 'informer' }),
      random: opts.random ?? Math.random,
      name: opts.name ?? 'informer',
      typeMeta: opts.typeMeta
    }
  }

  /** Registers handlers; objects already cached are replayed to `onAdd`, as client-go does for late handlers. */
  addEventHandler (h: EventHandlers<T>): void {
    this.handlers.push(h)
    if (h.onAdd !== undefined) for (const obj of this.store.list()) this.call(() => h.onAdd?.(obj))
  }

  onAdd (fn: (obj: DeepReadonly<T>) => void): void { this.addEventHandler({ onAdd: fn }) }
  onUpdate (fn: (oldObj: DeepReadonly<T>, newObj: DeepReadonly<T>) => void): void { this.addEventHandler({ onUpdate: fn }) }
  onDelete (fn: (obj: DeepReadonly<T> | DeletedFinalStateUnknown<T>) => void): void { this.addEventHandler({ onDelete: fn }) }

  addIndexer (name: string, fn: IndexFunc<T>): void { this.store.addIndexer(name, fn) }
  byIndex (name: string, value: string): Array<DeepReadonly<T>> { return this.store.byIndex(name, value) }
  lister (): Lister<T> { return listerFor(this.store) }
  hasSynced (): boolean { return this.synced }
  lastSyncResourceVersion (): string { return this.lastRV }

  /** Starts the loop once (later calls return the same promise); resolves when `signal` aborts. */
  async run (signal: AbortSignal): Promise<void> {
    this.running ??= this.loop(signal)
    await this.running
  }

  private async loop (signal: AbortSignal): Promise<void> {
    const backoff = new Backoff(1000, 30_000, 1.0, this.opts.random)
    const resync = this.startResync(signal)
    try {
      while (!signal.aborted) {
        try {
          await this.listAndReplace(signal)
          backoff.reset()
          await this.watchLoop(signal, backoff)
        } catch (err) {
          if (signal.aborted) break
          const delay = backoff.next()
          this.opts.logger.warn({ err, delayMs: Math.round(delay) }, 'list failed, retrying')
          await sleep(this.opts.clock, delay, signal).catch(() => {})
        }
      }
    } finally {
      if (resync !== undefined) this.opts.clock.clearTimeout(resync.handle)
    }
  }

  /** Lists page by page (consistent read, then continue tokens) and swaps the result into the store. */
  private async listAndReplace (signal: AbortSignal): Promise<void> {
    const items: T[] = []
    let cont: string | undefined
    let rv = ''
    do {
      const page = await this.lw.list(this.opts.namespace, {
        labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector, limit: this.opts.pageSize, continue: cont, signal
      })
      for (const item of page.items) items.push(this.withTypeMeta(item))
      cont = page.metadata.continue
      rv = page.metadata.resourceVersion ?? rv
    } while (cont !== undefined && cont !== '')
    this.replace(items)
    this.lastRV = rv
    this.synced = true
    this.opts.logger.debug({ count: items.length, resourceVersion: rv }, 'listed')
  }

  private withTypeMeta (item: T): T {
    const tm = this.opts.typeMeta
    const o = item as { apiVersion?: string, kind?: string }
    if (tm === undefined || (o.kind !== undefined && o.apiVersion !== undefined)) return item
    return { ...item, apiVersion: o.apiVersion ?? tm.apiVersion, kind: o.kind ?? tm.kind }
  }

  /** Relist diff: adds, updates for everything still present, tombstone deletes for what vanished. */
  private replace (items: T[]): void {
    const seen = new Set<string>()
    for (const obj of items) {
      seen.add(objectKey(obj as object))
      this.upsert(obj)
    }
    for (const key of this.store.keys()) {
      if (seen.has(key)) continue
      const old = this.store.remove(key)
      if (old !== undefined) this.emitDelete(new DeletedFinalStateUnknown<T>(key, old))
    }
  }

  private async watchLoop (signal: AbortSignal, backoff: Backoff): Promise<void> {
    while (!signal.aborted) {
      // client-go spreads watch lifetimes over [5, 10) minutes so reconnects do not synchronise.
      const timeoutSeconds = Math.floor(300 + this.opts.random() * 300)
      try {
        const stream = this.lw.watch(this.opts.namespace, {
          resourceVersion: this.lastRV,
          allowWatchBookmarks: true,
          timeoutSeconds,
          labelSelector: this.opts.labelSelector,
          fieldSelector: this.opts.fieldSelector
        }, signal)
        const started = this.opts.clock.now()
        let events = 0
        for await (const ev of stream) {
          this.apply(ev)
          events++
          backoff.reset()
        }
        // client-go's "very short watch": an empty watch that ends at once would otherwise spin against the server.
        if (events === 0 && this.opts.clock.now() - started < 1000 && !signal.aborted) {
          const delay = backoff.next()
          this.opts.logger.warn({ delayMs: Math.round(delay) }, 'watch closed immediately without events, backing off')
          await sleep(this.opts.clock, delay, signal).catch(() => {})
        }
      } catch (err) {
        if (signal.aborted) return
        if (err instanceof RelistNeeded || isGone(err)) {
          this.opts.logger.info({ resourceVersion: this.lastRV }, 'watch expired, relisting')
          return
        }
        const delay = backoff.next()
        this.opts.logger.warn({ err, delayMs: Math.round(delay) }, 'watch failed, reconnecting')
        await sleep(this.opts.clock, delay, signal).catch(() => {})
      }
    }
  }

  private apply (ev: WatchEvent<T>): void {
    if (ev.type === 'ERROR') {
      const status: Status = ev.object
      if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone') throw new RelistNeeded(status.message)
      throw Object.assign(new Error(status.message ?? 'watch error'), { status })
    }
    const rv = resourceVersionOf(ev.object as object)
    if (ev.type === 'BOOKMARK') {
      if (rv !== undefined) this.lastRV = rv
      return
    }
    if (ev.type === 'DELETED') {
      const removed = this.store.remove(objectKey(ev.object as object))
      if (removed !== undefined) this.emitDelete(ev.object as DeepReadonly<T>)
    } else {
      this.upsert(ev.object)
    }
    if (rv !== undefined) this.lastRV = rv
  }

  private upsert (obj: T): void {
    const old = this.store.upsert(obj)
    const now = obj as DeepReadonly<T>
    for (const h of this.handlers) {
      if (old === undefined) { if (h.onAdd !== undefined) this.call(() => h.onAdd?.(now)) } else if (h.onUpdate !== undefined) this.call(() => h.onUpdate?.(old, now))
    }
  }

  private emitDelete (obj: DeepReadonly<T> | DeletedFinalStateUnknown<T>): void {
    for (const h of this.handlers) if (h.onDelete !== undefined) this.call(() => h.onDelete?.(obj))
  }

  private startResync (signal: AbortSignal): { handle: TimerHandle } | undefined {
    const period = this.opts.resyncPeriodMs
    if (period <= 0) return undefined
    const state = { handle: undefined as TimerHandle }
    const tick = (): void => {
      if (signal.aborted) return
      for (const obj of this.store.list()) for (const h of this.handlers) if (h.onUpdate !== undefined) this.call(() => h.onUpdate?.(obj, obj))
      state.handle = this.opts.clock.setTimeout(tick, period)
    }
    state.handle = this.opts.clock.setTimeout(tick, period)
    return state
  }

  /** A throwing handler is a bug in the caller; log it and keep the informer alive. */
  private call (fn: () => void): void {
    try {
      fn()
    } catch (err) {
      this.opts.logger.error({ err }, 'event handler threw')
    }
  }
}

/** Resolves true once every informer has synced, false if `signal` aborts first (client-go's WaitForCacheSync). */
export async function waitForCacheSync (signal: AbortSignal, ...informers: Array<{ hasSynced: () => boolean }>): Promise<boolean> {
  const pollMs = 100
  while (!informers.every(i => i.hasSynced())) {
    if (signal.aborted) return false
    try {
      await sleep(systemClock, pollMs, signal)
    } catch {
      return false
    }
  }
  return true
}
