import type { Node, PodSpec } from 'kubernetes-types/core/v1.js'
import { nodeShouldRunDaemonPod } from './node-fit.js'

const node = (labels: Record<string, string> = {}, taints: Node['spec'] extends infer S ? NonNullable<S>['taints'] : never = []): Node => ({ metadata: { name: 'n1', labels }, spec: { taints } })
const spec = (o: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: 'c' }], ...o })

describe('nodeShouldRunDaemonPod', () => {
  it.each<{ name: string, node: Node, spec: PodSpec, want: [boolean, boolean] }>([
    { name: 'runs on a plain node', node: node(), spec: spec(), want: [true, true] },
    { name: 'respects the nodeSelector', node: node({ disk: 'hdd' }), spec: spec({ nodeSelector: { disk: 'ssd' } }), want: [false, false] },
    { name: 'matches required node affinity by label', node: node({ zone: 'a' }), spec: spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } } }), want: [true, true] },
    { name: 'matches required node affinity by node name field', node: node(), spec: spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }] } } } }), want: [false, false] },
    { name: 'Gt compares integers', node: node({ cores: '8' }), spec: spec({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }] } } } }), want: [true, true] },
    { name: 'an untolerated NoSchedule taint stops new pods but keeps running ones', node: node({}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]), spec: spec(), want: [false, true] },
    { name: 'an untolerated NoExecute taint evicts', node: node({}, [{ key: 'dedicated', effect: 'NoExecute' }]), spec: spec(), want: [false, false] },
    { name: 'a matching toleration allows the taint', node: node({}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]), spec: spec({ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu' }] }), want: [true, true] },
    { name: 'daemons tolerate cordoned and not-ready nodes by default', node: node({}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), spec: spec(), want: [true, true] },
    { name: 'only host-network daemons tolerate network-unavailable', node: node({}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), spec: spec(), want: [false, true] },
    { name: 'PreferNoSchedule is ignored', node: node({}, [{ key: 'x', effect: 'PreferNoSchedule' }]), spec: spec(), want: [true, true] }
  ])('$name', ({ node: n, spec: s, want }) => {
    const r = nodeShouldRunDaemonPod(n, s)
    expect([r.shouldRun, r.shouldContinueRunning]).toEqual(want)
  })
})
