import { startEtcd, type EtcdHandle } from '@kube-ts/testing'
import type { KubeObject } from '@kube-ts/api'
import { EtcdStorage } from '../../src/storage/etcd-storage.js'
import type { StorageEvent } from '../../src/storage/storage.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

const PREFIX = '/registry'
const key = (name: string): string => `${PREFIX}/pods/default/${name}`
const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } })

async function next (it: AsyncIterator<StorageEvent>, ms = 20000): Promise<StorageEvent | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error('no watch event in time')), ms) })
  try {
    const r = await Promise.race([it.next(), timeout])
    return r.done === true ? undefined : r.value
  } finally {
    clearTimeout(timer)
  }
}

async function eventually (fn: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (!await fn().catch(() => false)) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

/** Runs a call that must fail, returning its error and how long failing took. */
async function failure (p: () => Promise<unknown>): Promise<{ err: { code?: number, reason?: string }, ms: number }> {
  const t0 = Date.now()
  try {
    await p()
  } catch (err) {
    return { err: err as { code?: number }, ms: Date.now() - t0 }
  }
  throw new Error('expected the call to fail while etcd is down')
}

describeIntegration('EtcdStorage across an etcd crash and restart', () => {
  let etcd: EtcdHandle
  let s: EtcdStorage
  let ac: AbortController

  beforeEach(async () => {
    ac = new AbortController()
    etcd = await startEtcd()
    s = new EtcdStorage({ endpoints: [etcd.url], prefix: PREFIX })
  })
  afterEach(async () => {
    ac.abort()
    await s.close()
    await etcd.stop()
  })

  it('fails every call fast with a 5xx while etcd is down and recovers on the same instance, with the watch losing nothing', async () => {
    const start = await s.currentRevision()
    const events = s.watch(`${PREFIX}/pods/`, start, ac.signal)[Symbol.asyncIterator]()
    const a = await s.create(key('a'), pod('a'))
    expect(await next(events)).toMatchObject({ type: 'ADDED', object: a })

    await etcd.kill9()
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['get', async () => await s.get(key('a'))],
      ['create', async () => await s.create(key('b'), pod('b'))],
      ['list', async () => await s.list(`${PREFIX}/pods/`, { limit: 10 })],
      ['update', async () => await s.guaranteedUpdate(key('a'), cur => ({ ...cur!, spec: { x: 1 } }))],
      ['delete', async () => await s.delete(key('a'))],
      ['currentRevision', async () => await s.currentRevision()]
    ]
    for (const [name, call] of calls) {
      const { err, ms } = await failure(call)
      expect({ name, code: err.code !== undefined && err.code >= 500 && err.code < 600 }).toEqual({ name, code: true })
      expect({ name, fastEnough: ms < 6000 }).toEqual({ name, fastEnough: true })
    }
    expect(await s.healthy()).toBe(false)

    await etcd.restart()
    await eventually(async () => await s.healthy(), 10000)
    const b = await s.create(key('b'), pod('b'))
    const a2 = await s.guaranteedUpdate(key('a'), cur => ({ ...cur!, spec: { x: 2 } }))
    const gone = await s.delete(key('b'))
    // the open watch reconnects by itself and resumes right after the last event it delivered
    expect(await next(events)).toEqual({ type: 'ADDED', object: b, revision: Number(b.metadata.resourceVersion) })
    expect(await next(events)).toMatchObject({ type: 'MODIFIED', object: a2.object, prevObject: a })
    expect(await next(events)).toMatchObject({ type: 'DELETED', object: gone })
  }, 60000)

  it('ends a watch whose resume point was compacted during the outage with a 410 ERROR event', async () => {
    const start = await s.currentRevision()
    const events = s.watch(`${PREFIX}/pods/`, start, ac.signal)[Symbol.asyncIterator]()
    const a = await s.create(key('a'), pod('a'))
    expect(await next(events)).toMatchObject({ type: 'ADDED', object: a })

    // the consumer does not pull during the outage, so the watch can only notice the break when it resumes
    await etcd.kill9()
    await etcd.restart()
    await eventually(async () => await s.healthy(), 10000)
    await s.create(key('b'), pod('b'))
    await s.create(key('c'), pod('c'))
    const now = await s.currentRevision()
    await s.compact(now)

    const ev = await next(events)
    expect(ev).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired', message: `too old resource version: ${a.metadata.resourceVersion} (${now})` } })
    expect(await next(events)).toBeUndefined()
  }, 60000)

  it('times out with 504 instead of hanging when etcd stops answering, and recovers when it resumes', async () => {
    await s.create(key('a'), pod('a'))
    process.kill(etcd.pid, 'SIGSTOP')
    try {
      const { err, ms } = await failure(async () => await s.get(key('a')))
      expect(err).toMatchObject({ code: 504, reason: 'Timeout' })
      expect(ms).toBeLessThan(6000)
      const write = await failure(async () => await s.guaranteedUpdate(key('a'), cur => ({ ...cur!, spec: { x: 1 } })))
      expect(write.err.code).toBe(504)
    } finally {
      process.kill(etcd.pid, 'SIGCONT')
    }
    await eventually(async () => await s.healthy(), 10000)
    expect((await s.get(key('a')))?.metadata.name).toBe('a')
  }, 30000)

  it('ends a watch cleanly when aborted while etcd is down', async () => {
    const local = new AbortController()
    const events = s.watch(`${PREFIX}/pods/`, await s.currentRevision(), local.signal)[Symbol.asyncIterator]()
    const pending = events.next()
    await etcd.kill9()
    await new Promise(resolve => setTimeout(resolve, 500))
    local.abort()
    expect(await pending).toEqual({ done: true, value: undefined })
  }, 30000)
})
