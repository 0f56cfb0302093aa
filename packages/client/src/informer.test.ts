import { ApiError } from '@kube-ts/api'
import { Informer, waitForCacheSync } from './informer.js'
import { isDeletedFinalStateUnknown } from './store.js'
import { FakeListWatch, list } from './__tests__/fake-list-watch.js'
import { flush, ManualClock } from './__tests__/fake-clock.js'

interface Pod { metadata: { name: string, namespace?: string, resourceVersion?: string, labels?: Record<string, string> }, spec?: { nodeName?: string } }

const pod = (name: string, rv: string, nodeName?: string): Pod => ({ metadata: { name, namespace: 'ns', resourceVersion: rv }, spec: { nodeName } })

function recorder (): { log: string[], handlers: Parameters<Informer<Pod>['addEventHandler']>[0] } {
  const log: string[] = []
  return {
    log,
    handlers: {
      onAdd: (o) => log.push(`add ${o.metadata.name}@${o.metadata.resourceVersion ?? ''}`),
      onUpdate: (a, b) => log.push(`update ${a.metadata.name}@${a.metadata.resourceVersion ?? ''}->${b.metadata.resourceVersion ?? ''}`),
      onDelete: (o) => log.push(isDeletedFinalStateUnknown(o) ? `tombstone ${o.key}` : `delete ${o.metadata.name}@${o.metadata.resourceVersion ?? ''}`)
    }
  }
}

