import type { KubeObject } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import type { StorageEvent } from '../storage/storage.js'
import { MAX_PENDING_EVENTS } from './event-feed.js'
import { ResourceWatchCache, WatchCaches } from './watch-cache.js'

const cm = (ns: string, name: string, v = 0): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { v: String(v) } })
const key = (ns: string, name: string): string => `/registry/configmaps/${ns}/${name}`
const ROOT = '/registry/configmaps/'

async function take (it: AsyncIterator<StorageEvent>, n: number, ms = 3000): Promise<StorageEvent[]> {
  const out: StorageEvent[] = []
  const deadline = Date.now() + ms
  while (out.length < n) {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>(resolve => { timer = setTimeout(() => { resolve('timeout') }, Math.max(0, deadline - Date.now())) })
    const r = await Promise.race([it.next(), timeout])
    clearTimeout(timer)
    if (r === 'timeout') throw new Error(`timed out after ${out.length} of ${n}`)
    if (r.done === true) break
    out.push(r.value)
  }
  return out
}

/** MemoryStorage that counts the storage watches opened. */
class CountingStorage extends MemoryStorage {
  watches = 0
  override watch (prefix: string, from: number, signal: AbortSignal): AsyncIterable<StorageEvent> {
    this.watches++
    return super.watch(prefix, from, signal)
  }
}

