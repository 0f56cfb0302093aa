import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { computeHash } from '../../controller-utils/hash.js'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { DeploymentController } from './deployment-controller.js'
import { newDeployment, ownedReplicaSet, t0 } from './test-fixtures.js'

function fixture (d: Deployment, rss: ReplicaSet[], now = t0) {
  const client = new FakeClient(() => now)
  client.seed(resources.deployments, d)
  client.seed(resources.replicaSets, ...rss)
  const dInformer = new FakeInformer<Deployment>([d])
  const rsInformer = new FakeInformer<ReplicaSet>(rss)
  const podInformer = new FakeInformer<Pod>([])
  const recorder = new FakeRecorder()
  const clock = new FakeClock(now)
  const controller = new DeploymentController({ client, dInformer, rsInformer, podInformer, recorder, logger: noopLogger, clock })
  return { client, recorder, controller, rsInformer, clock }
}

const rsWrites = (actions: FakeAction[]): string[] => actions
  .filter(a => a.resource === 'replicasets' && a.verb !== 'get' && a.verb !== 'list')
  .map(a => a.verb === 'delete' ? `delete ${a.name ?? ''}` : `${a.verb} ${(a.object as ReplicaSet).metadata?.name ?? ''}=${String((a.object as ReplicaSet).spec?.replicas)}`)

const hashOf = (image: string): string => computeHash(newDeployment({ image }).spec!.template)

