import type { Pod } from 'kubernetes-types/core/v1.js'
import { coLocationRank, sortForDeletion } from './pod-deletion-order.js'

interface P { name: string, node?: string, phase?: string, ready?: boolean, readySince?: string, created?: string, restarts?: number, cost?: string }
const mk = (p: P): Pod => ({
  metadata: { name: p.name, creationTimestamp: p.created ?? '2026-01-01T00:00:00Z', ...(p.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': p.cost } } : {}) },
  spec: { containers: [], ...(p.node !== undefined ? { nodeName: p.node } : {}) },
  status: {
    phase: p.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: p.ready === true ? 'True' : 'False', lastTransitionTime: p.readySince ?? '2026-01-01T00:00:00Z' }],
    containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: p.ready === true, restartCount: p.restarts ?? 0 }]
  }
})

describe('sortForDeletion', () => {
  it.each<{ name: string, pods: P[], want: string[] }>([
    { name: 'unscheduled pods go before scheduled ones', pods: [{ name: 'sched', node: 'n1' }, { name: 'unsched' }], want: ['unsched', 'sched'] },
    { name: 'pending goes before unknown before running', pods: [{ name: 'run', node: 'n', phase: 'Running' }, { name: 'unk', node: 'n', phase: 'Unknown' }, { name: 'pend', node: 'n', phase: 'Pending' }], want: ['pend', 'unk', 'run'] },
    { name: 'not ready goes before ready', pods: [{ name: 'ready', node: 'n', ready: true }, { name: 'notready', node: 'n' }], want: ['notready', 'ready'] },
    { name: 'a lower deletion cost goes first', pods: [{ name: 'dear', node: 'n', cost: '100' }, { name: 'cheap', node: 'n', cost: '-5' }], want: ['cheap', 'dear'] },
    { name: 'ready for less time goes first', pods: [{ name: 'old', node: 'n', ready: true, readySince: '2026-01-01T00:00:00Z' }, { name: 'new', node: 'n', ready: true, readySince: '2026-01-02T00:00:00Z' }], want: ['new', 'old'] },
    { name: 'more restarts go first', pods: [{ name: 'calm', node: 'n', restarts: 0 }, { name: 'crashy', node: 'n', restarts: 4 }], want: ['crashy', 'calm'] },
    { name: 'newer pods go before older ones', pods: [{ name: 'older', node: 'n', created: '2026-01-01T00:00:00Z' }, { name: 'newer', node: 'n', created: '2026-01-03T00:00:00Z' }], want: ['newer', 'older'] }
  ])('$name', ({ pods, want }) => {
    expect(sortForDeletion(pods.map(mk)).map(p => p.metadata?.name)).toEqual(want)
  })

  it('prefers pods on nodes crowded with siblings', () => {
    const all = [mk({ name: 'alone', node: 'a' }), mk({ name: 'crowd1', node: 'b' }), mk({ name: 'crowd2', node: 'b' })]
    expect(sortForDeletion(all, coLocationRank(all)).map(p => p.metadata?.name).slice(0, 2).sort()).toEqual(['crowd1', 'crowd2'])
  })
})
