import type { KubeObject } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import { WatchCaches } from './watch-cache.js'
import { watchStream, type WatchDeps } from './watch-stream.js'
import { compileSelection } from './selection.js'
import { configmaps } from './test-schemas.js'
import type { WatchEvent } from './rest.js'

const ROOT = '/registry/configmaps/'
const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'a' } })

describe('watchStream', () => {
  const cases = [
    { name: 'never sends a bookmark older than an event already sent, with a shared watch cache', cached: true },
    { name: 'never sends a bookmark older than an event already sent, straight from storage', cached: false }
  ]
  it.each(cases)('$name', async ({ cached }) => {
    const storage = new MemoryStorage()
    const caches = new WatchCaches(storage)
    const ctl = new AbortController()
    const deps: WatchDeps = {
      storage,
      schema: configmaps,
      prefix: `${ROOT}a/`,
      selection: compileSelection(configmaps, undefined, undefined),
      bookmarkIntervalMs: 5,
      ...(cached ? { events: async (after: number, s: AbortSignal) => await caches.watch(ROOT, `${ROOT}a/`, after, s) } : {})
    }
    const from = await storage.currentRevision()
    const it = watchStream(deps, { resourceVersion: String(from), allowWatchBookmarks: true }, ctl.signal)[Symbol.asyncIterator]()
    const first = it.next()
    await new Promise(resolve => setTimeout(resolve, 20))
    for (let i = 0; i < 20; i++) await storage.create(`${ROOT}a/o${i}`, cm(`o${i}`))
    const got: WatchEvent[] = [(await first).value as WatchEvent]
    // a slow consumer: bookmark timers fire many times while the events wait in the queue
    while (got.filter(e => e.type === 'ADDED').length < 20) {
      await new Promise(resolve => setTimeout(resolve, 2))
      got.push((await it.next()).value as WatchEvent)
    }
    const revisions = got.map(e => Number(e.object.metadata.resourceVersion))
    expect(revisions).toEqual([...revisions].sort((x, y) => x - y))
    expect(got.filter(e => e.type === 'ADDED').map(e => e.object.metadata.name)).toEqual(Array.from({ length: 20 }, (_, i) => `o${i}`))
    ctl.abort()
    expect(await it.next()).toEqual({ done: true, value: undefined })
    await caches.stop()
  })
})