describe('DeploymentController.sync', () => {
  it.each<{ name: string, d: Deployment, rss: ReplicaSet[], want: string[], events?: string[] }>([
    {
      name: 'creates the first ReplicaSet at full size, named with the template hash',
      d: newDeployment({ replicas: 10 }),
      rss: [],
      want: [`create web-${hashOf('v1')}=10`],
      events: [`Normal ScalingReplicaSet Scaled up replica set web-${hashOf('v1')} from 0 to 10`]
    },
    {
      name: 'starts a rolling update with maxSurge new pods and scales the old set down by maxUnavailable',
      d: newDeployment({ replicas: 10, image: 'v2' }),
      rss: [ownedReplicaSet('v1', { replicas: 10, revision: 1 })],
      want: [`create web-${hashOf('v2')}=3`, `update web-${hashOf('v1')}=8`],
      events: [`Normal ScalingReplicaSet Scaled up replica set web-${hashOf('v2')} from 0 to 3`, `Normal ScalingReplicaSet Scaled down replica set web-${hashOf('v1')} from 10 to 8`]
    },
    {
      name: 'does not scale the old set down while new pods are unavailable and availability is at the minimum',
      d: newDeployment({ replicas: 10, image: 'v2' }),
      rss: [ownedReplicaSet('v1', { replicas: 8, revision: 1 }), ownedReplicaSet('v2', { replicas: 5, available: 0, revision: 2 })],
      want: []
    },
    {
      name: 'counts surplus old pods still present against maxSurge',
      d: newDeployment({ replicas: 10, image: 'v2' }),
      rss: [{ ...ownedReplicaSet('v1', { replicas: 8, revision: 1 }), status: { replicas: 10, availableReplicas: 10, readyReplicas: 10 } }, ownedReplicaSet('v2', { replicas: 3, available: 0, revision: 2 })],
      want: []
    },
    {
      name: 'scales one old set away per step: an old set just scaled to zero whose pods are still going is not room to scale a second one (kubectl rollout restart with no ready pods)',
      d: newDeployment({ replicas: 1, image: 'v3', maxSurge: 1, maxUnavailable: 0 }),
      rss: [
        { ...ownedReplicaSet('v1', { replicas: 0, available: 0, revision: 1, desired: 1, maxReplicas: 2 }), status: { replicas: 1, availableReplicas: 0, readyReplicas: 0 } },
        ownedReplicaSet('v2', { replicas: 1, available: 0, revision: 2, desired: 1, maxReplicas: 2, created: '2026-01-01T00:01:00Z' }),
        ownedReplicaSet('v3', { replicas: 0, available: 0, revision: 3, desired: 1, maxReplicas: 2, created: '2026-01-01T00:02:00Z' })
      ],
      want: []
    },
    {
      name: 'finishes the rollout once new pods are available',
      d: newDeployment({ replicas: 10, image: 'v2' }),
      rss: [ownedReplicaSet('v1', { replicas: 2, revision: 1 }), ownedReplicaSet('v2', { replicas: 10, available: 10, revision: 2 })],
      want: [`update web-${hashOf('v1')}=0`]
    },
    {
      name: 'Recreate scales every old set to zero before creating the new one',
      d: newDeployment({ replicas: 4, image: 'v2', strategy: 'Recreate' }),
      rss: [ownedReplicaSet('v1', { replicas: 4, revision: 1, desired: 4, maxReplicas: 4 })],
      want: [`update web-${hashOf('v1')}=0`]
    },
    {
      name: 'Recreate creates the new set at full size once old pods are gone',
      d: newDeployment({ replicas: 4, image: 'v2', strategy: 'Recreate' }),
      rss: [{ ...ownedReplicaSet('v1', { replicas: 0, revision: 1, desired: 4, maxReplicas: 4 }), status: { replicas: 0 } }],
      want: [`create web-${hashOf('v2')}=4`]
    },
    {
      name: 'a paused Deployment with a new template creates nothing',
      d: newDeployment({ replicas: 10, image: 'v2', paused: true }),
      rss: [ownedReplicaSet('v1', { replicas: 10, revision: 1 })],
      want: []
    },
    {
      name: 'a replicas change scales the only active set directly',
      d: newDeployment({ replicas: 4 }),
      rss: [ownedReplicaSet('v1', { replicas: 10, revision: 1 })],
      want: [`update web-${hashOf('v1')}=4`]
    },
    {
      name: 'a replicas change mid-rollout is shared proportionally between the sets',
      d: newDeployment({ replicas: 20, image: 'v2' }),
      rss: [ownedReplicaSet('v1', { replicas: 8, revision: 1, available: 8 }), ownedReplicaSet('v2', { replicas: 5, available: 0, revision: 2, created: '2026-01-02T00:00:00Z' })],
      // allowed 20+5=25, 12 to add: v1 gets round(8*25/13)-8 = 7, v2 round(5*25/13)-5 = 5
      want: [`update web-${hashOf('v1')}=15`, `update web-${hashOf('v2')}=10`]
    },
    {
      name: 'deletes settled old sets beyond revisionHistoryLimit, oldest revision first',
      d: newDeployment({ replicas: 2, image: 'v3', revisionHistoryLimit: 1, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 } }),
      rss: [
        ownedReplicaSet('v1', { replicas: 0, revision: 1, desired: 2, maxReplicas: 3 }),
        ownedReplicaSet('v2', { replicas: 0, revision: 2, desired: 2, maxReplicas: 3 }),
        ownedReplicaSet('v3', { replicas: 2, revision: 3, desired: 2, maxReplicas: 3 })
      ],
      want: [`delete web-${hashOf('v1')}`]
    }
  ])('$name', async ({ d, rss, want, events }) => {
    const f = fixture(d, rss)
    await f.controller.sync('ns/web')
    expect(rsWrites(f.client.actions)).toEqual(want)
    if (events !== undefined) expect(f.recorder.events).toEqual(events)
  })

  it('retries without counting a hash collision when the new ReplicaSet exists but its informer has not caught up', async () => {
    const d = newDeployment({ replicas: 2 })
    const f = fixture(d, [])
    f.client.seed(resources.replicaSets, ownedReplicaSet('v1', { replicas: 2, revision: 1 }))
    await expect(f.controller.sync('ns/web')).rejects.toThrow('is not in the cache yet')
    const deploymentWrites = f.client.actions.filter(a => a.resource === 'deployments' && a.verb !== 'get' && a.verb !== 'list')
    expect(deploymentWrites.map(a => (a.object as Deployment).status?.collisionCount)).not.toContain(1)
    expect(rsWrites(f.client.actions)).toEqual([`create web-${hashOf('v1')}=2`])
  })

  it('rolls back by reusing the old ReplicaSet under a new revision, recording the old one in history', async () => {
    const f = fixture(newDeployment({ replicas: 2, image: 'v1' }), [
      ownedReplicaSet('v1', { replicas: 0, revision: 1, desired: 2, maxReplicas: 3 }),
      ownedReplicaSet('v2', { replicas: 2, revision: 2, desired: 2, maxReplicas: 3 })
    ])
    await f.controller.sync('ns/web')
    const first = f.client.actions.find(a => a.verb === 'update' && a.resource === 'replicasets')?.object as ReplicaSet
    expect(first.metadata?.name).toBe(`web-${hashOf('v1')}`)
    expect(first.metadata?.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' })
  })

  it('stamps the revision on the Deployment and writes Progressing and Available conditions', async () => {
    const f = fixture(newDeployment({ replicas: 10 }), [])
    await f.controller.sync('ns/web')
    const last = f.client.tracked<Deployment>(resources.deployments)[0]
    expect(last?.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(last?.status?.conditions?.map(c => [c.type, c.status, c.reason])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated'],
      ['Available', 'False', 'MinimumReplicasUnavailable']
    ])
    expect(last?.status?.observedGeneration).toBe(1)
  })

  it('marks a complete rollout NewReplicaSetAvailable with upstream wording', async () => {
    const f = fixture(newDeployment({ replicas: 2 }), [ownedReplicaSet('v1', { replicas: 2, revision: 1, desired: 2, maxReplicas: 3 })])
    await f.controller.sync('ns/web')
    const d = f.client.tracked<Deployment>(resources.deployments)[0]
    expect(d?.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 })
    expect(d?.status?.conditions?.find(c => c.type === 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hashOf('v1')}" has successfully progressed.` })
    expect(d?.status?.conditions?.find(c => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' })
  })

  it('reports ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', async () => {
    const since = '2026-01-01T00:00:00Z'
    const status: Deployment['status'] = {
      observedGeneration: 1, replicas: 13, updatedReplicas: 5, readyReplicas: 8, availableReplicas: 8, unavailableReplicas: 5,
      conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'x', lastUpdateTime: since, lastTransitionTime: since }]
    }
    const f = fixture(newDeployment({ replicas: 10, image: 'v2', progressDeadlineSeconds: 60, status }), [ownedReplicaSet('v1', { replicas: 8, revision: 1 }), ownedReplicaSet('v2', { replicas: 5, available: 0, revision: 2 })], t0 + 61_000)
    await f.controller.sync('ns/web')
    const d = f.client.tracked<Deployment>(resources.deployments)[0]
    expect(d?.status?.conditions?.find(c => c.type === 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "web-${hashOf('v2')}" has timed out progressing.` })
  })

  it('adds the DeploymentPaused condition when paused', async () => {
    const f = fixture(newDeployment({ replicas: 1, paused: true }), [ownedReplicaSet('v1', { replicas: 1, revision: 1, desired: 1, maxReplicas: 2 })])
    await f.controller.sync('ns/web')
    const d = f.client.tracked<Deployment>(resources.deployments)[0]
    expect(d?.status?.conditions?.find(c => c.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' })
  })

  it('warns and stops for a selector that selects everything', async () => {
    const d = newDeployment()
    d.spec!.selector = {}
    const f = fixture(d, [])
    await f.controller.sync('ns/web')
    expect(f.recorder.events).toEqual(['Warning SelectingAll This deployment is selecting all pods. A non-empty selector is required.'])
    expect(rsWrites(f.client.actions)).toEqual([])
  })
})
