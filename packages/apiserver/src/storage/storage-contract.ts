/// <reference types="jest" />
// Shared behaviour cases for every Storage implementation (etcd in test/integration, memory in a unit test), in the
// spirit of upstream's storage/testing suites. Not a test file itself: it registers cases for a given factory.
import type { KubeObject } from '@kube-ts/api'
import type { Storage, StorageEvent } from './storage.js'

export interface StorageFixture {
  storage: Storage
  /** The storage prefix (e.g. `/test-abc/registry`); every key a case uses lives under it. */
  prefix: string
  close: () => Promise<void>
}

export interface StorageContractTarget {
  /**
   * A fresh storage with its own key prefix. `compacts` is set by cases that compact history: targets sharing a
   * backend with other suites should hand those cases a backend of their own.
   */
  newStorage: (opts: { compacts: boolean }) => Promise<StorageFixture>
}

const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { n: 0 }, ...extra })

const rvOf = (o: KubeObject | undefined): number => Number(o?.metadata.resourceVersion)

async function caught (p: Promise<unknown>): Promise<{ code?: number, reason?: string, message?: string, statusMetadata?: { continue?: string } }> {
  try {
    await p
  } catch (err) {
    return err as { code?: number, reason?: string, message?: string }
  }
  throw new Error('expected the call to fail')
}

/** Reads `n` events or fails after `ms`; the iterator stays open for more. */
async function take (it: AsyncIterator<StorageEvent>, n: number, ms = 10000): Promise<StorageEvent[]> {
  const out: StorageEvent[] = []
  const deadline = Date.now() + ms
  while (out.length < n) {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>(resolve => { timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())) })
    const r = await Promise.race([it.next(), timeout])
    clearTimeout(timer)
    if (r === 'timeout') throw new Error(`timed out after ${out.length} of ${n} events`)
    if (r.done === true) break
    out.push(r.value)
  }
  return out
}

/** Asserts that nothing arrives within `ms` (the pending next() is left to the abort). */
async function nothingWithin (it: AsyncIterator<StorageEvent>, ms: number): Promise<StorageEvent | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>(resolve => { timer = setTimeout(() => resolve(undefined), ms) })
  const r = await Promise.race([it.next().then(x => x.done === true ? undefined : x.value), timeout])
  clearTimeout(timer)
  return r
}

