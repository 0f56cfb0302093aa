import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { boundNode, createNode, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('kube-scheduler places pods through the real apiserver', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('small', { cpu: '1', memory: '1Gi', labels: { disk: 'hdd', zone: 'a' } }))
    await createNode(c.client, node('big', { cpu: '8', memory: '16Gi', labels: { disk: 'ssd', zone: 'b' } }))
    await createNode(c.client, node('tainted', { cpu: '8', memory: '16Gi', labels: { zone: 'c' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }))
    c.startScheduler()
  })
  afterAll(async () => { await c.stop() })

  const pods = () => c.client.resource<Pod>(resources.pods)

  it.each([
    { name: 'a nodeSelector picks the only matching node', p: pod('sel', { nodeSelector: { disk: 'ssd' } }), want: ['big'] },
    { name: 'a toleration is required for the tainted node, and required affinity pins it there', p: pod('tol', {
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['c'] }] }] } } }
    }), want: ['tainted'] },
    { name: 'a request larger than the small node goes to the big one', p: pod('cpu', { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '2' } } }] }), want: ['big'] },
    { name: 'spec.nodeName-free pods never land on an untolerated taint', p: pod('plain'), want: ['small', 'big'] }
  ])('$name', async ({ p, want }) => {
    await pods().create('default', p)
    expect(want).toContain(await boundNode(c.client, p.metadata?.name ?? ''))
  })

  it('spreads pods across zones with a hard topology spread constraint', async () => {
    const spread = (i: number): Pod => pod(`spread-${i}`, {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } }],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } }
    }, { app: 'spread' })
    const nodes: string[] = []
    for (let i = 0; i < 4; i++) {
      await pods().create('default', spread(i))
      nodes.push(await boundNode(c.client, `spread-${i}`))
    }
    expect(nodes.filter(n => n === 'small')).toHaveLength(2)
    expect(nodes.filter(n => n === 'big')).toHaveLength(2)
  })

  it('keeps anti-affine pods apart', async () => {
    const anti = (i: number): Pod => pod(`anti-${i}`, {
      tolerations: [{ operator: 'Exists' }],
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'anti' } } }] } }
    }, { app: 'anti' })
    const nodes = new Set<string>()
    for (let i = 0; i < 3; i++) {
      await pods().create('default', anti(i))
      nodes.add(await boundNode(c.client, `anti-${i}`))
    }
    expect(nodes.size).toBe(3)
  })

  it('reports FailedScheduling with the upstream message and schedules once a fitting node is added', async () => {
    await pods().create('default', pod('huge', { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '32' } } }] }))
    const cond = await waitFor('PodScheduled=False', async () => {
      const p = await pods().get('default', 'huge')
      return p.status?.conditions?.find(x => x.type === 'PodScheduled' && x.status === 'False')
    })
    expect(cond.reason).toBe('Unschedulable')
    expect(cond.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.')
    const ev = await waitFor('FailedScheduling event', async () => {
      const list = await c.client.resource<{ reason?: string, message?: string, involvedObject?: { name?: string } }>(resources.events).list('default')
      return list.items.find(e => e.reason === 'FailedScheduling' && e.involvedObject?.name === 'huge')
    })
    expect(ev.message).toBe(cond.message)
    await createNode(c.client, node('huge-node', { cpu: '64', memory: '64Gi' }))
    expect(await boundNode(c.client, 'huge')).toBe('huge-node')
  })
})
