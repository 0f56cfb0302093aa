import type { Lease } from 'kubernetes-types/coordination/v1.js'
import type { Node, NodeCondition, Pod, Taint } from 'kubernetes-types/core/v1.js'
import { formatTime, noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { NodeLifecycleController } from './node-lifecycle-controller.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const newNode = (o: { conditions?: NodeCondition[], unschedulable?: boolean, taints?: Taint[] } = {}): Node => ({
  apiVersion: 'v1', kind: 'Node',
  metadata: { name: 'n1', uid: 'n1-uid', resourceVersion: '5', creationTimestamp: formatTime(t0) },
  spec: { ...(o.unschedulable !== undefined ? { unschedulable: o.unschedulable } : {}), ...(o.taints !== undefined ? { taints: o.taints } : {}) },
  status: { ...(o.conditions !== undefined ? { conditions: o.conditions } : {}) }
})

function fixture (node: Node, nowMs: number): { c: NodeLifecycleController, client: FakeClient, clock: FakeClock, recorder: FakeRecorder, nodes: FakeInformer<Node> } {
  const clock = new FakeClock(nowMs)
  const recorder = new FakeRecorder()
  const nodes = new FakeInformer<Node>([node])
  const client = new FakeClient(() => nowMs)
  client.seed(resources.nodes, node)
  const c = new NodeLifecycleController({
    client, nodeInformer: nodes, leaseInformer: new FakeInformer<Lease>(), podInformer: new FakeInformer<Pod>(),
    recorder, logger: noopLogger, clock,
    monitorPeriodMs: 5000, gracePeriodMs: 40_000, startupGracePeriodMs: 60_000, evictionRate: 0.1, secondaryEvictionRate: 0.01,
    largeClusterSizeThreshold: 50, unhealthyZoneThreshold: 0.55
  })
  return { c, client, clock, recorder, nodes }
}

describe('NodeLifecycleController.syncNoScheduleTaints', () => {
  const cordonTaint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: formatTime(t0) }
  it.each<{ name: string, node: Node, want: Taint[] | undefined }>([
    { name: 'taints a cordoned node unschedulable', node: newNode({ unschedulable: true }), want: [cordonTaint] },
    { name: 'lifts the unschedulable taint when the node is uncordoned', node: newNode({ unschedulable: false, taints: [{ key: 'dedicated', effect: 'NoSchedule' }, cordonTaint] }), want: [{ key: 'dedicated', effect: 'NoSchedule' }] },
    { name: 'taints a node whose Ready condition is Unknown unreachable', node: newNode({ conditions: [{ type: 'Ready', status: 'Unknown' }] }), want: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: formatTime(t0) }] },
    { name: 'writes nothing for a Ready node without managed taints', node: newNode({ conditions: [{ type: 'Ready', status: 'True' }] }), want: undefined }
  ])('$name', async ({ node, want }) => {
    const { c, client } = fixture(node, t0)
    await c.syncNoScheduleTaints('n1')
    const patches = client.actions.filter((a) => a.verb === 'patch')
    if (want === undefined) { expect(patches).toEqual([]); return }
    expect(patches).toHaveLength(1)
    expect(patches[0]?.object).toEqual({ metadata: { uid: 'n1-uid', resourceVersion: '5' }, spec: { taints: want } })
  })
})

describe('NodeLifecycleController.monitor', () => {
  const statusWrites = (client: FakeClient): Node[] => client.actions.filter((a) => a.verb === 'update' && a.subresource === 'status').map((a) => a.object as Node)

  it.each<{ name: string, sinceCreationMs: number, wantUnknown: boolean }>([
    { name: 'leaves a node that never posted status alone within the 60 s startup grace period', sinceCreationMs: 50_000, wantUnknown: false },
    { name: 'marks a node that never posted status Unknown once the startup grace period since its creation is over', sinceCreationMs: 61_000, wantUnknown: true }
  ])('$name', async ({ sinceCreationMs, wantUnknown }) => {
    const { c, client, recorder } = fixture(newNode(), t0 + sinceCreationMs)
    await c.monitor()
    const writes = statusWrites(client)
    // a node that was never Ready does not become NotReady: only RegisteredNode is recorded
    expect(recorder.events).toEqual(['Normal RegisteredNode Node n1 event: Registered Node n1 in Controller'])
    if (!wantUnknown) { expect(writes).toEqual([]); return }
    expect(writes).toHaveLength(1)
    expect(writes[0]?.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => [t, 'Unknown', 'NodeStatusNeverUpdated', 'Kubelet never posted node status.']))
  })

  it('says the kubelet stopped posting for a condition it had posted', async () => {
    const { c, client, clock, recorder } = fixture(newNode({ conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: formatTime(t0) }] }), t0)
    await c.monitor()
    expect(statusWrites(client)).toEqual([])
    clock.step(41_000)
    await c.monitor()
    const ready = statusWrites(client)[0]?.status?.conditions?.find((x) => x.type === 'Ready')
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })
    expect(recorder.events.at(-1)).toBe('Normal NodeNotReady Node n1 status is now: NodeNotReady')
  })

  it('records RegisteredNode when it first sees a node and RemovingNode once the node is gone', async () => {
    const node = newNode({ conditions: [{ type: 'Ready', status: 'True' }] })
    const { c, recorder, nodes } = fixture(node, t0)
    await c.monitor()
    await c.monitor()
    nodes.remove(node)
    await c.monitor()
    expect(recorder.events).toEqual(['Normal RegisteredNode Node n1 event: Registered Node n1 in Controller', 'Normal RemovingNode Node n1 event: Removing Node n1 from Controller'])
  })
})
