import { makeNode, makePod, nodeInfo, withRequests } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { podRequests } from '../../resources.js'
import { balancedScore, NodeResourcesBalancedAllocation } from './balanced-allocation.js'

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    { name: 'scores equal fractions 100', fractions: [0.5, 0.5], want: 100 },
    { name: 'scores opposite extremes 50', fractions: [0, 1], want: 50 },
    { name: 'caps fractions above 1', fractions: [2, 1], want: 100 },
    { name: 'scores a 0.2 / 0.6 split 80', fractions: [0.2, 0.6], want: 80 }
  ])('$name', ({ fractions, want }) => {
    expect(balancedScore(fractions)).toBe(want)
  })

  it.each([
    { name: 'scores an empty node like balancedScore of its two fractions', node: { cpu: '4', memory: '4Gi' }, existing: [] as Array<[string, string]> },
    { name: 'scores a partly used node like balancedScore of its two fractions', node: { cpu: '3', memory: '7Gi' }, existing: [['500m', '3Gi']] as Array<[string, string]> },
    { name: 'caps an overcommitted resource at 1 like balancedScore', node: { cpu: '1', memory: '64Gi' }, existing: [['2', '1Gi']] as Array<[string, string]> }
  ])('$name', ({ node, existing }) => {
    const pod = makePod('p', withRequests('700m', '1Gi'))
    const info = nodeInfo(makeNode('n', node), ...existing.map(([cpu, mem], i) => makePod(`e${i}`, withRequests(cpu, mem))))
    const req = podRequests(pod, true)
    const want = balancedScore([(info.nonZeroRequested.milliCpu + req.milliCpu) / info.allocatable.milliCpu, (info.nonZeroRequested.memory + req.memory) / info.allocatable.memory])
    expect(new NodeResourcesBalancedAllocation().score(new CycleState(), pod, info)).toBe(want)
  })

  it('prefers the node where the pod balances cpu and memory', () => {
    const pod = makePod('p', withRequests('1', '1Gi'))
    const plugin = new NodeResourcesBalancedAllocation()
    const balanced = nodeInfo(makeNode('b', { cpu: '4', memory: '4Gi' }))
    const skewed = nodeInfo(makeNode('s', { cpu: '4', memory: '64Gi' }))
    expect(plugin.score(new CycleState(), pod, balanced)).toBeGreaterThan(plugin.score(new CycleState(), pod, skewed))
  })
})
