import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Code } from '../../status.js'
import { ERR_REASON_NODE_NAME, NodeName } from './node-name.js'

describe('NodeName', () => {
  it.each([
    { name: 'passes a pod that names no node', pod: makePod('p'), node: 'n1', want: Code.Success, reasons: [] },
    { name: 'passes the node the pod names', pod: makePod('p', { nodeName: 'n1' }), node: 'n1', want: Code.Success, reasons: [] },
    { name: 'rejects every other node as unresolvable', pod: makePod('p', { nodeName: 'n2' }), node: 'n1', want: Code.UnschedulableAndUnresolvable, reasons: [ERR_REASON_NODE_NAME] }
  ])('$name', ({ pod, node, want, reasons }) => {
    const s = new NodeName().filter(new CycleState(), pod, nodeInfo(makeNode(node)))
    expect({ code: s.code, reasons: s.reasons }).toEqual({ code: want, reasons })
  })
})
