import { randomBytes } from 'node:crypto'
import { startTcpProxy, type TcpProxy } from '@kube-ts/testing'
import type { KubeObject } from '@kube-ts/api'
import { EtcdStorage } from '../../src/storage/etcd-storage.js'
import type { StorageEvent } from '../../src/storage/storage.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

const pod = (name: string, n = 0): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { n } })

async function collect (it: AsyncIterator<StorageEvent>, n: number, ms: number): Promise<StorageEvent[]> {
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

describeIntegration('EtcdStorage over a flaky network link', () => {
  let proxy: TcpProxy
  let viaProxy: EtcdStorage
  let direct: EtcdStorage
  let prefix: string
  const aborts: AbortController[] = []

  beforeEach(async () => {
    const url = new URL(process.env.KUBE_TS_TEST_ETCD ?? '')
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) })
    prefix = `/test-${randomBytes(6).toString('hex')}/registry`
    viaProxy = new EtcdStorage({ endpoints: [`http://127.0.0.1:${proxy.port}`], prefix })
    direct = new EtcdStorage({ endpoints: [url.origin], prefix })
  })
  afterEach(async () => {
    for (const ac of aborts.splice(0)) ac.abort()
    await viaProxy.close()
    await direct.close()
    await proxy.close()
  })

  const watch = (s: EtcdStorage, from: number): AsyncIterator<StorageEvent> => {
    const ac = new AbortController()
    aborts.push(ac)
    return s.watch(`${prefix}/pods/`, from, ac.signal)[Symbol.asyncIterator]()
  }

  it('delivers every event exactly once and in order while the watch connection is cut repeatedly', async () => {
    const start = await direct.currentRevision()
    const flaky = watch(viaProxy, start)
    // first event proves the stream is up before the cuts begin
    await direct.create(`${prefix}/pods/default/first`, pod('first'))
    const got = await collect(flaky, 1, 10000)

    let cutting = true
    const cutter = (async () => {
      let cuts = 0
      while (cutting) {
        await new Promise(resolve => setTimeout(resolve, 40))
        if (proxy.connections() > 0) { proxy.cutAll(); cuts++ }
      }
      return cuts
    })()
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 30 }, async (_, i) => {
        const name = `p${batch}-${i}`
        await direct.create(`${prefix}/pods/default/${name}`, pod(name))
        if (i % 3 === 0) await direct.guaranteedUpdate(`${prefix}/pods/default/${name}`, cur => ({ ...cur!, spec: { n: 1 } }))
        if (i % 5 === 0) await direct.delete(`${prefix}/pods/default/${name}`)
      }))
      await new Promise(resolve => setTimeout(resolve, 30))
    }
    cutting = false
    expect(await cutter).toBeGreaterThan(0)

    const total = 1 + 300 + 100 + 60
    got.push(...await collect(flaky, total - 1, 45000))
    const reference = await collect(watch(direct, start), total, 20000)
    expect(got.map(e => [e.type, e.revision])).toEqual(reference.map(e => [e.type, e.revision]))
    expect(got).toEqual(reference)
  }, 90000)

  it('fails a call with 504 within the call deadline when the link silently drops everything', async () => {
    await direct.create(`${prefix}/pods/default/a`, pod('a'))
    expect((await viaProxy.get(`${prefix}/pods/default/a`))?.metadata.name).toBe('a')
    proxy.blackhole(true)
    const t0 = Date.now()
    await expect(viaProxy.get(`${prefix}/pods/default/a`)).rejects.toMatchObject({ code: 504 })
    expect(Date.now() - t0).toBeLessThan(6000)
    proxy.blackhole(false)
    proxy.cutAll()
    const deadline = Date.now() + 15000
    while (!await viaProxy.healthy()) {
      if (Date.now() > deadline) throw new Error('storage did not recover after the link came back')
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    expect((await viaProxy.get(`${prefix}/pods/default/a`))?.metadata.name).toBe('a')
  }, 30000)
})
