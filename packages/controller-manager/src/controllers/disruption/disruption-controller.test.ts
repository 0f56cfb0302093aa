import type { ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformerFactory } from '../../controller-utils/testing/fake-informers.js'
import { DisruptionController } from './disruption-controller.js'

const rs: ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'ns', uid: 'rs-uid' }, spec: { replicas: 4, selector: { matchLabels: { app: 'web' } } } }
const pod = (name: string, ready: boolean, owned = true): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', labels: { app: 'web' }, ...(owned ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true }] } : {}) },
  spec: { containers: [] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] }
})
const pdb = (spec: PodDisruptionBudget['spec']): PodDisruptionBudget => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'b', namespace: 'ns', generation: 2 }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } })

describe('DisruptionController.sync', () => {
  it.each<{ name: string, spec: PodDisruptionBudget['spec'], pods: Pod[], want: object, reason: string }>([
    { name: 'allows disruptions above an integer minAvailable', spec: { minAvailable: 1 }, pods: [pod('a', true), pod('b', true), pod('c', false)], want: { currentHealthy: 2, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 1 }, reason: 'SufficientPods' },
    { name: 'uses the owning controller scale for maxUnavailable', spec: { maxUnavailable: 1 }, pods: [pod('a', true), pod('b', true), pod('c', true)], want: { currentHealthy: 3, desiredHealthy: 3, expectedPods: 4, disruptionsAllowed: 0 }, reason: 'InsufficientPods' },
    { name: 'rounds a minAvailable percentage up against the scale', spec: { minAvailable: '50%' }, pods: [pod('a', true), pod('b', true), pod('c', true)], want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 1 }, reason: 'SufficientPods' },
    { name: 'fails safe for pods without a controller', spec: { maxUnavailable: '25%' }, pods: [pod('a', true, false)], want: { disruptionsAllowed: 0 }, reason: 'SyncFailed' }
  ])('$name', async ({ spec, pods, want, reason }) => {
    const client = new FakeClient(() => 0)
    client.seed(resources.podDisruptionBudgets, pdb(spec))
    const f = new FakeInformerFactory({ poddisruptionbudgets: [pdb(spec)], pods, replicasets: [rs] })
    const c = new DisruptionController({
      client, pdbInformer: f.forResource(resources.podDisruptionBudgets), podInformer: f.forResource(resources.pods), rsInformer: f.forResource(resources.replicaSets),
      deploymentInformer: f.forResource(resources.deployments), statefulSetInformer: f.forResource(resources.statefulSets), rcInformer: f.forResource(resources.replicationControllers), logger: noopLogger, clock: new FakeClock(0)
    })
    await c.sync('ns/b')
    const status = (client.actions.find((a) => a.verb === 'update')?.object as PodDisruptionBudget).status
    expect(status).toMatchObject({ ...want, observedGeneration: 2 })
    expect(status?.conditions?.[0]).toMatchObject({ type: 'DisruptionAllowed', reason })
  })
})
