import type { Pod } from 'kubernetes-types/core/v1.js'
import { ApiError, errForbidden } from '@kube-ts/api'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { ReplicaSetController } from './replicaset-controller.js'
import { newPod, newReplicaSet, t0 } from './test-fixtures.js'
import { replicaSetKind } from './workload-kind.js'
import type { ReplicatedObject } from './workload-kind.js'

function fixture (rss: ReplicatedObject[], pods: Pod[], opts: { burst?: number, now?: number } = {}) {
  const client = new FakeClient(() => opts.now ?? t0)
  client.seed(resources.replicaSets, ...rss)
  client.seed(resources.pods, ...pods)
  const clock = new FakeClock(opts.now ?? t0)
  const rsInformer = new FakeInformer<ReplicatedObject>(rss)
  const podInformer = new FakeInformer<Pod>(pods)
  const recorder = new FakeRecorder()
  const controller = new ReplicaSetController({ kind: replicaSetKind, client, rsInformer, podInformer, recorder, logger: noopLogger, clock, burst: opts.burst })
  return { client, clock, rsInformer, podInformer, recorder, controller }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource}${a.subresource !== undefined ? `/${a.subresource}` : ''}${a.name !== undefined && a.verb !== 'create' ? ` ${a.name}` : ''}`

describe('ReplicaSetController.sync', () => {
  it.each<{ name: string, rs: ReplicatedObject, pods: Pod[], want: string[] }>([
    {
      name: 'creates the missing pods and writes status',
      rs: newReplicaSet({ replicas: 3 }),
      pods: [newPod('p0')],
      want: ['create pods', 'create pods', 'update replicasets/status web']
    },
    {
      name: 'deletes the surplus pod, preferring the not-ready one',
      rs: newReplicaSet({ replicas: 2 }),
      pods: [newPod('ready1', { ready: true, node: 'n' }), newPod('notready', { node: 'n' }), newPod('ready2', { ready: true, node: 'n' })],
      want: ['delete pods notready', 'update replicasets/status web']
    },
    {
      name: 'deletes an unscheduled pod before a scheduled pending one',
      rs: newReplicaSet({ replicas: 1 }),
      pods: [newPod('pending', { phase: 'Pending', node: 'n' }), newPod('unscheduled', { phase: 'Pending' })],
      want: ['delete pods unscheduled', 'update replicasets/status web']
    },
    {
      name: 'adopts an orphan pod matching the selector instead of creating one',
      rs: newReplicaSet({ replicas: 1 }),
      pods: [newPod('orphan', { owner: null })],
      want: ['get replicasets web', 'patch pods orphan', 'update replicasets/status web']
    },
    {
      name: 'releases an owned pod whose labels stopped matching and replaces it',
      rs: newReplicaSet({ replicas: 1 }),
      pods: [newPod('relabelled', { labels: { app: 'other' } })],
      want: ['patch pods relabelled', 'create pods', 'update replicasets/status web']
    },
    {
      name: 'ignores pods controlled by another owner and finished pods',
      rs: newReplicaSet({ replicas: 1 }),
      pods: [newPod('foreign', { owner: newReplicaSet({ name: 'other', uid: 'other-uid' }) }), newPod('done', { phase: 'Succeeded' })],
      want: ['create pods', 'update replicasets/status web']
    },
    {
      name: 'does nothing but status when the count is right',
      rs: newReplicaSet({ replicas: 1 }),
      pods: [newPod('p0', { ready: true })],
      want: ['update replicasets/status web']
    },
    {
      name: 'writes nothing when status is already current',
      rs: newReplicaSet({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }),
      pods: [newPod('p0', { ready: true })],
      want: []
    },
    {
      name: 'does not create or delete while the ReplicaSet is being deleted',
      rs: newReplicaSet({ replicas: 3, deleting: true }),
      pods: [],
      want: ['update replicasets/status web']
    }
  ])('$name', async ({ rs, pods, want }) => {
    const f = fixture([rs], pods)
    await f.controller.sync('ns/web')
    expect(f.client.actions.map(summary)).toEqual(want)
  })

  it('stamps created pods with the template, a generated name and a controller reference', async () => {
    const f = fixture([newReplicaSet({ replicas: 1 })], [])
    await f.controller.sync('ns/web')
    const pod = f.client.actions[0]?.object as Pod
    expect(pod.metadata).toEqual({
      generateName: 'web-',
      labels: { app: 'web' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }]
    })
    expect(f.recorder.events).toEqual([expect.stringMatching(/^Normal SuccessfulCreate Created pod: web-/)])
  })

  it('computes status counts with minReadySeconds and requeues for the pending availability', async () => {
    const now = t0 + 5000
    const rs = newReplicaSet({ replicas: 2, minReadySeconds: 10, labels: { app: 'web' } })
    const f = fixture([rs], [newPod('a', { ready: true }), newPod('b', { ready: true, readySince: '2025-12-31T00:00:00Z' })], { now })
    await f.controller.sync('ns/web')
    const status = (f.client.actions.at(-1)?.object as ReplicatedObject).status
    expect(status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 })
    expect(f.controller.queue.len()).toBe(0)
    f.clock.step(10_000)
    expect(f.controller.queue.len()).toBe(1)
  })

  it('does not create again until the informer has seen the first creations', async () => {
    const f = fixture([newReplicaSet({ replicas: 2 })], [])
    await f.controller.sync('ns/web')
    f.client.clearActions()
    await f.controller.sync('ns/web')
    expect(f.client.writes().filter(a => a.verb === 'create')).toHaveLength(0)
    for (const p of f.client.tracked<Pod>(resources.pods)) f.podInformer.add(p)
    expect(f.controller.expectations.satisfied('ns/web')).toBe(true)
  })

  it('caps one sync at the burst size and creates in slow-start batches', async () => {
    const f = fixture([newReplicaSet({ replicas: 100 })], [], { burst: 10 })
    await f.controller.sync('ns/web')
    expect(f.client.writes().filter(a => a.verb === 'create')).toHaveLength(10)
  })

  it('neither retries nor reports creates refused because the namespace is being deleted, as upstream', async () => {
    const f = fixture([newReplicaSet({ replicas: 2 })], [])
    f.client.prependReactor('create', 'pods', () => { throw new ApiError(403, 'Forbidden', 'pods is forbidden: unable to create new content in namespace ns because it is being terminated', { causes: [{ reason: 'NamespaceTerminating', message: 'namespace ns is being terminated', field: 'metadata.namespace' }] }) })
    await expect(f.controller.sync('ns/web')).resolves.toBeUndefined()
    expect(f.recorder.events.filter(e => e.startsWith('Warning'))).toEqual([])
    const status = f.client.actions.filter(a => a.subresource === 'status').map(a => (a.object as ReplicatedObject).status)
    expect(status.flatMap(s => s?.conditions ?? [])).toEqual([])
  })

  it('stops after the first failing batch, records FailedCreate and a ReplicaFailure condition, and throws to retry', async () => {
    const f = fixture([newReplicaSet({ replicas: 10 })], [])
    let n = 0
    f.client.prependReactor('create', 'pods', () => { if (++n > 3) throw errForbidden('pods "web-x" is forbidden: exceeded quota'); return undefined })
    await expect(f.controller.sync('ns/web')).rejects.toMatchObject({ reason: 'Forbidden' })
    // batches 1, 2, 4: three succeed, the third batch fails
    expect(f.client.actions.filter(a => a.verb === 'create')).toHaveLength(7)
    expect(f.recorder.events.filter(e => e.startsWith('Warning FailedCreate'))).toHaveLength(4)
    const status = (f.client.actions.at(-1)?.object as ReplicatedObject).status
    expect(status?.conditions).toEqual([expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota' })])
    // failed and skipped creations are not waited for: only the three that succeeded still are
    expect(f.controller.expectations.pending('ns/web')).toEqual({ add: 3, del: 0 })
  })

  it('forgets expectations when the ReplicaSet is gone', async () => {
    const f = fixture([], [])
    f.controller.expectations.expectCreations('ns/web', 3)
    await f.controller.sync('ns/web')
    expect(f.client.actions).toEqual([])
    expect(f.controller.expectations.pending('ns/web')).toBeUndefined()
  })
})

describe('ReplicaSetController handlers', () => {
  it.each<{ name: string, act: (f: ReturnType<typeof fixture>) => void, want: number }>([
    { name: 'a new owned pod enqueues its ReplicaSet', act: f => f.podInformer.add(newPod('x')), want: 1 },
    { name: 'a new orphan pod enqueues matching ReplicaSets', act: f => f.podInformer.add(newPod('x', { owner: null })), want: 1 },
    { name: 'a new orphan pod with other labels enqueues nothing', act: f => f.podInformer.add(newPod('x', { owner: null, labels: { app: 'db' } })), want: 0 },
    { name: 'a resync with the same resourceVersion enqueues nothing', act: f => f.podInformer.update(newPod('p0')), want: 0 },
    { name: 'a deleted pod enqueues its ReplicaSet, even as a tombstone', act: f => f.podInformer.remove(newPod('p0'), true), want: 1 }
  ])('$name', ({ act, want }) => {
    const f = fixture([newReplicaSet()], [newPod('p0')])
    act(f)
    expect(f.controller.queue.len()).toBe(want)
  })

  it('observes a deletion once even when the pod is first seen terminating', async () => {
    const f = fixture([newReplicaSet({ replicas: 0 })], [newPod('p0')])
    await f.controller.sync('ns/web')
    expect(f.controller.expectations.satisfied('ns/web')).toBe(false)
    f.podInformer.update({ ...newPod('p0', { deleting: true }), metadata: { ...newPod('p0', { deleting: true }).metadata, resourceVersion: '6' } })
    expect(f.controller.expectations.satisfied('ns/web')).toBe(true)
  })
})