export function registerStorageContract (target: StorageContractTarget): void {
  let fx: StorageFixture
  let s: Storage
  let key: (rel: string) => string
  const watchers: AbortController[] = []
  const openWatch = (prefix: string, from: number): { it: AsyncIterator<StorageEvent>, ac: AbortController } => {
    const ac = new AbortController()
    watchers.push(ac)
    return { it: s.watch(prefix, from, ac.signal)[Symbol.asyncIterator](), ac }
  }

  async function setUp (compacts: boolean): Promise<void> {
    fx = await target.newStorage({ compacts })
    s = fx.storage
    key = (rel) => `${fx.prefix}/${rel}`
  }
  afterEach(async () => {
    for (const ac of watchers.splice(0)) ac.abort()
    await fx?.close()
  })

  describe('create and get', () => {
    beforeEach(async () => { await setUp(false) })

    it('creates an object, stamps its resourceVersion and reads it back', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      expect(rvOf(created)).toBeGreaterThan(0)
      expect(await s.get(key('pods/default/a'))).toEqual(created)
      expect(await s.currentRevision()).toBeGreaterThanOrEqual(rvOf(created))
    })

    it('ignores a resourceVersion supplied by the caller on create', async () => {
      const created = await s.create(key('pods/default/a'), pod('a', { metadata: { name: 'a', resourceVersion: '999999999' } }))
      expect(rvOf(created)).not.toBe(999999999)
      expect(rvOf(await s.get(key('pods/default/a')))).toBe(rvOf(created))
    })

    it('rejects a second create of the same key with 409 AlreadyExists', async () => {
      await s.create(key('pods/default/a'), pod('a'))
      expect(await caught(s.create(key('pods/default/a'), pod('a')))).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'pods "a" already exists' })
    })

    it('returns undefined for a key that does not exist', async () => {
      expect(await s.get(key('pods/default/missing'))).toBeUndefined()
    })

    it('does not persist a dry-run create', async () => {
      const out = await s.create(key('pods/default/a'), pod('a'), { dryRun: true })
      expect(out.metadata.name).toBe('a')
      expect(await s.get(key('pods/default/a'))).toBeUndefined()
    })

    const oversized = [
      { name: 'refuses a value just over the 1.5 MiB etcd request limit with 413 and writes nothing', bytes: 1.7 * 1024 * 1024 },
      { name: 'refuses a value far over the etcd request limit with 413 and writes nothing', bytes: 3 * 1024 * 1024 }
    ]
    it.each(oversized)('$name', async ({ bytes }) => {
      const big = pod('big', { data: 'x'.repeat(bytes) })
      expect(await caught(s.create(key('pods/default/big'), big))).toMatchObject({ code: 413, reason: 'RequestEntityTooLarge' })
      expect(await s.get(key('pods/default/big'))).toBeUndefined()
      await s.create(key('pods/default/small'), pod('small'))
      expect(await caught(s.guaranteedUpdate(key('pods/default/small'), () => big))).toMatchObject({ code: 413 })
    })

    it('refuses keys outside the storage prefix with a 500', async () => {
      expect(await caught(s.get('/elsewhere/pods/default/a'))).toMatchObject({ code: 500 })
    })
  })

  describe('guaranteedUpdate', () => {
    beforeEach(async () => { await setUp(false) })

    it('writes the new state with a higher resourceVersion when expectedRevision matches', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const { object, written } = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }), { expectedRevision: rvOf(created) })
      expect(written).toBe(true)
      expect(rvOf(object)).toBeGreaterThan(rvOf(created))
      expect(await s.get(key('pods/default/a'))).toEqual(object)
    })

    it('rejects a stale expectedRevision with 409 Conflict without calling tryUpdate', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      const tryUpdate = jest.fn((cur: KubeObject | undefined) => ({ ...cur!, spec: { n: 2 } }))
      const err = await caught(s.guaranteedUpdate(key('pods/default/a'), tryUpdate, { expectedRevision: rvOf(created) }))
      expect(err).toMatchObject({ code: 409, reason: 'Conflict' })
      expect(err.message).toContain('the object has been modified; please apply your changes to the latest version and try again')
      expect(tryUpdate).not.toHaveBeenCalled()
    })

    it('fails with Conflict when a write lands between the read and the CAS under expectedRevision', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const err = await caught(s.guaranteedUpdate(key('pods/default/a'), async cur => {
        await s.guaranteedUpdate(key('pods/default/a'), c => ({ ...c!, spec: { n: 100 } }))
        return { ...cur!, spec: { n: 1 } }
      }, { expectedRevision: rvOf(created) }))
      expect(err).toMatchObject({ code: 409, reason: 'Conflict' })
      expect((await s.get(key('pods/default/a')))?.spec).toEqual({ n: 100 })
    })

    it('retries lost CAS races with fresh state so concurrent increments all land', async () => {
      await s.create(key('pods/default/a'), pod('a'))
      await Promise.all(Array.from({ length: 10 }, async () => await s.guaranteedUpdate(key('pods/default/a'), cur => {
        const spec = cur!.spec as { n: number }
        return { ...cur!, spec: { n: spec.n + 1 } }
      })))
      expect((await s.get(key('pods/default/a')))?.spec).toEqual({ n: 10 })
    })

    it('keeps the resourceVersion of a no-op update and emits no watch event for it', async () => {
      const created = await s.create(key('pods/default/a'), pod('a', { spec: { n: 0, list: [1, 2] } }))
      const { it: events } = openWatch(key('pods/'), rvOf(created))
      // same content with a different key order and a caller-supplied resourceVersion is still a no-op
      const noop = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ spec: { list: [1, 2], n: 0 }, kind: 'Pod', apiVersion: 'v1', metadata: { ...cur!.metadata, resourceVersion: '1' } }))
      expect(noop).toEqual({ object: created, written: false })
      const real = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      const [first] = await take(events, 1)
      expect(first).toMatchObject({ type: 'MODIFIED', revision: rvOf(real.object) })
    })

    it('returns the current object unwritten when tryUpdate answers undefined', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      expect(await s.guaranteedUpdate(key('pods/default/a'), () => undefined)).toEqual({ object: created, written: false })
    })

    it('creates the object when tryUpdate returns one for an absent key', async () => {
      const { object, written } = await s.guaranteedUpdate(key('pods/default/new'), cur => cur ?? pod('new'))
      expect(written).toBe(true)
      expect(await s.get(key('pods/default/new'))).toEqual(object)
    })

    it('fails with NotFound when tryUpdate declines to create an absent key', async () => {
      expect(await caught(s.guaranteedUpdate(key('pods/default/none'), () => undefined))).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "none" not found' })
    })

    it('fails with NotFound when expectedRevision is given for an absent key', async () => {
      expect(await caught(s.guaranteedUpdate(key('pods/default/none'), c => c, { expectedRevision: 5 }))).toMatchObject({ code: 404 })
    })

    it('propagates an error thrown by tryUpdate and writes nothing', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const boom = Object.assign(new Error('nope'), { code: 422, reason: 'Invalid' })
      expect(await caught(s.guaranteedUpdate(key('pods/default/a'), () => { throw boom }))).toBe(boom)
      expect(await s.get(key('pods/default/a'))).toEqual(created)
    })

    it('does not persist a dry-run update', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const { object } = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 7 } }), { dryRun: true })
      expect(object.spec).toEqual({ n: 7 })
      expect(await s.get(key('pods/default/a'))).toEqual(created)
    })
  })

  describe('delete', () => {
    beforeEach(async () => { await setUp(false) })

    it('returns the last state stamped with the deletion revision and removes the key', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const deleted = await s.delete(key('pods/default/a'))
      expect(deleted.spec).toEqual(created.spec)
      expect(rvOf(deleted)).toBeGreaterThan(rvOf(created))
      expect(await s.get(key('pods/default/a'))).toBeUndefined()
      expect(await s.currentRevision()).toBeGreaterThanOrEqual(rvOf(deleted))
    })

    it('rejects a stale expectedRevision with 409 Conflict and keeps the object', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      const updated = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      expect(await caught(s.delete(key('pods/default/a'), { expectedRevision: rvOf(created) }))).toMatchObject({ code: 409, reason: 'Conflict' })
      expect(await s.get(key('pods/default/a'))).toEqual(updated.object)
      await s.delete(key('pods/default/a'), { expectedRevision: rvOf(updated.object) })
      expect(await s.get(key('pods/default/a'))).toBeUndefined()
    })

    const absent = [
      { name: 'fails with NotFound for an absent key', opts: {} },
      { name: 'fails with NotFound for an absent key even with expectedRevision', opts: { expectedRevision: 3 } },
      { name: 'fails with NotFound for an absent key in dry-run', opts: { dryRun: true } }
    ]
    it.each(absent)('$name', async ({ opts }) => {
      expect(await caught(s.delete(key('pods/default/none'), opts))).toMatchObject({ code: 404, reason: 'NotFound' })
    })

    it('does not delete in dry-run', async () => {
      const created = await s.create(key('pods/default/a'), pod('a'))
      expect(await s.delete(key('pods/default/a'), { dryRun: true })).toEqual(created)
      expect(await s.get(key('pods/default/a'))).toEqual(created)
    })
  })

  describe('list', () => {
    beforeEach(async () => { await setUp(false) })

    it('never returns keys of a namespace that merely shares the string prefix (ns1 vs ns10)', async () => {
      await s.create(key('pods/ns1/a'), pod('a'))
      await s.create(key('pods/ns10/b'), pod('b'))
      await s.create(key('pods/ns1x'), pod('ns1x'))
      const res = await s.list(key('pods/ns1/'), {})
      expect(res.items.map(i => i.metadata.name)).toEqual(['a'])
      expect((await s.list(key('pods/'), {})).items).toHaveLength(3)
    })

    it('counts the keys under a prefix without crossing into a longer namespace name', async () => {
      await s.create(key('pods/ns1/a'), pod('a'))
      await s.create(key('pods/ns1/b'), pod('b'))
      await s.create(key('pods/ns10/c'), pod('c'))
      expect(await s.count(key('pods/ns1/'))).toBe(2)
      expect(await s.count(key('pods/'))).toBe(3)
      expect(await s.count(key('services/'))).toBe(0)
    })

    it('lists in key order at one revision with per-item resourceVersions', async () => {
      const b = await s.create(key('pods/default/b'), pod('b'))
      const a = await s.create(key('pods/default/a'), pod('a'))
      const res = await s.list(key('pods/default/'), {})
      expect(res.items).toEqual([a, b])
      expect(res.revision).toBeGreaterThanOrEqual(rvOf(a))
      expect(res.nextKey).toBeUndefined()
      expect(res.remainingItemCount).toBeUndefined()
    })

    it('pages over one snapshot while writes happen between pages', async () => {
      const originals: KubeObject[] = []
      for (let i = 0; i < 25; i++) originals.push(await s.create(key(`pods/default/p${String(i).padStart(2, '0')}`), pod(`p${i}`)))
      const first = await s.list(key('pods/default/'), { limit: 10 })
      expect(first.items).toEqual(originals.slice(0, 10))
      expect(first.remainingItemCount).toBe(15)
      // writes after the first page must not show up in later pages
      await s.delete(key('pods/default/p15'))
      await s.guaranteedUpdate(key('pods/default/p20'), cur => ({ ...cur!, spec: { n: 9 } }))
      await s.create(key('pods/default/p12a'), pod('late'))
      const second = await s.list(key('pods/default/'), { limit: 10, revision: first.revision, startKey: first.nextKey! })
      expect(second.revision).toBe(first.revision)
      expect(second.remainingItemCount).toBe(5)
      const third = await s.list(key('pods/default/'), { limit: 10, revision: first.revision, startKey: second.nextKey! })
      expect(third.nextKey).toBeUndefined()
      expect([...first.items, ...second.items, ...third.items]).toEqual(originals)
    })

    it('keeps reading past non-matching keys so filtered pages are full', async () => {
      for (let i = 0; i < 30; i++) await s.create(key(`pods/default/p${String(i).padStart(2, '0')}`), pod(`p${i}`, { spec: { n: i } }))
      const filter = (o: KubeObject): boolean => (o.spec as { n: number }).n % 3 === 0
      const pages: KubeObject[][] = []
      let startKey: string | undefined
      let revision: number | undefined
      for (let guard = 0; guard < 10; guard++) {
        const opts: { limit: number, filter: typeof filter, startKey?: string, revision?: number } = { limit: 4, filter }
        if (startKey !== undefined) { opts.startKey = startKey; opts.revision = revision! }
        const res = await s.list(key('pods/default/'), opts)
        expect(res.remainingItemCount).toBeUndefined()
        pages.push(res.items)
        revision = res.revision
        startKey = res.nextKey
        if (startKey === undefined) break
      }
      expect(pages.slice(0, 2).map(p => p.length)).toEqual([4, 4])
      expect(pages.flat().map(o => (o.spec as { n: number }).n)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27])
    })

    it('answers a revision the store has not reached with 504 Timeout after waiting briefly', async () => {
      const now = await s.currentRevision()
      expect(await caught(s.list(key('pods/'), { revision: now + 100000, limit: 5 }))).toMatchObject({ code: 504, reason: 'Timeout' })
    }, 15000)

    it('rejects a list prefix without a trailing slash', async () => {
      expect(await caught(s.list(key('pods/ns1'), {}))).toMatchObject({ code: 500 })
    })
  })

  describe('watch', () => {
    beforeEach(async () => { await setUp(false) })

    it('maps create, update and delete to ADDED, MODIFIED with prevObject, and DELETED with the deletion revision', async () => {
      const start = await s.currentRevision()
      const { it: events } = openWatch(key('pods/'), start)
      const created = await s.create(key('pods/default/a'), pod('a'))
      const updated = await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      const deleted = await s.delete(key('pods/default/a'))
      const got = await take(events, 3)
      expect(got).toEqual([
        { type: 'ADDED', object: created, revision: rvOf(created) },
        { type: 'MODIFIED', object: updated.object, prevObject: created, revision: rvOf(updated.object) },
        { type: 'DELETED', object: deleted, revision: rvOf(deleted) }
      ])
    })

    it('only delivers events strictly after fromRevision', async () => {
      const a = await s.create(key('pods/default/a'), pod('a'))
      const b = await s.create(key('pods/default/b'), pod('b'))
      const { it: events } = openWatch(key('pods/'), rvOf(a))
      expect(await take(events, 1)).toEqual([{ type: 'ADDED', object: b, revision: rvOf(b) }])
    })

    it('does not deliver events of a sibling prefix (ns1 vs ns10)', async () => {
      const start = await s.currentRevision()
      const { it: events } = openWatch(key('pods/ns1/'), start)
      await s.create(key('pods/ns10/x'), pod('x'))
      const mine = await s.create(key('pods/ns1/y'), pod('y'))
      expect(await take(events, 1)).toEqual([{ type: 'ADDED', object: mine, revision: rvOf(mine) }])
    })

    it('delivers 200 concurrent writes in revision order without loss or duplicates, and resumes mid-way exactly', async () => {
      const start = await s.currentRevision()
      const { it: all } = openWatch(key('pods/'), start)
      await Promise.all(Array.from({ length: 200 }, async (_, i) => {
        await s.create(key(`pods/default/w${i}`), pod(`w${i}`))
        if (i % 4 === 0) await s.guaranteedUpdate(key(`pods/default/w${i}`), cur => ({ ...cur!, spec: { n: 1 } }))
      }))
      const events = await take(all, 250, 30000)
      const revs = events.map(e => e.revision)
      expect(new Set(revs).size).toBe(250)
      expect(revs).toEqual([...revs].sort((x, y) => x - y))
      expect(events.filter(e => e.type === 'ADDED')).toHaveLength(200)
      for (const e of events) expect(rvOf(e.object)).toBe(e.revision)
      const mid = events[99]!.revision
      const { it: resumed } = openWatch(key('pods/'), mid)
      expect(await take(resumed, 150, 30000)).toEqual(events.slice(100))
      expect(await nothingWithin(resumed, 300)).toBeUndefined()
    }, 60000)

    it('ends open watches when the storage is closed', async () => {
      const { it: events } = openWatch(key('pods/'), await s.currentRevision())
      const pending = events.next()
      await s.close()
      expect(await pending).toEqual({ done: true, value: undefined })
    })

    it('ends the iteration when the signal aborts', async () => {
      const { it: events, ac } = openWatch(key('pods/'), await s.currentRevision())
      const pending = events.next()
      ac.abort()
      expect(await pending).toEqual({ done: true, value: undefined })
    })
  })

  describe('compaction', () => {
    beforeEach(async () => { await setUp(true) })

    it('ends a watch from a compacted revision with one 410 Expired ERROR event', async () => {
      const a = await s.create(key('pods/default/a'), pod('a'))
      await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      const now = await s.currentRevision()
      await s.compact(now)
      const { it: events } = openWatch(key('pods/'), rvOf(a) - 1)
      const got = await take(events, 2)
      expect(got).toHaveLength(1)
      expect(got[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: `too old resource version: ${rvOf(a) - 1} (${now})` } })
    })

    it('still serves a watch starting at exactly the compaction revision', async () => {
      const a = await s.create(key('pods/default/a'), pod('a'))
      await s.compact(rvOf(a))
      const { it: events } = openWatch(key('pods/'), rvOf(a) - 1)
      const b = await s.create(key('pods/default/b'), pod('b'))
      expect(await take(events, 2)).toEqual([{ type: 'ADDED', object: a, revision: rvOf(a) }, { type: 'ADDED', object: b, revision: rvOf(b) }])
    })

    it('treats compacting an already compacted revision as done', async () => {
      await s.create(key('pods/default/a'), pod('a'))
      const now = await s.currentRevision()
      await s.compact(now)
      await expect(s.compact(now - 1)).resolves.toBeUndefined()
    })

    it('keeps reads at the compaction revision working', async () => {
      const a = await s.create(key('pods/default/a'), pod('a'))
      await s.guaranteedUpdate(key('pods/default/a'), cur => ({ ...cur!, spec: { n: 1 } }))
      await s.compact(rvOf(a))
      expect((await s.list(key('pods/'), { revision: rvOf(a), limit: 10 })).items).toEqual([a])
    })

    it('answers an exact-revision list below the compaction with 410 Expired', async () => {
      const a = await s.create(key('pods/default/a'), pod('a'))
      await s.create(key('pods/default/b'), pod('b'))
      await s.compact(await s.currentRevision())
      expect(await caught(s.list(key('pods/'), { revision: rvOf(a), limit: 1 }))).toMatchObject({ code: 410, reason: 'Expired', message: 'The resourceVersion for the provided list is too old.' })
    })

    it('answers a continuation of a compacted snapshot with 410 and an inconsistent continue token', async () => {
      for (const n of ['a', 'b', 'c']) await s.create(key(`pods/default/${n}`), pod(n))
      const first = await s.list(key('pods/default/'), { limit: 1 })
      await s.create(key('pods/default/d'), pod('d'))
      await s.compact(await s.currentRevision())
      const err = await caught(s.list(key('pods/default/'), { limit: 1, revision: first.revision, startKey: first.nextKey! }))
      expect(err).toMatchObject({ code: 410, reason: 'Expired' })
      expect(err.message).toContain('The provided continue parameter is too old to display a consistent list result.')
      const token = JSON.parse(Buffer.from(err.statusMetadata?.continue ?? '', 'base64url').toString()) as { rv: number, start: string }
      expect(token).toEqual({ v: 'meta.k8s.io/v1', rv: -1, start: first.nextKey })
      // the inconsistent token continues at the latest revision and sees the newer object
      const rest = await s.list(key('pods/default/'), { startKey: token.start, revision: token.rv })
      expect(rest.items.map(i => i.metadata.name)).toEqual(['b', 'c', 'd'])
    })
  })
}
