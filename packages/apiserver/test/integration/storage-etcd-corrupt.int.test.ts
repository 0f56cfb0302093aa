import { randomBytes } from 'node:crypto'
import { Etcd3 } from 'etcd3'
import { EtcdStorage } from '../../src/storage/etcd-storage.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

// values written behind the apiserver's back (another writer, a protobuf-encoded upstream object, disk damage)
describeIntegration('EtcdStorage with undecodable values in etcd', () => {
  let raw: Etcd3
  let s: EtcdStorage
  let prefix: string
  beforeEach(() => {
    const url = process.env.KUBE_TS_TEST_ETCD ?? ''
    prefix = `/test-${randomBytes(6).toString('hex')}/registry`
    raw = new Etcd3({ hosts: url })
    s = new EtcdStorage({ endpoints: [url], prefix })
  })
  afterEach(async () => {
    await s.close()
    raw.close()
  })

  const reads = [
    { name: 'answers a get of a corrupt value with 500 InternalError', run: async (st: EtcdStorage, p: string) => await st.get(`${p}/pods/default/bad`) },
    { name: 'answers a list containing a corrupt value with 500 InternalError', run: async (st: EtcdStorage, p: string) => await st.list(`${p}/pods/`, {}) },
    { name: 'refuses to update a corrupt value with 500 InternalError', run: async (st: EtcdStorage, p: string) => await st.guaranteedUpdate(`${p}/pods/default/bad`, c => c) }
  ]
  it.each(reads)('$name', async ({ run }) => {
    await raw.put(`${prefix}/pods/default/bad`).value(Buffer.from([0x6b, 0x38, 0x73, 0x00, 0x0a]))
    await expect(run(s, prefix)).rejects.toMatchObject({ code: 500, reason: 'InternalError' })
  })

  it('ends a watch with a 500 ERROR event when it meets a corrupt value', async () => {
    const ac = new AbortController()
    const it = s.watch(`${prefix}/pods/`, await s.currentRevision(), ac.signal)[Symbol.asyncIterator]()
    await raw.put(`${prefix}/pods/default/bad`).value('not json')
    const first = await it.next()
    expect(first.value).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 500, reason: 'InternalError' } })
    expect((await it.next()).done).toBe(true)
    ac.abort()
  })
})
