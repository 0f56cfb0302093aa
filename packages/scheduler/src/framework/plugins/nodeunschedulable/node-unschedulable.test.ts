import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Code } from '../../status.js'
import { NodeUnschedulable } from './node-unschedulable.js'

describe('NodeUnschedulable', () => {
  it.each([
    { name: 'passes a schedulable node', unschedulable: false, pod: makePod('p'), want: Code.Success },
    { name: 'rejects a cordoned node', unschedulable: true, pod: makePod('p'), want: Code.UnschedulableAndUnresolvable },
    {
      name: 'passes a cordoned node for a pod tolerating the unschedulable taint',
      unschedulable: true,
      pod: makePod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] }),
      want: Code.Success
    }
  ])('$name', ({ unschedulable, pod, want }) => {
    const s = new NodeUnschedulable().filter(new CycleState(), pod, nodeInfo(makeNode('n', { unschedulable })))
    expect(s.code).toBe(want)
    if (want !== Code.Success) expect(s.reasons).toEqual(['node(s) were unschedulable'])
  })
})
