import type { Event, Node, Pod } from 'kubernetes-types/core/v1.js'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { formatMicroTime, formatTime, resources } from '@kube-ts/client'
import { startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('node lifecycle and taint eviction against the real apiserver', () => {
  let c: Cluster
  let beating = true
  let heart: Promise<void> | undefined
  const alive = new Set(['healthy', 'silent'])
  beforeAll(async () => {
    c = await startCluster()
    for (const name of ['healthy', 'silent']) {
      await c.client.resource<Node>(resources.nodes).create('', { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'topology.kubernetes.io/zone': 'z1' } } })
      await c.client.resource<Lease>(resources.leases).create('kube-node-lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: formatMicroTime(Date.now()) } })
    }
    // stands in for two kubelets: Ready status and Lease renewals every 200ms for the nodes still alive
    heart = (async () => {
      while (beating) {
        for (const name of alive) {
          const now = Date.now()
          await c.client.resource<Node>(resources.nodes).patch('', name, 'merge', { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: formatTime(now), lastTransitionTime: formatTime(now) }] } }, { subresource: 'status' }).catch(() => {})
          const l = await c.client.resource<Lease>(resources.leases).get('kube-node-lease', name).catch(() => undefined)
          if (l !== undefined) await c.client.resource<Lease>(resources.leases).update('kube-node-lease', { ...l, spec: { ...l.spec, renewTime: formatMicroTime(now) } }).catch(() => {})
        }
        await new Promise((r) => setTimeout(r, 200))
      }
    })()
    c.startControllerManager({ controllers: ['node-lifecycle-controller', 'taint-eviction-controller'], nodeMonitorPeriodMs: 200, nodeMonitorGracePeriodMs: 2000, nodeEvictionRate: 100 })
  })
  afterAll(async () => { beating = false; await heart; await c.stop() })

  const pod = (name: string, tolerationSeconds?: number): Pod => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
    spec: {
      nodeName: 'silent', containers: [{ name: 'c', image: 'busybox' }],
      tolerations: tolerationSeconds === undefined ? [] : [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds }]
    }
  })
  const deleting = async (name: string): Promise<boolean> => (await c.client.resource<Pod>(resources.pods).get('default', name).then((p) => p.metadata?.deletionTimestamp != null, () => true))

  it('turns a node whose Lease stops renewing Unknown, taints it, evicts pods after their toleration, and untaints on recovery', async () => {
    await waitFor('both nodes ready', async () => {
      const nodes = (await c.client.resource<Node>(resources.nodes).list('')).items
      return nodes.every((n) => n.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')) ? true : undefined
    }, 10_000)
    await c.client.resource<Pod>(resources.pods).create('default', pod('tolerates-3s', 3))
    const forever = pod('tolerates-forever')
    await c.client.resource<Pod>(resources.pods).create('default', { ...forever, spec: { ...forever.spec, containers: [{ name: 'c', image: 'busybox' }], tolerations: [{ operator: 'Exists' }] } })
    alive.delete('silent')
    const stoppedAt = Date.now()
    const node = await waitFor('silent node Unknown and tainted', async () => {
      const n = await c.client.resource<Node>(resources.nodes).get('', 'silent')
      const unknown = n.status?.conditions?.find((x) => x.type === 'Ready')?.status === 'Unknown'
      return unknown && (n.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute') ? n : undefined
    }, 10_000)
    expect(node.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })
    // the last heartbeat was up to one beat (200ms) plus one monitor period before we stopped
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(1500)
    // scheduling stops too: the NoSchedule twin follows the Ready condition whatever the zone state (upstream)
    await waitFor('silent node unreachable:NoSchedule', async () => {
      const n = await c.client.resource<Node>(resources.nodes).get('', 'silent')
      return (n.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoSchedule') ? true : undefined
    }, 10_000)
    const healthy = await c.client.resource<Node>(resources.nodes).get('', 'healthy')
    expect(healthy.spec?.taints ?? []).toEqual([])
    const taintedAt = Date.now()
    await waitFor('tolerating pod evicted', async () => await deleting('tolerates-3s') ? true : undefined, 10_000)
    expect(Date.now() - taintedAt).toBeGreaterThanOrEqual(2000)
    expect(await deleting('tolerates-forever')).toBe(false)
    alive.add('silent')
    await waitFor('taint removed after recovery', async () => {
      const n = await c.client.resource<Node>(resources.nodes).get('', 'silent')
      return (n.spec?.taints ?? []).length === 0 ? true : undefined
    }, 10_000)
  })

  it('taints a cordoned node node.kubernetes.io/unschedulable:NoSchedule and lifts the taint on uncordon', async () => {
    const nodes = c.client.resource<Node>(resources.nodes)
    const cordonTaint = async (): Promise<boolean> => ((await nodes.get('', 'healthy')).spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable' && t.effect === 'NoSchedule' && t.timeAdded !== undefined)
    await nodes.patch('', 'healthy', 'merge', { spec: { unschedulable: true } })
    await waitFor('the unschedulable taint', async () => await cordonTaint() ? true : undefined, 10_000)
    await nodes.patch('', 'healthy', 'merge', { spec: { unschedulable: null } })
    await waitFor('the unschedulable taint to go', async () => await cordonTaint() ? undefined : true, 10_000)
  })

  it('records RegisteredNode for each node as upstream node-controller does', async () => {
    const ev = await waitFor('the RegisteredNode event', async () => (await c.client.resource<Event>(resources.events).list('default')).items.find((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === 'healthy' && e.reason === 'RegisteredNode'), 10_000)
    expect(ev).toMatchObject({ type: 'Normal', message: 'Node healthy event: Registered Node healthy in Controller', source: { component: 'node-controller' } })
  })
})