describe('WatchCaches', () => {
  let storage: CountingStorage
  let caches: WatchCaches
  let ctl: AbortController
  beforeEach(() => { storage = new CountingStorage(); caches = new WatchCaches(storage, 3); ctl = new AbortController() })
  afterEach(async () => { ctl.abort(); await caches.stop() })

  const open = async (prefix: string, after: number): Promise<AsyncIterator<StorageEvent>> =>
    (await caches.watch(ROOT, prefix, after, ctl.signal)).events[Symbol.asyncIterator]()

  it('serves many watchers of one resource from a single storage watch', async () => {
    const rev = await storage.currentRevision()
    const its = await Promise.all([1, 2, 3, 4].map(async () => await open(ROOT, rev)))
    await storage.create(key('a', 'x'), cm('a', 'x'))
    for (const it of its) expect((await take(it, 1))[0]?.object.metadata.name).toBe('x')
    expect(storage.watches).toBe(1)
  })

  it('replays buffered events to a watcher starting from a recent revision without a new storage watch', async () => {
    const start = await storage.currentRevision()
    await open(ROOT, start)
    const first = await storage.create(key('a', 'x'), cm('a', 'x'))
    await storage.create(key('a', 'y'), cm('a', 'y'))
    await new Promise(resolve => setTimeout(resolve, 20))
    const late = await open(ROOT, Number(first.metadata.resourceVersion))
    expect((await take(late, 1)).map(e => e.object.metadata.name)).toEqual(['y'])
    expect(storage.watches).toBe(1)
  })

  it('keeps namespaces apart even when one name prefixes another', async () => {
    const rev = await storage.currentRevision()
    const ns1 = await open(`${ROOT}ns1/`, rev)
    await storage.create(key('ns10', 'a'), cm('ns10', 'a'))
    await storage.create(key('ns1', 'b'), cm('ns1', 'b'))
    expect((await take(ns1, 1)).map(e => e.object.metadata.name)).toEqual(['b'])
  })

  it('falls back to a storage watch for a revision older than the cache holds', async () => {
    const old = await storage.create(key('a', 'old'), cm('a', 'old'))
    await open(ROOT, await storage.currentRevision())
    for (let i = 0; i < 5; i++) await storage.create(key('a', `n${i}`), cm('a', `n${i}`))
    await new Promise(resolve => setTimeout(resolve, 20))
    // the cache (capacity 3) no longer holds n0: this watcher must still see every event after `old`
    const it = await open(ROOT, Number(old.metadata.resourceVersion))
    expect((await take(it, 5)).map(e => e.object.metadata.name)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4'])
    expect(storage.watches).toBe(2)
  })

  it('delivers every event exactly once and in order to watchers joining during a burst of writes', async () => {
    const big = new WatchCaches(storage, 1000)
    const base = await storage.currentRevision()
    const watchers: Array<{ after: number, it: AsyncIterator<StorageEvent> }> = []
    const writes: Array<Promise<unknown>> = []
    for (let i = 0; i < 40; i++) {
      writes.push(storage.create(key(`ns${i % 3}`, `o${i}`), cm(`ns${i % 3}`, `o${i}`)))
      if (i % 10 === 0) {
        const after = await storage.currentRevision()
        watchers.push({ after, it: (await big.watch(ROOT, ROOT, after, ctl.signal)).events[Symbol.asyncIterator]() })
      }
    }
    await Promise.all(writes)
    const last = await storage.currentRevision()
    for (const w of watchers) {
      const evs = await take(w.it, last - w.after)
      expect(evs.map(e => e.revision)).toEqual(Array.from({ length: last - w.after }, (_, i) => w.after + i + 1))
    }
    expect(base).toBeLessThan(last)
    await big.stop()
  })

  it('reports progress past events its namespace filter dropped, once its queue is drained', async () => {
    const start = await storage.currentRevision()
    await open(ROOT, start)
    const feed = await caches.watch(ROOT, `${ROOT}quiet/`, start, ctl.signal)
    const other = await storage.create(key('busy', 'x'), cm('busy', 'x'))
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(feed.progress()).toBe(Number(other.metadata.resourceVersion))
    await storage.create(key('quiet', 'y'), cm('quiet', 'y'))
    await new Promise(resolve => setTimeout(resolve, 20))
    // an undelivered event is queued: progress is unknown until the consumer takes it
    expect(feed.progress()).toBeUndefined()
    await take(feed.events[Symbol.asyncIterator](), 1)
    expect(feed.progress()).toBe(await storage.currentRevision())
  })

  it('hands a namespace event only to that namespace\'s watchers and to all-namespace watchers', async () => {
    const rev = await storage.currentRevision()
    const [a, all, b] = await Promise.all([`${ROOT}a/`, ROOT, `${ROOT}b/`].map(async p => await caches.watch(ROOT, p, rev, ctl.signal)))
    await storage.create(key('a', 'x'), cm('a', 'x'))
    await storage.create(key('b', 'y'), cm('b', 'y'))
    expect((await take(a!.events[Symbol.asyncIterator](), 1)).map(e => e.object.metadata.name)).toEqual(['x'])
    expect((await take(all!.events[Symbol.asyncIterator](), 2)).map(e => e.object.metadata.name)).toEqual(['x', 'y'])
    expect((await take(b!.events[Symbol.asyncIterator](), 1)).map(e => e.object.metadata.name)).toEqual(['y'])
    // each watcher got exactly its events: nothing else is queued
    expect([a!.progress(), all!.progress(), b!.progress()]).toEqual(Array(3).fill(await storage.currentRevision()))
  })

  it('forgets a watcher once its signal aborts', async () => {
    const cache = new ResourceWatchCache(storage, ROOT, await storage.currentRevision(), 10, () => {})
    const own = new AbortController()
    cache.subscribe(`${ROOT}a/`, 0, own.signal)
    cache.subscribe(ROOT, 0, ctl.signal)
    expect(cache.watcherCount).toBe(2)
    own.abort()
    expect(cache.watcherCount).toBe(1)
    cache.stop()
    await cache.done
  })

  it('cuts off a watcher that falls more than the pending limit behind, after the events it held, as upstream closes unresponsive watchers', async () => {
    const rev = await storage.currentRevision()
    const stalled = await caches.watch(ROOT, `${ROOT}slow/`, rev, ctl.signal)
    const healthy = (await caches.watch(ROOT, ROOT, rev, ctl.signal)).events[Symbol.asyncIterator]()
    for (let i = 0; i <= MAX_PENDING_EVENTS; i++) {
      await storage.create(key('slow', `o${i}`), cm('slow', `o${i}`))
      await take(healthy, 1)
    }
    const got = await take(stalled.events[Symbol.asyncIterator](), MAX_PENDING_EVENTS + 1)
    // a gap-free prefix, then the end of the stream: the client re-watches from the last resourceVersion it saw
    expect(got.map(e => e.revision)).toEqual(Array.from({ length: MAX_PENDING_EVENTS }, (_, i) => rev + i + 1))
  })

  it('ends the streams of its watchers when stopped', async () => {
    const it = await open(ROOT, await storage.currentRevision())
    await caches.stop()
    expect(await it.next()).toEqual({ done: true, value: undefined })
  })
})
