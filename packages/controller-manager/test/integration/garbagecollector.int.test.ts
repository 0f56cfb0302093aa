import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1.js'
import { isNotFound } from '@kube-ts/api'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const rs = (name: string, replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
})

describe('garbage collector against the real apiserver', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    stopKubelet = markPodsReady(c.client, 'default', 0)
    c.startControllerManager({ controllers: ['replicaset-controller', 'deployment-controller', 'garbage-collector-controller'] })
  })
  afterAll(async () => { await stopKubelet(); await c.stop() })

  const podsOf = async (app: string): Promise<Pod[]> => (await c.client.resource<Pod>(resources.pods).list('default', { labelSelector: `app=${app}` })).items
  const gone = async (fn: () => Promise<unknown>): Promise<boolean> => { try { await fn(); return false } catch (err) { if (isNotFound(err)) return true; throw err } }

  it('background deletion of a ReplicaSet deletes its pods', async () => {
    await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', rs('bg', 3))
    await waitFor('3 pods', async () => (await podsOf('bg')).length === 3 ? true : undefined)
    await c.client.resource(resources.replicaSets).delete('default', 'bg', { propagationPolicy: 'Background' })
    await waitFor('pods gone', async () => (await podsOf('bg')).length === 0 ? true : undefined, 15_000)
  })

  it('orphan deletion keeps the pods and strips their owner reference', async () => {
    await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', rs('orph', 2))
    await waitFor('2 pods', async () => (await podsOf('orph')).length === 2 ? true : undefined)
    await c.client.resource(resources.replicaSets).delete('default', 'orph', { propagationPolicy: 'Orphan' })
    await waitFor('rs gone', async () => await gone(async () => await c.client.resource(resources.replicaSets).get('default', 'orph')) ? true : undefined, 15_000)
    const pods = await podsOf('orph')
    expect(pods).toHaveLength(2)
    for (const p of pods) expect(p.metadata?.ownerReferences ?? []).toEqual([])
  })

  it('deletes a dependent whose owner never existed', async () => {
    await c.client.resource<ConfigMap>(resources.configMaps).create('default', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dangling', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'nobody', uid: '00000000-0000-0000-0000-000000000000' }] }
    })
    await waitFor('dangling gone', async () => await gone(async () => await c.client.resource(resources.configMaps).get('default', 'dangling')) ? true : undefined, 15_000)
  })

  it('foreground deletion of a Deployment removes pods before the ReplicaSet before the Deployment', async () => {
    await c.client.resource<Deployment>(resources.deployments).create('default', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'fg', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'fg' } }, template: { metadata: { labels: { app: 'fg' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
    })
    await waitFor('3 pods', async () => (await podsOf('fg')).length === 3 ? true : undefined)
    const rsName = (await c.client.resource<ReplicaSet>(resources.replicaSets).list('default')).items.find((r) => r.metadata?.ownerReferences?.[0]?.name === 'fg')?.metadata?.name ?? ''
    await c.client.resource(resources.deployments).delete('default', 'fg', { propagationPolicy: 'Foreground' })
    const order: string[] = []
    await waitFor('everything gone', async () => {
      if (!order.includes('pods') && (await podsOf('fg')).length === 0) order.push('pods')
      if (!order.includes('rs') && await gone(async () => await c.client.resource(resources.replicaSets).get('default', rsName))) order.push('rs')
      if (!order.includes('deployment') && await gone(async () => await c.client.resource(resources.deployments).get('default', 'fg'))) order.push('deployment')
      return order.length === 3 ? true : undefined
    }, 20_000)
    expect(order).toEqual(['pods', 'rs', 'deployment'])
  })
})
