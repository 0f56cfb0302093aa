import type { ContainerPort } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo } from '../../../testing/builders.js'
import { CycleState } from '../../cycle-state.js'
import { Code } from '../../status.js'
import { NodePorts } from './node-ports.js'

const withPorts = (...ports: ContainerPort[]): ReturnType<typeof makePod> => makePod(`p-${Math.random()}`, { containers: [{ name: 'c', image: 'x', ports }] })

describe('NodePorts', () => {
  it.each<{ name: string, used: ContainerPort[], want: ContainerPort[], code: Code }>([
    { name: 'passes a pod without host ports', used: [{ containerPort: 80, hostPort: 80 }], want: [{ containerPort: 80 }], code: Code.Success },
    { name: 'rejects the same TCP host port', used: [{ containerPort: 80, hostPort: 8080 }], want: [{ containerPort: 80, hostPort: 8080 }], code: Code.Unschedulable },
    { name: 'passes the same port on another protocol', used: [{ containerPort: 53, hostPort: 53, protocol: 'UDP' }], want: [{ containerPort: 53, hostPort: 53 }], code: Code.Success },
    { name: 'passes the same port on two specific IPs', used: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }], want: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.2' }], code: Code.Success },
    { name: 'rejects a wildcard IP against a specific one', used: [{ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }], want: [{ containerPort: 80, hostPort: 80 }], code: Code.Unschedulable }
  ])('$name', ({ used, want, code }) => {
    const plugin = new NodePorts()
    const pod = withPorts(...want)
    const node = nodeInfo(makeNode('n'), withPorts(...used))
    // directly, and with the ports PreFilter collected (a pod without host ports is skipped there)
    const prepared = new CycleState()
    const pre = plugin.preFilter(prepared, pod).status
    for (const state of pre.isSkip() ? [new CycleState()] : [new CycleState(), prepared]) {
      const s = plugin.filter(state, pod, node)
      expect(s.code).toBe(code)
      if (code !== Code.Success) expect(s.reasons).toEqual(["node(s) didn't have free ports for the requested pod ports"])
    }
  })

  it.each([
    { name: 'skips Filter for a pod without host ports', ports: [{ containerPort: 80 }], want: Code.Skip },
    { name: 'keeps Filter for a pod with a host port', ports: [{ containerPort: 80, hostPort: 80 }], want: Code.Success }
  ])('PreFilter $name', ({ ports, want }) => {
    expect(new NodePorts().preFilter(new CycleState(), withPorts(...ports)).status.code).toBe(want)
  })
})
