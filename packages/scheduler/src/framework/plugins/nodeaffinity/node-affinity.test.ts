import type { NodeSelectorRequirement, PodSpec } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Code } from '../../status.js'
import { NodeAffinity } from './node-affinity.js'

const required = (...exprs: NodeSelectorRequirement[][]): Partial<PodSpec> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: exprs.map(e => ({ matchExpressions: e })) } } }
})

describe('NodeAffinity filter', () => {
  const labels = { zone: 'a', disk: 'ssd', cores: '8' }
  it.each<{ name: string, spec: Partial<PodSpec>, want: Code }>([
    { name: 'passes a pod without selector or affinity', spec: {}, want: Code.Success },
    { name: 'passes a matching nodeSelector', spec: { nodeSelector: { zone: 'a' } }, want: Code.Success },
    { name: 'rejects a nodeSelector with another value', spec: { nodeSelector: { zone: 'b' } }, want: Code.UnschedulableAndUnresolvable },
    { name: 'passes In with a listed value', spec: required([{ key: 'disk', operator: 'In', values: ['hdd', 'ssd'] }]), want: Code.Success },
    { name: 'rejects NotIn with the node value', spec: required([{ key: 'disk', operator: 'NotIn', values: ['ssd'] }]), want: Code.UnschedulableAndUnresolvable },
    { name: 'passes Exists and DoesNotExist together', spec: required([{ key: 'zone', operator: 'Exists' }, { key: 'gpu', operator: 'DoesNotExist' }]), want: Code.Success },
    { name: 'compares Gt numerically', spec: required([{ key: 'cores', operator: 'Gt', values: ['10'] }]), want: Code.UnschedulableAndUnresolvable },
    { name: 'compares Lt numerically', spec: required([{ key: 'cores', operator: 'Lt', values: ['10'] }]), want: Code.Success },
    { name: 'ORs terms: one matching term is enough', spec: required([{ key: 'zone', operator: 'In', values: ['x'] }], [{ key: 'zone', operator: 'In', values: ['a'] }]), want: Code.Success },
    { name: 'ANDs nodeSelector with affinity', spec: { nodeSelector: { zone: 'b' }, ...required([{ key: 'zone', operator: 'In', values: ['a'] }]) }, want: Code.UnschedulableAndUnresolvable },
    {
      name: 'matches metadata.name through matchFields',
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }] } } } },
      want: Code.Success
    }
  ])('$name', ({ spec, want }) => {
    const plugin = new NodeAffinity()
    const pod = makePod('p', spec)
    const node = nodeInfo(makeNode('n', { labels }))
    // without PreFilter (preemption dry runs, tests) and with its precomputed state the verdict is the same
    const prepared = new CycleState()
    plugin.preFilter(prepared, pod)
    for (const state of [new CycleState(), prepared]) {
      const s = plugin.filter(state, pod, node)
      expect(s.code).toBe(want)
      if (want !== Code.Success) expect(s.reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"])
    }
  })

  it('restricts candidates in PreFilter when every term pins metadata.name', () => {
    const pod = makePod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] }] } } } })
    expect(new NodeAffinity().preFilter(new CycleState(), pod).result?.nodeNames).toEqual(new Set(['a', 'b']))
  })
})

describe('NodeAffinity PreScore', () => {
  it.each<{ name: string, spec: Partial<PodSpec>, want: Code }>([
    { name: 'skips scoring for a pod without preferred terms (every score would be 0)', spec: required([{ key: 'zone', operator: 'Exists' }]), want: Code.Skip },
    {
      name: 'scores a pod with a preferred term',
      spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } }] } } },
      want: Code.Success
    }
  ])('$name', ({ spec, want }) => {
    expect(new NodeAffinity().preScore(new CycleState(), makePod('p', spec)).code).toBe(want)
  })
})

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms and normalizes to 100', () => {
    const plugin = new NodeAffinity()
    const pod = makePod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 2, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 6, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } }
          ]
        }
      }
    })
    const nodes = [makeNode('both', { labels: { zone: 'a', disk: 'ssd' } }), makeNode('zone', { labels: { zone: 'a' } }), makeNode('none')]
    const scores = nodes.map(n => ({ name: n.metadata?.name ?? '', score: plugin.score(new CycleState(), pod, nodeInfo(n)) }))
    expect(scores.map(s => s.score)).toEqual([8, 2, 0])
    plugin.normalizeScore(new CycleState(), pod, scores)
    expect(scores.map(s => s.score)).toEqual([100, 25, 0])
  })
})
