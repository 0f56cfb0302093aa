import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'
import { PodWatcher } from './pod-watcher.js'

jest.setTimeout(180_000)

const deployment = (image: string): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 10,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } }
  }
})

async function rolledOut (c: Cluster, image: string): Promise<Deployment | undefined> {
  const d = await c.client.resource<Deployment>(resources.deployments).get('default', 'web')
  const s = d.status ?? {}
  const done = d.spec?.template.spec?.containers[0]?.image === image && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    s.updatedReplicas === 10 && s.replicas === 10 && s.availableReplicas === 10
  return done ? d : undefined
}

describe('deployment rollouts against the real apiserver', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    stopKubelet = markPodsReady(c.client, 'default', 300)
  })
  afterAll(async () => {
    await stopKubelet()
    await c.stop()
  })

  it('rolls 10 replicas with maxSurge 25% within 13 pods and 8 ready, then undoes to the previous template', async () => {
    c.startControllerManager()
    const watcher = new PodWatcher(c.client, 'default')
    await watcher.start()
    await c.client.resource<Deployment>(resources.deployments).create('default', deployment('busybox:v1'))
    await waitFor('first rollout', async () => await rolledOut(c, 'busybox:v1'))
    expect(watcher.maxPods).toBe(10)

    watcher.judgeAvailability = true
    await c.client.resource<Deployment>(resources.deployments).patch('default', 'web', 'merge', { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:v2' }] } } } })
    const status = await c.kubectl(['rollout', 'status', 'deployment/web', '--timeout=90s'])
    expect(status).toMatchObject({ code: 0 })
    expect(status.stdout).toContain('successfully rolled out')
    const d2 = await waitFor('second rollout', async () => await rolledOut(c, 'busybox:v2'))
    expect(d2.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(watcher.maxPods).toBeLessThanOrEqual(13)
    expect(watcher.maxPods).toBeGreaterThan(10)
    expect(watcher.minReady).toBeGreaterThanOrEqual(8)

    const undo = await c.kubectl(['rollout', 'undo', 'deployment/web'])
    expect(undo).toMatchObject({ code: 0 })
    const d3 = await waitFor('rollback', async () => await rolledOut(c, 'busybox:v1'))
    expect(d3.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3')
    expect(watcher.maxPods).toBeLessThanOrEqual(13)
    expect(watcher.minReady).toBeGreaterThanOrEqual(8)
    const rss = await c.client.resource<ReplicaSet>(resources.replicaSets).list('default')
    // the revision-1 ReplicaSet was reused for revision 3, so there are exactly two
    expect(rss.items.map(rs => [rs.spec?.template.spec?.containers[0]?.image, rs.spec?.replicas, rs.metadata?.annotations?.['deployment.kubernetes.io/revision']]).sort())
      .toEqual([['busybox:v1', 10, '3'], ['busybox:v2', 0, '2']])
    const history = await c.kubectl(['rollout', 'history', 'deployment/web'])
    expect(history.stdout).toMatch(/2\s+<none>[\s\S]*3\s+<none>/)
    await watcher.stop()
  })
})
