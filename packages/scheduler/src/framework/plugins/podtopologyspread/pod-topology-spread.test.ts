import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import type { NodeInfo } from '../../node-info.js'
import { Code } from '../../status.js'
import { PodTopologySpread } from './pod-topology-spread.js'

const constraint = (maxSkew: number, whenUnsatisfiable = 'DoNotSchedule', topologyKey = 'zone'): TopologySpreadConstraint =>
  ({ maxSkew, topologyKey, whenUnsatisfiable, labelSelector: { matchLabels: { app: 'web' } } })
const web = (name: string): ReturnType<typeof makePod> => makePod(name, {}, { app: 'web' })

// zone a: 2 web pods, zone b: 0 (two nodes), node c has no zone label
function cluster (): NodeInfo[] {
  return [
    nodeInfo(makeNode('a1', { labels: { zone: 'a' } }), web('w1'), web('w2')),
    nodeInfo(makeNode('b1', { labels: { zone: 'b' } }), makePod('other', {}, { app: 'db' })),
    nodeInfo(makeNode('b2', { labels: { zone: 'b' } })),
    nodeInfo(makeNode('c'))
  ]
}

describe('PodTopologySpread filter', () => {
  it.each([
    { name: 'rejects the crowded zone when the skew would exceed maxSkew 1', maxSkew: 1, node: 'a1', want: Code.Unschedulable, reason: "node(s) didn't match pod topology spread constraints" },
    { name: 'passes the empty zone', maxSkew: 1, node: 'b2', want: Code.Success },
    { name: 'passes the crowded zone when maxSkew allows it', maxSkew: 3, node: 'a1', want: Code.Success },
    { name: 'rejects a node without the topology label as unresolvable', maxSkew: 1, node: 'c', want: Code.UnschedulableAndUnresolvable, reason: "node(s) didn't match pod topology spread constraints (missing required label)" }
  ])('$name', ({ maxSkew, node, want, reason }) => {
    const nodes = cluster()
    const plugin = new PodTopologySpread()
    const state = new CycleState()
    const pod = makePod('new', { topologySpreadConstraints: [constraint(maxSkew)] }, { app: 'web' })
    expect(plugin.preFilter(state, pod, nodes).status.code).toBe(Code.Success)
    const s = plugin.filter(state, pod, nodes.find(n => n.name === node) as NodeInfo)
    expect(s.code).toBe(want)
    if (reason !== undefined) expect(s.reasons).toEqual([reason])
  })

  it('skips pods without hard constraints', () => {
    expect(new PodTopologySpread().preFilter(new CycleState(), makePod('p', { topologySpreadConstraints: [constraint(1, 'ScheduleAnyway')] }), cluster()).status.code).toBe(Code.Skip)
  })

  it('updates counts when preemption removes pods in the simulation', () => {
    const nodes = cluster()
    const plugin = new PodTopologySpread()
    const state = new CycleState()
    const pod = makePod('new', { topologySpreadConstraints: [constraint(1)] }, { app: 'web' })
    plugin.preFilter(state, pod, nodes)
    const a1 = nodes[0] as NodeInfo
    plugin.removePod(state, pod, web('w1'), a1)
    expect(plugin.filter(state, pod, a1).code).toBe(Code.Unschedulable)
    plugin.removePod(state, pod, web('w2'), a1)
    expect(plugin.filter(state, pod, a1).code).toBe(Code.Success)
  })
})

describe('PodTopologySpread score', () => {
  it('scores the zone with fewer matching pods higher', () => {
    const nodes = cluster().slice(0, 3)
    const plugin = new PodTopologySpread()
    const state = new CycleState()
    const pod = makePod('new', { topologySpreadConstraints: [constraint(1, 'ScheduleAnyway')] }, { app: 'web' })
    expect(plugin.preScore(state, pod, nodes).code).toBe(Code.Success)
    const scores = nodes.map(n => ({ name: n.name, score: plugin.score(state, pod, n) }))
    plugin.normalizeScore(state, pod, scores)
    expect((scores[1]?.score ?? 0)).toBeGreaterThan(scores[0]?.score ?? 0)
    expect(scores[1]?.score).toBe(scores[2]?.score)
  })
})
