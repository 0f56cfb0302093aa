import { randomBytes } from 'node:crypto'
import { startEtcd } from '@kube-ts/testing'
import { EtcdStorage } from '../../src/storage/etcd-storage.js'
import { registerStorageContract } from '../../src/storage/storage-contract.js'

const describeIntegration = process.env.KUBE_TS_INTEGRATION === '1' ? describe : describe.skip

// The cases and their expect() assertions live in storage-contract.ts, shared with the MemoryStorage unit run.
describeIntegration('EtcdStorage contract', () => {
  // compaction is global to an etcd, so cases that compact get an etcd of their own instead of the shared one
  let ownEtcd: Awaited<ReturnType<typeof startEtcd>> | undefined
  afterAll(async () => { await ownEtcd?.stop() })

  registerStorageContract({
    newStorage: async ({ compacts }) => {
      if (compacts && ownEtcd === undefined) ownEtcd = await startEtcd()
      const url = compacts ? ownEtcd!.url : process.env.KUBE_TS_TEST_ETCD
      if (url === undefined || url === '') throw new Error('KUBE_TS_TEST_ETCD is not set: run through the integration jest project')
      const prefix = `/test-${randomBytes(6).toString('hex')}/registry`
      const storage = new EtcdStorage({ endpoints: [url], prefix })
      return { storage, prefix, close: async () => { await storage.close() } }
    }
  })
})
