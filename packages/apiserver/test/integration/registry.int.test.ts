import { randomBytes } from 'node:crypto'
import type { KubeObject } from '@kube-ts/api'
import { startEtcd } from '@kube-ts/testing'
import { EtcdStorage } from '../../src/storage/etcd-storage.js'
import type { GenericRegistry } from '../../src/registry/generic-registry.js'
import { caught, named, newRegistry, scope, summary, take } from '../../src/registry/registry-harness.js'
import { configmaps, services } from '../../src/registry/test-schemas.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip
const W = { dryRun: false }

describeIntegration('GenericRegistry over etcd', () => {
  const opened: EtcdStorage[] = []
  const registries: GenericRegistry[] = []
  let ownEtcd: Awaited<ReturnType<typeof startEtcd>> | undefined
  afterAll(async () => {
    for (const r of registries) await r.close()
    for (const s of opened) await s.close()
    await ownEtcd?.stop()
  })

  /** A fresh key prefix on the shared etcd (or on a private one for cases that compact, which is etcd-wide). */
  async function fresh (compacts = false): Promise<{ storage: EtcdStorage, prefix: string, url: string }> {
    if (compacts && ownEtcd === undefined) ownEtcd = await startEtcd()
    const url = compacts ? ownEtcd?.url : process.env.KUBE_TS_TEST_ETCD
    if (url === undefined || url === '') throw new Error('KUBE_TS_TEST_ETCD is not set: run through the integration jest project')
    const prefix = `/test-${randomBytes(6).toString('hex')}/registry`
    const storage = new EtcdStorage({ endpoints: [url], prefix })
    opened.push(storage)
    return { storage, prefix, url }
  }

  async function registry (compacts = false): Promise<{ reg: GenericRegistry, storage: EtcdStorage, prefix: string, url: string }> {
    const f = await fresh(compacts)
    const reg = await newRegistry(f.storage, { prefix: f.prefix }, ['default', 'other'])
    registries.push(reg)
    return { ...f, reg }
  }

  it('paginates over one snapshot while objects change between pages', async () => {
    const { reg } = await registry()
    for (const n of ['a', 'b', 'c', 'd']) await reg.create(scope(configmaps), named(n), W)
    const first = await reg.list(scope(configmaps), { limit: 2 })
    expect(first.items.map(i => i.metadata.name)).toEqual(['a', 'b'])
    await reg.delete(scope(configmaps), 'c', { dryRun: false })
    await reg.create(scope(configmaps), named('e'), W)
    const second = await reg.list(scope(configmaps), { limit: 2, continue: first.metadata.continue ?? '' })
    expect(second.items.map(i => i.metadata.name)).toEqual(['c', 'd'])
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion)
    expect(second.metadata.continue).toBeUndefined()
  })

  it('never lists a namespace that shares a prefix', async () => {
    const f = await fresh()
    const reg = await newRegistry(f.storage, { prefix: f.prefix }, ['ns1', 'ns10'])
    await reg.create(scope(configmaps, 'ns1'), named('a'), W)
    await reg.create(scope(configmaps, 'ns10'), named('b'), W)
    expect((await reg.list(scope(configmaps, 'ns1'), {})).items.map(i => i.metadata.name)).toEqual(['a'])
  })

  it('resumes a watch from the last resourceVersion without losing or repeating events', async () => {
    const { reg } = await registry()
    const ctl = new AbortController()
    const start = await reg.list(scope(configmaps), {})
    const it1 = reg.watch(scope(configmaps), { resourceVersion: start.metadata.resourceVersion ?? '' }, ctl.signal)[Symbol.asyncIterator]()
    await reg.create(scope(configmaps), named('a'), W)
    const [seen] = await take(it1, 1)
    ctl.abort()
    // changes while nobody watches
    await reg.create(scope(configmaps), named('b'), W)
    await reg.update(scope(configmaps), 'a', cur => ({ ...(cur as KubeObject), data: { k: 'v' } }), W)
    await reg.delete(scope(configmaps), 'b', { dryRun: false })
    const ctl2 = new AbortController()
    const it2 = reg.watch(scope(configmaps), { resourceVersion: seen?.object.metadata.resourceVersion ?? '' }, ctl2.signal)[Symbol.asyncIterator]()
    const evs = await take(it2, 3)
    expect(summary(evs)).toEqual(['ADDED b', 'MODIFIED a', 'DELETED b'])
    const rvs = evs.map(e => Number(e.object.metadata.resourceVersion))
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs)
    ctl2.abort()
  })

  it('fans one resource out to many watchers with every event once and in order', async () => {
    const { reg } = await registry()
    const start = await reg.list(scope(configmaps), {})
    const ctl = new AbortController()
    const its = Array.from({ length: 20 }, (_, i) => reg.watch(scope(configmaps, i % 2 === 0 ? 'default' : ''), { resourceVersion: start.metadata.resourceVersion ?? '' }, ctl.signal)[Symbol.asyncIterator]())
    await Promise.all(Array.from({ length: 10 }, async (_, i) => await reg.create(scope(configmaps, i % 2 === 0 ? 'default' : 'other'), named(`o${i}`), W)))
    for (const [i, it] of its.entries()) {
      const evs = await take(it, i % 2 === 0 ? 5 : 10)
      const rvs = evs.map(e => Number(e.object.metadata.resourceVersion))
      expect(new Set(rvs).size).toBe(rvs.length)
      expect([...rvs].sort((x, y) => x - y)).toEqual(rvs)
      if (i % 2 === 0) expect(evs.every(e => e.object.metadata.namespace === 'default')).toBe(true)
    }
    ctl.abort()
  })

  it('answers a watch from a compacted resourceVersion with a 410 ERROR event', async () => {
    const { reg, storage } = await registry(true)
    const a = await reg.create(scope(configmaps), named('a'), W)
    await reg.create(scope(configmaps), named('b'), W)
    await storage.compact(await storage.currentRevision())
    const ctl = new AbortController()
    const it = reg.watch(scope(configmaps), { resourceVersion: String(Number(a.metadata.resourceVersion) - 1) }, ctl.signal)[Symbol.asyncIterator]()
    const [ev] = await take(it, 1)
    expect(ev).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } })
    ctl.abort()
  })

  it('keeps ClusterIP and NodePort allocations across a registry restart and releases them on delete', async () => {
    const { reg, storage, prefix } = await registry()
    const svc = await reg.create(scope(services), named('a', { spec: { type: 'NodePort', ports: [{ port: 80 }] } }), W)
    const spec = svc.spec as { clusterIP: string, ports: Array<{ nodePort: number }> }
    const restarted = await newRegistry(storage, { prefix }, [])
    expect(await caught(restarted.create(scope(services), named('b', { spec: { clusterIP: spec.clusterIP, ports: [{ port: 80 }] } }), W))).toMatchObject({ code: 422 })
    expect(await caught(restarted.create(scope(services), named('c', { spec: { type: 'NodePort', ports: [{ port: 80, nodePort: spec.ports[0]?.nodePort }] } }), W))).toMatchObject({ code: 422 })
    await restarted.delete(scope(services), 'a', { dryRun: false })
    const again = await restarted.create(scope(services), named('d', { spec: { clusterIP: spec.clusterIP, type: 'NodePort', ports: [{ port: 80, nodePort: spec.ports[0]?.nodePort }] } }), W)
    expect((again.spec as { clusterIP: string }).clusterIP).toBe(spec.clusterIP)
  })
})
