import type { StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(150_000)

describe('StatefulSet controller against the real apiserver', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    stopKubelet = markPodsReady(c.client, 'default', 300)
    c.startControllerManager({ controllers: ['statefulset-controller'] })
  })
  afterAll(async () => {
    await stopKubelet()
    await c.stop()
  })

  const live = async (): Promise<Pod[]> => (await c.client.resource<Pod>(resources.pods).list('default', { labelSelector: 'app=db' })).items.filter(p => p.metadata?.deletionTimestamp == null)
  const get = async (): Promise<StatefulSet> => await c.client.resource<StatefulSet>(resources.statefulSets).get('default', 'db')

  it('creates ordered pods with claims, then rolls an update from the highest ordinal down', async () => {
    const set: StatefulSet = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' },
      spec: {
        replicas: 3, serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'busybox:1' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]
      }
    }
    await c.client.resource<StatefulSet>(resources.statefulSets).create('default', set)
    // OrderedReady: while web-0 is not ready there is never a web-1
    const first = await waitFor('db-0', async () => { const ps = await live(); return ps.length > 0 ? ps : undefined })
    expect(first.map(p => p.metadata?.name)).toEqual(['db-0'])
    await waitFor('3 ready replicas', async () => (await get()).status?.readyReplicas === 3 ? true : undefined)
    const pods = await live()
    expect(pods.map(p => p.metadata?.name).sort()).toEqual(['db-0', 'db-1', 'db-2'])
    expect(pods.map(p => [p.spec?.hostname, p.spec?.subdomain])).toEqual(expect.arrayContaining([['db-1', 'db']]))
    const claims = (await c.client.resource<PersistentVolumeClaim>(resources.persistentVolumeClaims).list('default')).items.map(p => p.metadata?.name).sort()
    expect(claims).toEqual(['data-db-0', 'data-db-1', 'data-db-2'])
    const created = new Map(pods.map(p => [p.metadata?.name, p.metadata?.uid]))

    // record replacement pods in the order the apiserver created them (a watch), not the order polls notice them
    const podsApi = c.client.resource<Pod>(resources.pods)
    const fromRv = (await podsApi.list('default', { labelSelector: 'app=db' })).metadata?.resourceVersion
    const order: string[] = []
    const stopWatch = new AbortController()
    const watching = (async () => {
      for await (const ev of podsApi.watch('default', { labelSelector: 'app=db', resourceVersion: fromRv }, stopWatch.signal)) {
        const name = ev.object.metadata?.name ?? ''
        if (ev.type === 'ADDED' && created.get(name) !== ev.object.metadata?.uid && !order.includes(name)) order.push(name)
      }
    })()
    await c.client.resource<StatefulSet>(resources.statefulSets).patch('default', 'db', 'merge', { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:2' }] } } } })
    await waitFor('the update to finish', async () => {
      const cur = await get()
      const s = cur.status
      return s?.observedGeneration === cur.metadata?.generation && s?.updatedReplicas === 3 && s.readyReplicas === 3 && s.currentRevision === s.updateRevision ? true : undefined
    }, 90_000)
    stopWatch.abort()
    await watching.catch(() => undefined)
    expect(order).toEqual(['db-2', 'db-1', 'db-0'])
    expect((await live()).every(p => p.spec?.containers[0]?.image === 'busybox:2')).toBe(true)
  })
})
