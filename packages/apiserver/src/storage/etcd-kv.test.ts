import { EtcdKv } from './etcd-kv.js'
import { etcdChannelOptions, toApiError } from './etcd-client.js'

describe('EtcdKv', () => {
  const closedClient = (): EtcdKv => {
    const kv = new EtcdKv({ endpoints: ['http://127.0.0.1:1'], channelOptions: etcdChannelOptions, callTimeoutMs: 1000 })
    kv.close()
    return kv
  }
  it.each([
    { name: 'refuses a range after close with an error the storage maps to 503', call: async (kv: EtcdKv) => await kv.range({ key: Buffer.from('/registry/a') }) },
    { name: 'refuses a txn after close with an error the storage maps to 503', call: async (kv: EtcdKv) => await kv.txn({ compare: [], success: [], failure: [] }) }
  ])('$name', async ({ call }) => {
    const err = await call(closedClient()).then(() => undefined, (e: unknown) => e)
    expect(toApiError(err, 'get')).toMatchObject({ code: 503, reason: 'ServiceUnavailable' })
  })
})
