import { findFeasibleNodes, numFeasibleNodesToFind, selectHost } from './find-nodes.js'
import { CycleState } from './framework/cycle-state.js'
import { Framework, pluginsFromInstances } from './framework/framework.js'
import { NodeResourcesFit } from './framework/plugins/noderesources/fit.js'
import { makeNode, makePod, nodeInfo, withRequests } from './testing/builders.js'

describe('numFeasibleNodesToFind', () => {
  it.each([
    { name: 'checks every node in a cluster under 100 nodes', pct: 0, nodes: 99, want: 99 },
    { name: 'is adaptive at 0: 50% - nodes/125 (500 nodes -> 46%)', pct: 0, nodes: 500, want: 230 },
    { name: 'is adaptive at 0: 5000 nodes -> 10%', pct: 0, nodes: 5000, want: 500 },
    { name: 'never drops below 5% (10000 nodes)', pct: 0, nodes: 10_000, want: 500 },
    { name: 'never returns fewer than 100 nodes', pct: 10, nodes: 200, want: 100 },
    { name: 'uses a configured percentage', pct: 30, nodes: 1000, want: 300 },
    { name: 'returns every node at 100%', pct: 100, nodes: 1000, want: 1000 }
  ])('$name', ({ pct, nodes, want }) => {
    expect(numFeasibleNodesToFind(pct, nodes)).toBe(want)
  })
})

describe('findFeasibleNodes', () => {
  it('stops once enough feasible nodes are found and records why others failed', async () => {
    const nodes = [nodeInfo(makeNode('tiny', { cpu: '100m' })), ...Array.from({ length: 5 }, (_, i) => nodeInfo(makeNode(`n${i}`)))]
    const fw = new Framework('default-scheduler', pluginsFromInstances([new NodeResourcesFit()]))
    const out = await findFeasibleNodes(fw, new CycleState(), makePod('p', withRequests('1')), nodes, 2, 0)
    expect(out.feasible.map(n => n.name)).toEqual(['n0', 'n1'])
    expect(out.processed).toBe(3)
    expect(out.statuses.get('tiny')?.reasons).toEqual(['Insufficient cpu'])
  })

  it('starts at the given index and wraps around', async () => {
    const nodes = ['a', 'b', 'c'].map(n => nodeInfo(makeNode(n)))
    const fw = new Framework('default-scheduler', pluginsFromInstances([]))
    const out = await findFeasibleNodes(fw, new CycleState(), makePod('p'), nodes, 3, 2)
    expect(out.feasible.map(n => n.name)).toEqual(['c', 'a', 'b'])
  })
})

describe('selectHost', () => {
  it.each([
    { name: 'picks the highest score', scores: [{ name: 'a', score: 1 }, { name: 'b', score: 7 }, { name: 'c', score: 3 }], random: 0.5, want: 'b' },
    { name: 'keeps the first of a tie when the dice say so', scores: [{ name: 'a', score: 5 }, { name: 'b', score: 5 }], random: 0.9, want: 'a' },
    { name: 'switches to a later tie when the dice say so', scores: [{ name: 'a', score: 5 }, { name: 'b', score: 5 }], random: 0.1, want: 'b' },
    { name: 'returns undefined for no nodes', scores: [], random: 0.5, want: undefined }
  ])('$name', ({ scores, random, want }) => {
    expect(selectHost(scores, () => random)).toBe(want)
  })
})
