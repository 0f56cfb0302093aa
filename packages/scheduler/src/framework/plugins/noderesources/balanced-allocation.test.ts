import { makeNode, makePod, nodeInfo, withRequests } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
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

  it('prefers the node where the pod balances cpu and memory', () => {
    const pod = makePod('p', withRequests('1', '1Gi'))
    const plugin = new NodeResourcesBalancedAllocation()
    const balanced = nodeInfo(makeNode('b', { cpu: '4', memory: '4Gi' }))
    const skewed = nodeInfo(makeNode('s', { cpu: '4', memory: '64Gi' }))
    expect(plugin.score(new CycleState(), pod, balanced)).toBeGreaterThan(plugin.score(new CycleState(), pod, skewed))
  })
})
