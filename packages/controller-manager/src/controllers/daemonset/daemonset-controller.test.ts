import type { ControllerRevision, DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1.js'
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { computeHash } from '../../controller-utils/hash.js'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { DaemonSetController, targetNode } from './daemonset-controller.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const iso = (ms: number): string => new Date(ms).toISOString()

function newDs (spec: Partial<DaemonSetSpec> = {}, image = 'agent:1'): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'ns', uid: 'ds-uid', generation: 1, resourceVersion: '4' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      ...spec,
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image }], ...spec.template?.spec } }
    }
  }
}
const hashOf = (ds: DaemonSet): string => computeHash(ds.spec?.template, undefined)

function newNode (name: string, o: { labels?: Record<string, string>, taints?: NonNullable<Node['spec']>['taints'] } = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels }, resourceVersion: '1' }, spec: { taints: o.taints ?? [] } }
}

function dsPod (name: string, node: string, o: { hash?: string, ready?: boolean, phase?: string, created?: number } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: '2', creationTimestamp: iso(o.created ?? t0),
      labels: { app: 'agent', 'controller-revision-hash': o.hash ?? 'old' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true }]
    },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'agent' }] },
    status: { phase: o.phase ?? 'Running', conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(t0) }] }
  }
}

function fixture (ds: DaemonSet, nodes: Node[], pods: Pod[], revisions: ControllerRevision[] = []) {
  const client = new FakeClient(() => t0)
  client.seed(resources.daemonSets, ds)
  client.seed(resources.pods, ...pods)
  client.seed(resources.controllerRevisions, ...revisions)
  const recorder = new FakeRecorder()
  const controller = new DaemonSetController({
    client,
    dsInformer: new FakeInformer<DaemonSet>([ds]),
    podInformer: new FakeInformer<Pod>(pods),
    nodeInformer: new FakeInformer<Node>(nodes),
    revisionInformer: new FakeInformer<ControllerRevision>(revisions),
    recorder,
    logger: noopLogger,
    clock: new FakeClock(t0 + 60_000)
  })
  return { client, recorder, controller }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource}${a.subresource !== undefined ? `/${a.subresource}` : ''}${a.name !== undefined && a.verb !== 'create' ? ` ${a.name}` : ''}`
const currentRevision = (ds: DaemonSet): ControllerRevision => ({
  apiVersion: 'apps/v1', kind: 'ControllerRevision', revision: 1,
  metadata: { name: `agent-${hashOf(ds)}`, namespace: 'ns', labels: { 'controller-revision-hash': hashOf(ds) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true }] }
})

describe('DaemonSetController.sync', () => {
  it.each<{ name: string, ds: DaemonSet, nodes: Node[], pods: (ds: DaemonSet) => Pod[], want: string[], events?: string[], status?: Record<string, unknown> }>([
    {
      name: 'creates one pod on every node that matches the node selector',
      ds: newDs({ template: { spec: { nodeSelector: { role: 'edge' }, containers: [] } } }),
      nodes: [newNode('a', { labels: { role: 'edge' } }), newNode('b', { labels: { role: 'edge' } }), newNode('c')],
      pods: () => [],
      want: ['create pods', 'create pods', 'update daemonsets/status agent'],
      status: { desiredNumberScheduled: 2, currentNumberScheduled: 0, numberUnavailable: 2 }
    },
    {
      name: 'skips a node with an untolerated NoSchedule taint but runs on a cordoned one',
      ds: newDs(),
      nodes: [newNode('tainted', { taints: [{ key: 'gpu', effect: 'NoSchedule' }] }), newNode('cordoned', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] })],
      pods: () => [],
      want: ['create pods', 'update daemonsets/status agent'],
      status: { desiredNumberScheduled: 1 }
    },
    {
      name: 'deletes the pod from a node whose NoExecute taint it does not tolerate',
      ds: newDs(),
      nodes: [newNode('a', { taints: [{ key: 'evict', effect: 'NoExecute' }] })],
      pods: (ds) => [dsPod('p-a', 'a', { hash: hashOf(ds) })],
      want: ['delete pods p-a', 'update daemonsets/status agent'],
      status: { desiredNumberScheduled: 0, numberMisscheduled: 1 }
    },
    {
      name: 'keeps the oldest of two pods on one node',
      ds: newDs(),
      nodes: [newNode('a')],
      pods: (ds) => [dsPod('young', 'a', { hash: hashOf(ds), created: t0 + 1000 }), dsPod('old', 'a', { hash: hashOf(ds) })],
      want: ['delete pods young', 'update daemonsets/status agent']
    },
    {
      name: 'kills a failed daemon pod with a FailedDaemonPod event',
      ds: newDs(),
      nodes: [newNode('a')],
      pods: (ds) => [dsPod('broken', 'a', { hash: hashOf(ds), phase: 'Failed' })],
      want: ['delete pods broken', 'update daemonsets/status agent'],
      events: ['Warning FailedDaemonPod Found failed daemon pod ns/broken on node a, will try to kill it', 'Normal SuccessfulDelete Deleted pod: broken']
    },
    {
      name: 'rolling update deletes maxUnavailable outdated pods at a time',
      ds: newDs(),
      nodes: [newNode('a'), newNode('b'), newNode('c')],
      pods: () => [dsPod('pa', 'a'), dsPod('pb', 'b'), dsPod('pc', 'c')],
      want: ['delete pods pa', 'update daemonsets/status agent'],
      status: { desiredNumberScheduled: 3, updatedNumberScheduled: 0, numberAvailable: 3 }
    },
    {
      name: 'rolling update with maxSurge starts the new pod beside the old one',
      ds: newDs({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }),
      nodes: [newNode('a'), newNode('b')],
      pods: () => [dsPod('pa', 'a'), dsPod('pb', 'b')],
      want: ['create pods', 'update daemonsets/status agent']
    },
    {
      name: 'OnDelete leaves outdated pods alone',
      ds: newDs({ updateStrategy: { type: 'OnDelete' } }),
      nodes: [newNode('a')],
      pods: () => [dsPod('pa', 'a')],
      want: ['update daemonsets/status agent'],
      status: { currentNumberScheduled: 1, updatedNumberScheduled: 0, numberReady: 1 }
    },
    {
      name: 'a settled daemon set only reports status once',
      ds: { ...newDs(), status: { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1, observedGeneration: 1 } },
      nodes: [newNode('a')],
      pods: (ds) => [dsPod('pa', 'a', { hash: hashOf(ds) })],
      want: []
    }
  ])('$name', async ({ ds, nodes, pods, want, events, status }) => {
    const f = fixture(ds, nodes, pods(ds), [currentRevision(ds)])
    await f.controller.sync('ns/agent')
    expect(f.client.writes().map(summary)).toEqual(want)
    if (events !== undefined) expect(f.recorder.events).toEqual(events)
    if (status !== undefined) expect(f.client.tracked<DaemonSet>(resources.daemonSets)[0]?.status).toMatchObject(status)
  })

  it('pins new pods to their node with affinity, default tolerations and the revision hash', async () => {
    const ds = newDs()
    const f = fixture(ds, [newNode('a')], [])
    await f.controller.sync('ns/agent')
    const pod = f.client.tracked<Pod>(resources.pods)[0] as Pod
    expect(targetNode(pod)).toBe('a')
    expect(pod.spec?.nodeName).toBeUndefined()
    expect(pod.metadata?.labels).toEqual({ app: 'agent', 'controller-revision-hash': hashOf(ds), 'pod-template-generation': '1' })
    expect(pod.spec?.tolerations?.map(t => `${t.key ?? ''}:${t.effect ?? ''}`)).toEqual(expect.arrayContaining(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unschedulable:NoSchedule']))
  })

  it('records history in a ControllerRevision and bumps an older one back on rollback', async () => {
    const ds = newDs()
    const f = fixture(ds, [], [])
    await f.controller.sync('ns/agent')
    const revs = f.client.tracked<ControllerRevision>(resources.controllerRevisions)
    expect(revs).toEqual([expect.objectContaining({ revision: 1, metadata: expect.objectContaining({ name: `agent-${hashOf(ds)}` }) })])
    expect((revs[0]?.data as { spec: { template: { $patch: string } } }).spec.template.$patch).toBe('replace')
    const newer: ControllerRevision = { ...currentRevision(newDs({}, 'agent:2')), revision: 2 }
    const g = fixture(ds, [], [], [{ ...currentRevision(ds), revision: 1 }, newer])
    await g.controller.sync('ns/agent')
    expect(g.client.writes().map(summary)).toContain(`update controllerrevisions agent-${hashOf(ds)}`)
    expect(g.client.tracked<ControllerRevision>(resources.controllerRevisions).find(r => r.metadata?.name === `agent-${hashOf(ds)}`)?.revision).toBe(3)
  })
})
