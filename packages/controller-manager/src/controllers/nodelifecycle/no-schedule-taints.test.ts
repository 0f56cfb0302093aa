import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1.js'
import { wantedNoScheduleTaintKeys, withNoScheduleTaints } from './no-schedule-taints.js'

const node = (conditions: NodeCondition[], unschedulable?: boolean): Node => ({ metadata: { name: 'n1' }, spec: { unschedulable }, status: { conditions } })

describe('wantedNoScheduleTaintKeys', () => {
  it.each<{ name: string, node: Node, want: string[] }>([
    { name: 'asks for nothing on a node that never posted status', node: node([]), want: [] },
    { name: 'asks for nothing on a Ready node without pressure', node: node([{ type: 'Ready', status: 'True' }, { type: 'MemoryPressure', status: 'False' }]), want: [] },
    { name: 'asks for unreachable when Ready is Unknown', node: node([{ type: 'Ready', status: 'Unknown' }, { type: 'MemoryPressure', status: 'Unknown' }]), want: ['node.kubernetes.io/unreachable'] },
    { name: 'asks for not-ready when Ready is False', node: node([{ type: 'Ready', status: 'False' }]), want: ['node.kubernetes.io/not-ready'] },
    { name: 'asks for one taint per pressure condition that is True', node: node([{ type: 'Ready', status: 'True' }, { type: 'DiskPressure', status: 'True' }, { type: 'PIDPressure', status: 'True' }, { type: 'NetworkUnavailable', status: 'True' }]), want: ['node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable'] },
    { name: 'asks for unschedulable on a cordoned node', node: node([{ type: 'Ready', status: 'True' }], true), want: ['node.kubernetes.io/unschedulable'] }
  ])('$name', ({ node, want }) => {
    expect(wantedNoScheduleTaintKeys(node)).toEqual(want)
  })
})

describe('withNoScheduleTaints', () => {
  const user: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' }
  const noExecute: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'earlier' }
  const cordon: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: 'earlier' }
  it.each<{ name: string, taints: Taint[], keys: string[], want: Taint[] | undefined }>([
    { name: 'adds a missing taint with the current time and keeps the user taint', taints: [user], keys: ['node.kubernetes.io/unschedulable'], want: [user, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: 'now' }] },
    { name: 'removes a managed taint no longer called for (uncordon)', taints: [user, cordon], keys: [], want: [user] },
    { name: 'leaves NoExecute taints to the eviction pass', taints: [noExecute], keys: ['node.kubernetes.io/unreachable'], want: [noExecute, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: 'now' }] },
    { name: 'keeps the time a kept taint was added', taints: [cordon], keys: ['node.kubernetes.io/unschedulable', 'node.kubernetes.io/not-ready'], want: [cordon, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: 'now' }] },
    { name: 'returns undefined when nothing changes', taints: [user, cordon], keys: ['node.kubernetes.io/unschedulable'], want: undefined }
  ])('$name', ({ taints, keys, want }) => {
    expect(withNoScheduleTaints(taints, keys, 'now')).toEqual(want)
  })
})