describe('Informer', () => {
  let lw: FakeListWatch<Pod>
  let clock: ManualClock
  let ctl: AbortController
  let inf: Informer<Pod>
  let run: Promise<void>
  let rec: ReturnType<typeof recorder>

  beforeEach(() => {
    lw = new FakeListWatch<Pod>()
    clock = new ManualClock()
    ctl = new AbortController()
    rec = recorder()
  })
  afterEach(async () => { ctl.abort(); await run })

  function start (opts: ConstructorParameters<typeof Informer<Pod>>[1] = {}): void {
    inf = new Informer<Pod>(lw, { clock, random: () => 0.5, ...opts })
    inf.addEventHandler(rec.handlers)
    run = inf.run(ctl.signal)
  }

  it('lists in pages of 500 then watches from the list resourceVersion with bookmarks', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10', 'next'), () => list([pod('b', '2')], '10'))
    start({ labelSelector: 'app=web' })
    await flush()
    expect(lw.listCalls).toEqual([
      { labelSelector: 'app=web', fieldSelector: undefined, limit: 500, continue: undefined },
      { labelSelector: 'app=web', fieldSelector: undefined, limit: 500, continue: 'next' }
    ])
    expect(lw.watchCalls).toEqual([{ resourceVersion: '10', allowWatchBookmarks: true, timeoutSeconds: 450, labelSelector: 'app=web', fieldSelector: undefined }])
    expect(inf.hasSynced()).toBe(true)
    expect(rec.log).toEqual(['add a@1', 'add b@2'])
  })

  it('applies watch events to the store and calls the handlers', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10'))
    start()
    await flush()
    const w = lw.watches[0]
    w?.push({ type: 'ADDED', object: pod('b', '11') })
    w?.push({ type: 'MODIFIED', object: pod('a', '12') })
    w?.push({ type: 'DELETED', object: pod('b', '13') })
    await flush()
    expect(rec.log).toEqual(['add a@1', 'add b@11', 'update a@1->12', 'delete b@13'])
    expect(inf.store.keys()).toEqual(['ns/a'])
    expect(inf.lastSyncResourceVersion()).toBe('13')
  })

  it('rewatches from the last bookmark when the server ends the watch', async () => {
    lw.lists.push(() => list([], '10'))
    start()
    await flush()
    lw.watches[0]?.push({ type: 'BOOKMARK', object: { metadata: { name: '', resourceVersion: '20' } } })
    lw.watches[0]?.push('end')
    await flush()
    expect(lw.watchCalls.map(w => w.resourceVersion)).toEqual(['10', '20'])
    expect(lw.listCalls).toHaveLength(1)
  })

  it.each([
    { name: 'relists after a 410 ERROR event and tombstones vanished objects', fail: { type: 'ERROR' as const, object: { kind: 'Status' as const, apiVersion: 'v1' as const, metadata: {}, status: 'Failure' as const, message: 'too old resource version: 10 (15)', reason: 'Expired', code: 410 } } },
    { name: 'relists after the watch request is answered 410 Gone', fail: new ApiError(410, 'Gone', 'too old resource version') }
  ])('$name', async ({ fail }) => {
    lw.lists.push(() => list([pod('a', '1'), pod('b', '2')], '10'), () => list([pod('a', '16')], '20'))
    start()
    await flush()
    lw.watches[0]?.push(fail)
    await flush()
    expect(lw.listCalls).toHaveLength(2)
    expect(rec.log).toEqual(['add a@1', 'add b@2', 'update a@1->16', 'tombstone ns/b'])
    expect(lw.watchCalls.map(w => w.resourceVersion)).toEqual(['10', '20'])
  })

  it('backs off instead of spinning when a watch ends at once without events', async () => {
    lw.lists.push(() => list([], '10'))
    start()
    await flush()
    lw.watches[0]?.push('end')
    await flush()
    expect(lw.watchCalls).toHaveLength(1)
    clock.step(1500)
    await flush()
    expect(lw.watchCalls).toHaveLength(2)
  })

  it('reconnects with backoff after a network error without relisting', async () => {
    lw.lists.push(() => list([], '10'))
    start()
    await flush()
    lw.watches[0]?.push(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    await flush()
    expect(lw.watchCalls).toHaveLength(1)
    clock.step(1499)
    await flush()
    expect(lw.watchCalls).toHaveLength(1)
    clock.step(1) // 1 s base + 0.5 jitter
    await flush()
    expect(lw.watchCalls).toHaveLength(2)
    expect(lw.listCalls).toHaveLength(1)
  })

  it('retries a failed list with growing delays', async () => {
    lw.lists.push(() => { throw new Error('connection refused') }, () => { throw new Error('connection refused') }, () => list([pod('a', '1')], '5'))
    start()
    await flush()
    clock.step(1500)
    await flush()
    expect(lw.listCalls).toHaveLength(2)
    clock.step(2999)
    await flush()
    expect(lw.listCalls).toHaveLength(2)
    clock.step(1)
    await flush()
    expect(lw.listCalls).toHaveLength(3)
    expect(inf.hasSynced()).toBe(true)
  })

  it('re-delivers every object as an update on each resync period', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10'))
    start({ resyncPeriodMs: 30_000 })
    await flush()
    clock.step(30_000)
    clock.step(30_000)
    expect(rec.log).toEqual(['add a@1', 'update a@1->1', 'update a@1->1'])
  })

  it('replays cached objects to a handler added late', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10'))
    start()
    await flush()
    const late: string[] = []
    inf.onAdd(o => late.push(o.metadata.name))
    expect(late).toEqual(['a'])
  })

  it('serves reads through the lister and custom indexes', async () => {
    lw.lists.push(() => list([pod('a', '1', 'n1'), pod('b', '2', 'n2'), { metadata: { name: 'c', namespace: 'other', resourceVersion: '3' }, spec: { nodeName: 'n1' } }], '10'))
    start()
    inf.addIndexer('nodeName', p => [p.spec?.nodeName ?? ''])
    await flush()
    const lister = inf.lister()
    expect(lister.get('ns', 'a')?.metadata.resourceVersion).toBe('1')
    expect(lister.list('ns').map(p => p.metadata.name).sort()).toEqual(['a', 'b'])
    expect(lister.list(undefined, p => p.spec?.nodeName === 'n1').map(p => p.metadata.name).sort()).toEqual(['a', 'c'])
    expect(inf.byIndex('nodeName', 'n1').map(p => p.metadata.name).sort()).toEqual(['a', 'c'])
  })

  it('stamps kind and apiVersion on list items that lack them', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10'))
    start({ typeMeta: { apiVersion: 'v1', kind: 'Pod' } })
    await flush()
    expect(inf.lister().get('ns', 'a')).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } })
  })

  it('keeps running when a handler throws', async () => {
    lw.lists.push(() => list([pod('a', '1')], '10'))
    inf = new Informer<Pod>(lw, { clock })
    inf.onAdd(() => { throw new Error('bug') })
    inf.addEventHandler(rec.handlers)
    run = inf.run(ctl.signal)
    await flush()
    lw.watches[0]?.push({ type: 'ADDED', object: pod('b', '11') })
    await flush()
    expect(rec.log).toEqual(['add a@1', 'add b@11'])
  })

  it('waitForCacheSync resolves true once synced and false when aborted first', async () => {
    lw.lists.push(() => list([], '1'))
    start()
    expect(await waitForCacheSync(ctl.signal, inf)).toBe(true)
    const other = new AbortController()
    const pending = waitForCacheSync(other.signal, { hasSynced: () => false })
    other.abort()
    expect(await pending).toBe(false)
  })
})
