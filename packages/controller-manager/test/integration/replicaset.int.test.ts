import type { ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Event, Pod, ReplicationController } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const rs = (name: string, replicas: number, minReadySeconds = 0): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: 'default' },
  spec: { replicas, minReadySeconds, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
})

const orphan = (name: string, app: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } })

describe('ReplicaSet and ReplicationController controllers against the real apiserver', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    stopKubelet = markPodsReady(c.client, 'default', 0)
    c.startControllerManager({ controllers: ['replicaset-controller', 'replicationcontroller-controller'] })
  })
  afterAll(async () => {
    await stopKubelet()
    await c.stop()
  })

  const podsOf = async (app: string): Promise<Pod[]> =>
    (await c.client.resource<Pod>(resources.pods).list('default', { labelSelector: `app=${app}` })).items.filter(p => p.metadata?.deletionTimestamp == null)

  it('adopts a matching orphan, creates the rest, and reports status', async () => {
    await c.client.resource<Pod>(resources.pods).create('default', orphan('stray', 'adopt'))
    const created = await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', rs('adopt', 3))
    const status = await waitFor('3 available replicas', async () => {
      const cur = await c.client.resource<ReplicaSet>(resources.replicaSets).get('default', 'adopt')
      return cur.status?.availableReplicas === 3 && cur.status.observedGeneration === cur.metadata?.generation ? cur.status : undefined
    })
    expect(status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    const pods = await podsOf('adopt')
    expect(pods).toHaveLength(3)
    const stray = pods.find(p => p.metadata?.name === 'stray')
    expect(stray?.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: 'adopt', uid: created.metadata?.uid, controller: true, blockOwnerDeletion: true })])
  })

  it('releases a pod relabelled out of the selector and replaces it', async () => {
    await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', rs('release', 2))
    await waitFor('2 pods', async () => (await podsOf('release')).length === 2 ? true : undefined)
    const victim = (await podsOf('release'))[0]?.metadata?.name ?? ''
    await c.client.resource<Pod>(resources.pods).patch('default', victim, 'merge', { metadata: { labels: { app: 'elsewhere' } } })
    await waitFor('a replacement', async () => (await podsOf('release')).length === 2 && !(await podsOf('release')).some(p => p.metadata?.name === victim) ? true : undefined)
    const released = await c.client.resource<Pod>(resources.pods).get('default', victim)
    expect(released.metadata?.ownerReferences ?? []).toEqual([])
  })

  it('scales down to the requested count and keeps availableReplicas behind minReadySeconds', async () => {
    await c.client.resource<ReplicaSet>(resources.replicaSets).create('default', rs('scale', 4, 2))
    await waitFor('4 ready', async () => (await c.client.resource<ReplicaSet>(resources.replicaSets).get('default', 'scale')).status?.readyReplicas === 4 ? true : undefined)
    const early = await c.client.resource<ReplicaSet>(resources.replicaSets).get('default', 'scale')
    expect(early.status?.availableReplicas ?? 0).toBeLessThan(4)
    await waitFor('4 available after minReadySeconds', async () => (await c.client.resource<ReplicaSet>(resources.replicaSets).get('default', 'scale')).status?.availableReplicas === 4 ? true : undefined)
    await c.client.resource<ReplicaSet>(resources.replicaSets).patch('default', 'scale', 'merge', { spec: { replicas: 1 } })
    await waitFor('1 pod left', async () => (await podsOf('scale')).length === 1 ? true : undefined)
    const st = await waitFor('status of 1', async () => { const s = (await c.client.resource<ReplicaSet>(resources.replicaSets).get('default', 'scale')).status; return s?.replicas === 1 ? s : undefined })
    expect(st.replicas).toBe(1)
  })

  it('runs ReplicationControllers the same way', async () => {
    const rc: ReplicationController = {
      apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'legacy', namespace: 'default' },
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
    }
    await c.client.resource<ReplicationController>(resources.replicationControllers).create('default', rc)
    await waitFor('2 ready RC replicas', async () => (await c.client.resource<ReplicationController>(resources.replicationControllers).get('default', 'legacy')).status?.readyReplicas === 2 ? true : undefined)
    const pods = await podsOf('legacy')
    expect(pods.map(p => p.metadata?.ownerReferences?.[0]?.kind)).toEqual(['ReplicationController', 'ReplicationController'])
    // upstream's RC manager records as replication-controller, not by its --controllers name
    const created = (await c.client.resource<Event>(resources.events).list('default')).items.filter(e => e.involvedObject.name === 'legacy' && e.reason === 'SuccessfulCreate')
    expect(created.map(e => e.source?.component)).toContain('replication-controller')
    expect(created.map(e => e.source?.component)).not.toContain('replicationcontroller-controller')
  })
})
