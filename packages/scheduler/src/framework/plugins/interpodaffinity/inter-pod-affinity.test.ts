import type { Affinity } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import type { NodeInfo } from '../../node-info.js'
import { Code } from '../../status.js'
import { InterPodAffinity } from './inter-pod-affinity.js'

const term = (app: string, topologyKey = 'zone'): { topologyKey: string, labelSelector: { matchLabels: Record<string, string> } } => ({ topologyKey, labelSelector: { matchLabels: { app } } })

function cluster (): NodeInfo[] {
  return [
    nodeInfo(makeNode('a1', { labels: { zone: 'a' } }), makePod('db', {}, { app: 'db' })),
    nodeInfo(makeNode('a2', { labels: { zone: 'a' } })),
    nodeInfo(makeNode('b1', { labels: { zone: 'b' } }), makePod('guard', { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] } } }, { app: 'guard' }))
  ]
}

function filter (affinity: Affinity | undefined, labels: Record<string, string>, node: string): { code: Code, reasons: string[] } {
  const nodes = cluster()
  const plugin = new InterPodAffinity()
  const state = new CycleState()
  const pod = makePod('new', { affinity }, labels)
  const pre = plugin.preFilter(state, pod, nodes)
  if (pre.status.code === Code.Skip) return { code: Code.Success, reasons: [] }
  const s = plugin.filter(state, pod, nodes.find(n => n.name === node) as NodeInfo)
  return { code: s.code, reasons: s.reasons }
}

describe('InterPodAffinity filter', () => {
  it.each<{ name: string, affinity?: Affinity, labels?: Record<string, string>, node: string, want: Code, reasons?: string[] }>([
    { name: 'passes a pod with no affinity anywhere nothing repels it', node: 'a2', want: Code.Success },
    { name: 'places a pod with required affinity in the zone of the matching pod (other node, same zone)', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } }, node: 'a2', want: Code.Success },
    { name: 'rejects required affinity in a zone without the matching pod', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } }, node: 'b1', want: Code.UnschedulableAndUnresolvable, reasons: ["node(s) didn't match pod affinity rules"] },
    { name: 'rejects required anti-affinity in the zone of the matching pod', affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } }, node: 'a2', want: Code.Unschedulable, reasons: ["node(s) didn't match pod anti-affinity rules"] },
    { name: "rejects a pod an existing pod's anti-affinity repels", labels: { app: 'web' }, node: 'b1', want: Code.Unschedulable, reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"] },
    { name: 'reports its own anti-affinity first when the pod both repels and is repelled by a pod on the node (replicas of one anti-affine deployment)', affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('guard')] } }, labels: { app: 'web' }, node: 'b1', want: Code.Unschedulable, reasons: ["node(s) didn't match pod anti-affinity rules"] },
    { name: "passes that pod outside the existing pod's topology", labels: { app: 'web' }, node: 'a2', want: Code.Success },
    { name: 'lets the first pod of a self-affine group go anywhere', affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('solo')] } }, labels: { app: 'solo' }, node: 'b1', want: Code.Success }
  ])('$name', ({ affinity, labels, node, want, reasons }) => {
    const s = filter(affinity, labels ?? {}, node)
    expect(s.code).toBe(want)
    if (reasons !== undefined) expect(s.reasons).toEqual(reasons)
  })
})

describe('InterPodAffinity score', () => {
  it('prefers the zone of preferred-affinity pods and avoids the zone of preferred-anti-affinity pods', () => {
    const nodes = cluster()
    const plugin = new InterPodAffinity()
    const state = new CycleState()
    const pod = makePod('new', {
      affinity: {
        podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term('db') }] },
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term('guard') }] }
      }
    })
    expect(plugin.preScore(state, pod, nodes).code).toBe(Code.Success)
    const scores = nodes.map(n => ({ name: n.name, score: plugin.score(state, pod, n) }))
    expect(scores.map(s => s.score)).toEqual([10, 10, -5])
    plugin.normalizeScore(state, pod, scores)
    expect(scores.map(s => s.score)).toEqual([100, 100, 0])
  })
})
