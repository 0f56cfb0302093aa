import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { PodGcController } from './pod-gc-controller.js'

const pod = (name: string, o: { phase?: string, node?: string, created?: string, deleting?: boolean } = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `${name}-uid`, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z', ...(o.deleting === true ? { deletionTimestamp: '2026-01-01T00:01:00Z' } : {}) },
  spec: { containers: [], ...(o.node !== undefined ? { nodeName: o.node } : {}) },
  status: { phase: o.phase ?? 'Running' }
})
const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } }

describe('PodGcController.gc', () => {
  it.each<{ name: string, pods: Pod[], threshold: number, liveNodes?: Node[], want: string[] }>([
    { name: 'deletes the oldest terminated pods above the threshold', threshold: 2, pods: [pod('new', { phase: 'Failed', node: 'n1', created: '2026-01-03T00:00:00Z' }), pod('old', { phase: 'Succeeded', node: 'n1', created: '2026-01-01T00:00:00Z' }), pod('mid', { phase: 'Failed', node: 'n1', created: '2026-01-02T00:00:00Z' }), pod('running', { node: 'n1' })], want: ['delete old'] },
    { name: 'keeps terminated pods when the threshold is off', threshold: 0, pods: [pod('a', { phase: 'Failed', node: 'n1' })], want: [] },
    { name: 'marks a pod on a deleted node Failed and force-deletes it', threshold: 10, pods: [pod('lost', { node: 'gone' })], want: ['get gone', 'patch lost status', 'delete lost'] },
    { name: 'keeps a pod whose node the cache has not seen yet', threshold: 10, pods: [pod('early', { node: 'new' })], liveNodes: [{ ...node, metadata: { name: 'new' } }], want: ['get new'] },
    { name: 'force-deletes unscheduled terminating pods', threshold: 10, pods: [pod('stuck', { deleting: true })], want: ['delete stuck'] }
  ])('$name', async ({ pods, threshold, liveNodes, want }) => {
    const client = new FakeClient(() => 0)
    for (const p of pods) client.seed(resources.pods, p)
    for (const n of liveNodes ?? []) client.seed(resources.nodes, n)
    const c = new PodGcController({ client, podInformer: new FakeInformer<Pod>(pods), nodeInformer: new FakeInformer<Node>([node]), logger: noopLogger, clock: new FakeClock(0), terminatedPodThreshold: threshold })
    await c.gc()
    expect(client.actions.map((a) => `${a.verb} ${a.name ?? ''}${a.subresource !== undefined ? ' ' + a.subresource : ''}`)).toEqual(want)
  })
})
