import type { Pod } from 'kubernetes-types/core/v1.js'
import { makeNode, makePod, nodeInfo, withRequests } from '../testing/builders.js'
import { CycleState } from './cycle-state.js'
import { Framework, pluginsFromInstances } from './framework.js'
import type { NodeInfo } from './node-info.js'
import { InterPodAffinity } from './plugins/interpodaffinity/inter-pod-affinity.js'
import { NodeResourcesFit } from './plugins/noderesources/fit.js'
import { Code } from './status.js'

const pod = (name: string, prio: number, cpu: string, labels: Record<string, string> = {}, extra: Partial<Pod['spec']> = {}): Pod =>
  makePod(name, { ...withRequests(cpu), priority: prio, ...extra }, labels)

describe('Framework.runFilter with nominated pods', () => {
  it.each<{ name: string, nominated: Pod[], incoming: Pod, want: Code, reasons?: string[] }>([
    { name: 'counts a higher-priority nominated pod, so its room is not taken', nominated: [pod('preemptor', 10, '800m')], incoming: pod('p', 1, '500m'), want: Code.Unschedulable, reasons: ['Insufficient cpu'] },
    { name: 'counts an equal-priority nominated pod', nominated: [pod('peer', 5, '800m')], incoming: pod('p', 5, '500m'), want: Code.Unschedulable, reasons: ['Insufficient cpu'] },
    { name: 'ignores a lower-priority nominated pod', nominated: [pod('low', 1, '800m')], incoming: pod('p', 10, '500m'), want: Code.Success },
    { name: 'ignores the incoming pod\'s own nomination', nominated: [pod('p', 10, '500m')], incoming: pod('p', 10, '500m'), want: Code.Success },
    {
      name: 'also filters without the nominated pods: affinity to a pod that is only nominated does not count',
      nominated: [pod('db', 10, '100m', { app: 'db' })],
      incoming: pod('web', 1, '100m', {}, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } } }),
      want: Code.UnschedulableAndUnresolvable,
      reasons: ["node(s) didn't match pod affinity rules"]
    }
  ])('$name', ({ nominated, incoming, want, reasons }) => {
    const nodes: NodeInfo[] = [nodeInfo(makeNode('n', { cpu: '1' })), nodeInfo(makeNode('other', { cpu: '1' }), pod('db-elsewhere', 0, '100m', { app: 'db' }))]
    const handle = { nodeInfos: () => nodes, nodeInfo: (name: string) => nodes.find(x => x.name === name), nominatedPodsForNode: (name: string) => name === 'n' ? nominated : [] }
    const fw = new Framework('default-scheduler', pluginsFromInstances([new NodeResourcesFit(), new InterPodAffinity(handle)]), handle)
    const state = new CycleState()
    expect(fw.runPreFilter(state, incoming, nodes).status.isSuccess()).toBe(true)
    const s = fw.runFilter(state, incoming, nodes[0] as NodeInfo)
    expect(s.code).toBe(want)
    if (reasons !== undefined) expect(s.reasons).toEqual(reasons)
    expect(nodes[0]?.pods.size).toBe(0)
  })
})
