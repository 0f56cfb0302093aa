import type { ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod, Service } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { boundNode, createNode, node, pod, startCluster } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const count = (nodes: string[]): Record<string, number> => nodes.reduce<Record<string, number>>((m, n) => { m[n] = (m[n] ?? 0) + 1; return m }, {})

describe('kube-scheduler default topology spreading', () => {
  let c: Cluster
  let rsUid = ''
  beforeAll(async () => {
    c = await startCluster()
    // one big node: resource scoring alone sends every pod there (it stays the least allocated)
    await createNode(c.client, node('big', { cpu: '64', memory: '256Gi' }))
    await createNode(c.client, node('small-1'))
    await createNode(c.client, node('small-2'))
    await c.client.resource<Service>(resources.services).create('default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })
    const rs = await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 6, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
    })
    rsUid = rs.metadata?.uid ?? ''
    c.startScheduler()
  })
  afterAll(async () => { await c.stop() })

  it('piles pods that nothing selects onto the least allocated node (the control)', async () => {
    const pods = c.client.resource<Pod>(resources.pods)
    for (let i = 0; i < 3; i++) await pods.create('default', pod(`loner-${i}`, {}, { app: 'loner' }))
    const nodes = await Promise.all([0, 1, 2].map(async i => await boundNode(c.client, `loner-${i}`)))
    expect(count(nodes)).toEqual({ big: 3 })
  })

  it('spreads the pods of a ReplicaSet behind a Service across nodes without explicit constraints', async () => {
    const pods = c.client.resource<Pod>(resources.pods)
    for (let i = 0; i < 6; i++) {
      const p = pod(`web-${i}`, {}, { app: 'web' })
      p.metadata = { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rsUid, controller: true, blockOwnerDeletion: true }] }
      await pods.create('default', p)
      await boundNode(c.client, `web-${i}`)
    }
    const nodes = await Promise.all([0, 1, 2, 3, 4, 5].map(async i => await boundNode(c.client, `web-${i}`)))
    expect(count(nodes)).toEqual({ big: 2, 'small-1': 2, 'small-2': 2 })
  })
})
