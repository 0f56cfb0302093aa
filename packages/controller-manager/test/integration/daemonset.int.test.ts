import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1.js'
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(150_000)

const node = (name: string, labels: Record<string, string>): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: {} })

describe('DaemonSet controller against the real apiserver', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    for (const [n, role] of [['n1', 'edge'], ['n2', 'edge'], ['n3', 'core']] as const) await c.client.resource<Node>(resources.nodes).create('', node(n, { role }))
    stopKubelet = markPodsReady(c.client, 'default', 0)
    c.startControllerManager({ controllers: ['daemonset-controller'] })
  })
  afterAll(async () => {
    await stopKubelet()
    await c.stop()
  })

  const livePods = async (): Promise<Pod[]> => (await c.client.resource<Pod>(resources.pods).list('default', { labelSelector: 'app=agent' })).items.filter(p => p.metadata?.deletionTimestamp == null)
  const nodeOf = (p: Pod): string | undefined => p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0]

  it('runs one pod per matching node, then rolls a template change across them', async () => {
    const ds: DaemonSet = {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { nodeSelector: { role: 'edge' }, containers: [{ name: 'c', image: 'busybox:1' }] } }
      }
    }
    await c.client.resource<DaemonSet>(resources.daemonSets).create('default', ds)
    const st = await waitFor('2 ready daemon pods', async () => {
      const s = (await c.client.resource<DaemonSet>(resources.daemonSets).get('default', 'agent')).status
      return s?.numberReady === 2 && s.numberAvailable === 2 ? s : undefined
    })
    expect(st).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberMisscheduled: 0 })
    expect((await livePods()).map(nodeOf).sort()).toEqual(['n1', 'n2'])
    const firstNames = (await livePods()).map(p => p.metadata?.name)

    await c.client.resource<DaemonSet>(resources.daemonSets).patch('default', 'agent', 'merge', { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:2' }] } } } })
    await waitFor('the rollout to finish', async () => {
      const cur = await c.client.resource<DaemonSet>(resources.daemonSets).get('default', 'agent')
      const s = cur.status
      const pods = await livePods()
      return s?.observedGeneration === cur.metadata?.generation && s?.updatedNumberScheduled === 2 && s.numberAvailable === 2 && pods.length === 2 && pods.every(p => p.spec?.containers[0]?.image === 'busybox:2') ? true : undefined
    }, 90_000)
    const pods = await livePods()
    expect(pods.map(nodeOf).sort()).toEqual(['n1', 'n2'])
    expect(pods.some(p => firstNames.includes(p.metadata?.name))).toBe(false)
    const revs = (await c.client.resource<ControllerRevision>(resources.controllerRevisions).list('default')).items
    expect(revs.map(r => r.revision).sort()).toEqual([1, 2])
  })
})
