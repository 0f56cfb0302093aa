import type { Pod, Service, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import type { Handle } from '../../interface.js'
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

describe('PodTopologySpread node inclusion policies and matchLabelKeys', () => {
  // zone a: one web v1 pod; zone b: none, and b1 carries a NoSchedule taint
  const nodes = (): NodeInfo[] => [
    nodeInfo(makeNode('a1', { labels: { zone: 'a' } }), makePod('w1', {}, { app: 'web', version: 'v1' })),
    nodeInfo(makeNode('b1', { labels: { zone: 'b' }, taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] }))
  ]
  it.each<{ name: string, c: Partial<TopologySpreadConstraint>, spec?: Partial<Pod['spec']>, want: Code }>([
    { name: 'honours node affinity by default: only zone a counts, so a1 is within skew', c: {}, spec: { nodeSelector: { zone: 'a' } }, want: Code.Success },
    { name: 'with nodeAffinityPolicy Ignore, empty zone b counts and a1 exceeds the skew', c: { nodeAffinityPolicy: 'Ignore' }, spec: { nodeSelector: { zone: 'a' } }, want: Code.Unschedulable },
    { name: 'ignores taints by default: tainted zone b counts and a1 exceeds the skew', c: {}, want: Code.Unschedulable },
    { name: 'with nodeTaintsPolicy Honor, the untolerated tainted zone does not count', c: { nodeTaintsPolicy: 'Honor' }, want: Code.Success },
    { name: 'with nodeTaintsPolicy Honor, a tolerated taint still counts', c: { nodeTaintsPolicy: 'Honor' }, spec: { tolerations: [{ key: 'dedicated', operator: 'Exists' }] }, want: Code.Unschedulable },
    { name: 'matchLabelKeys narrows the selector to the pod\'s own version, so v1 pods do not count', c: { matchLabelKeys: ['version'] }, want: Code.Success }
  ])('$name', ({ c, spec, want }) => {
    const ns = nodes()
    const plugin = new PodTopologySpread()
    const state = new CycleState()
    const pod = makePod('new', { ...spec, topologySpreadConstraints: [{ ...constraint(1), ...c }] }, { app: 'web', version: 'v2' })
    plugin.preFilter(state, pod, ns)
    expect(plugin.filter(state, pod, ns[0] as NodeInfo).code).toBe(want)
  })
})

describe('PodTopologySpread default constraints', () => {
  const service: Service = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }
  // no zone labels anywhere: system defaults still spread by hostname
  const hosts = (): NodeInfo[] => [
    nodeInfo(makeNode('h1'), web('w1'), web('w2')),
    nodeInfo(makeNode('h2'), web('w3')),
    nodeInfo(makeNode('h3'))
  ]
  const handleFor = (nodes: NodeInfo[], services: Service[]): Handle => ({ nodeInfos: () => nodes, nodeInfo: (n) => nodes.find(x => x.name === n), listers: { services: () => services } })
  function scores (plugin: PodTopologySpread, nodes: NodeInfo[], pod: Pod): number[] | 'skip' {
    const state = new CycleState()
    if (plugin.preScore(state, pod, nodes).code === Code.Skip) return 'skip'
    const out = nodes.map(n => ({ name: n.name, score: plugin.score(state, pod, n) }))
    plugin.normalizeScore(state, pod, out)
    return out.map(s => s.score)
  }

  it('spreads a Service\'s pods over hostnames with the system defaults, even without zone labels', () => {
    const nodes = hosts()
    // raw: count × log(3 + 2) + (3 − 1) → 5, 4, 2; normalized 100 × (5 + 2 − s) / 5
    expect(scores(new PodTopologySpread(undefined, handleFor(nodes, [service])), nodes, web('new'))).toEqual([40, 60, 100])
  })

  it.each<{ name: string, args?: Record<string, unknown>, services: Service[], pod: Pod }>([
    { name: 'skips a pod that no Service or controller selects', services: [service], pod: makePod('loner', {}, { app: 'cache' }) },
    { name: 'skips under List defaulting with no constraints', args: { defaultingType: 'List' }, services: [service], pod: web('new') },
    { name: 'skips a pod with constraints of its own (only hard ones here)', services: [service], pod: makePod('own', { topologySpreadConstraints: [constraint(1)] }, { app: 'web' }) }
  ])('$name', ({ args, services, pod }) => {
    const nodes = hosts()
    expect(scores(new PodTopologySpread(args, handleFor(nodes, services)), nodes, pod)).toBe('skip')
  })

  it('filters with List default constraints that are hard', () => {
    const nodes = hosts()
    const plugin = new PodTopologySpread({ defaultingType: 'List', defaultConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }] }, handleFor(nodes, [service]))
    const state = new CycleState()
    const pod = web('new')
    expect(plugin.preFilter(state, pod, nodes).status.code).toBe(Code.Success)
    expect(nodes.map(n => plugin.filter(state, pod, n).code)).toEqual([Code.Unschedulable, Code.Unschedulable, Code.Success])
  })

  it('ignores nodes missing a topology key when the constraints are the pod\'s own', () => {
    const nodes = [nodeInfo(makeNode('z', { labels: { zone: 'a' } })), nodeInfo(makeNode('nozone'))]
    const pod = makePod('new', { topologySpreadConstraints: [constraint(1, 'ScheduleAnyway')] }, { app: 'web' })
    expect(scores(new PodTopologySpread(undefined, handleFor(nodes, [])), nodes, pod)).toEqual([100, 0])
  })
})
