import type { ControllerRevision, StatefulSet, StatefulSetSpec } from 'kubernetes-types/apps/v1.js'
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { computeHash } from '../../controller-utils/hash.js'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { StatefulSetController } from './statefulset-controller.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')

function newSet (spec: Partial<StatefulSetSpec> = {}, image = 'nginx:1', status?: StatefulSet['status']): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'ns', uid: 'set-uid', generation: 1, resourceVersion: '9' },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      ...spec,
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c', image }] } }
    },
    ...(status !== undefined ? { status } : {})
  }
}

const revData = (set: StatefulSet): unknown => ({ spec: { template: { ...set.spec?.template, $patch: 'replace' } } })
const revName = (set: StatefulSet): string => `web-${computeHash(revData(set), undefined)}`
const revisionOf = (set: StatefulSet, revision: number): ControllerRevision => ({
  apiVersion: 'apps/v1', kind: 'ControllerRevision', revision, data: revData(set) as ControllerRevision['data'],
  metadata: { name: revName(set), namespace: 'ns', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true }] }
})

const oldSet = newSet({}, 'nginx:0')

function setPod (ordinal: number, rev: string, o: { ready?: boolean, phase?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${ordinal}`, namespace: 'ns', uid: `uid-${ordinal}`, resourceVersion: '3',
      labels: { app: 'nginx', 'controller-revision-hash': rev, 'statefulset.kubernetes.io/pod-name': `web-${ordinal}` },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true }]
    },
    spec: { containers: [{ name: 'c' }] },
    status: { phase: o.phase ?? 'Running', conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: new Date(t0).toISOString() }] }
  }
}

function fixture (set: StatefulSet, pods: Pod[], revisions: ControllerRevision[], pvcs: PersistentVolumeClaim[] = []) {
  const client = new FakeClient(() => t0)
  client.seed(resources.statefulSets, set)
  client.seed(resources.pods, ...pods)
  client.seed(resources.controllerRevisions, ...revisions)
  const recorder = new FakeRecorder()
  const controller = new StatefulSetController({
    client,
    setInformer: new FakeInformer<StatefulSet>([set]),
    podInformer: new FakeInformer<Pod>(pods),
    revisionInformer: new FakeInformer<ControllerRevision>(revisions),
    pvcInformer: new FakeInformer<PersistentVolumeClaim>(pvcs),
    recorder,
    logger: noopLogger,
    clock: new FakeClock(t0 + 60_000)
  })
  return { client, recorder, controller }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource}${a.subresource !== undefined ? `/${a.subresource}` : ''}${a.name !== undefined ? ` ${a.name}` : ''}`

describe('StatefulSetController.sync', () => {
  const cur = newSet()
  const r = revName(cur)
  it.each<{ name: string, set: StatefulSet, pods: Pod[], revisions?: ControllerRevision[], want: string[], status?: Record<string, unknown> }>([
    {
      name: 'OrderedReady creates only the first pod, after its claim',
      set: newSet({ volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }] }),
      pods: [],
      want: ['create persistentvolumeclaims www-web-0', 'create pods web-0', 'update statefulsets/status web']
    },
    { name: 'OrderedReady waits for a pod that is not yet Running and Ready', set: cur, pods: [setPod(0, r, { ready: false })], want: ['update statefulsets/status web'], status: { replicas: 1, readyReplicas: 0 } },
    { name: 'OrderedReady creates the next ordinal once its predecessor is ready', set: cur, pods: [setPod(0, r)], want: ['create pods web-1', 'update statefulsets/status web'] },
    { name: 'Parallel creates every missing pod at once', set: newSet({ podManagementPolicy: 'Parallel' }), pods: [setPod(1, r, { ready: false })], want: ['create pods web-0', 'create pods web-2', 'update statefulsets/status web'] },
    { name: 'scaling down removes the highest ordinal first, one at a time', set: newSet({ replicas: 1 }), pods: [setPod(0, r), setPod(1, r), setPod(2, r)], want: ['delete pods web-2', 'update statefulsets/status web'] },
    { name: 'OrderedReady does not scale down while another pod is unhealthy', set: newSet({ replicas: 1 }), pods: [setPod(0, r, { ready: false }), setPod(1, r)], want: ['update statefulsets/status web'] },
    { name: 'Parallel scales down all surplus pods together', set: newSet({ replicas: 1, podManagementPolicy: 'Parallel' }), pods: [setPod(0, r), setPod(1, r), setPod(2, r)], want: ['delete pods web-2', 'delete pods web-1', 'update statefulsets/status web'] },
    { name: 'replaces a failed pod', set: cur, pods: [setPod(0, r, { phase: 'Failed' })], want: ['delete pods web-0', 'update statefulsets/status web'] },
    {
      name: 'a rolling update deletes the highest outdated ordinal first',
      set: newSet({}, 'nginx:1', { currentRevision: revName(oldSet) }),
      pods: [setPod(0, revName(oldSet)), setPod(1, revName(oldSet)), setPod(2, revName(oldSet))],
      revisions: [revisionOf(oldSet, 1), revisionOf(cur, 2)],
      want: ['delete pods web-2', 'update statefulsets/status web'],
      status: { currentRevision: revName(oldSet), updateRevision: r, currentReplicas: 3, updatedReplicas: 0 }
    },
    {
      name: 'a rolling update stops at the partition',
      set: newSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, 'nginx:1', { currentRevision: revName(oldSet) }),
      pods: [setPod(0, revName(oldSet)), setPod(1, revName(oldSet)), setPod(2, r)],
      revisions: [revisionOf(oldSet, 1), revisionOf(cur, 2)],
      want: ['update statefulsets/status web'],
      status: { currentReplicas: 2, updatedReplicas: 1 }
    },
    {
      name: 'OnDelete never deletes outdated pods',
      set: newSet({ updateStrategy: { type: 'OnDelete' } }, 'nginx:1', { currentRevision: revName(oldSet) }),
      pods: [setPod(0, revName(oldSet)), setPod(1, revName(oldSet)), setPod(2, revName(oldSet))],
      revisions: [revisionOf(oldSet, 1), revisionOf(cur, 2)],
      want: ['update statefulsets/status web']
    },
    {
      name: 'the update revision becomes current once every replica runs it',
      set: newSet({}, 'nginx:1', { currentRevision: revName(oldSet) }),
      pods: [setPod(0, r), setPod(1, r), setPod(2, r)],
      revisions: [revisionOf(oldSet, 1), revisionOf(cur, 2)],
      want: ['update statefulsets/status web'],
      status: { currentRevision: r, updateRevision: r, currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 }
    }
  ])('$name', async ({ set, pods, revisions, want, status }) => {
    const f = fixture(set, pods, revisions ?? [revisionOf(set, 1)])
    await f.controller.sync('ns/web')
    expect(f.client.writes().map(summary)).toEqual(want)
    if (status !== undefined) expect(f.client.tracked<StatefulSet>(resources.statefulSets)[0]?.status).toMatchObject(status)
  })

  it('recreates a pod below the partition from the current revision template', async () => {
    const set = newSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }, 'nginx:1', { currentRevision: revName(oldSet) })
    const f = fixture(set, [setPod(1, revName(oldSet)), setPod(2, r)], [revisionOf(oldSet, 1), revisionOf(cur, 2)])
    await f.controller.sync('ns/web')
    const pod = f.client.tracked<Pod>(resources.pods).find(p => p.metadata?.name === 'web-0')
    expect(pod?.spec?.containers[0]?.image).toBe('nginx:0')
    expect(pod?.metadata?.labels?.['controller-revision-hash']).toBe(revName(oldSet))
    expect(f.recorder.events).toEqual(['Normal SuccessfulCreate create Pod web-0 in StatefulSet web successful'])
  })

  it('records the template as the first ControllerRevision', async () => {
    const f = fixture(cur, [], [])
    await f.controller.sync('ns/web')
    expect(f.client.tracked<ControllerRevision>(resources.controllerRevisions)).toEqual([expect.objectContaining({ revision: 1, metadata: expect.objectContaining({ name: r }) })])
    expect(f.client.tracked<Pod>(resources.pods)[0]?.metadata?.labels?.['controller-revision-hash']).toBe(r)
  })
})
