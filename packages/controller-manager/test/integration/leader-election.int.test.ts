import type { Deployment } from 'kubernetes-types/apps/v1.js'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { resources } from '@kube-ts/client'
import { markPodsReady, startCluster, waitFor } from './harness.js'
import type { Cluster, ControllerManager } from './harness.js'
import { PodWatcher } from './pod-watcher.js'

jest.setTimeout(180_000)

const fastLease = { leaderElect: true, leaderElectLeaseDurationMs: 3000, leaderElectRenewDeadlineMs: 2000, leaderElectRetryPeriodMs: 500 }

const deployment = (image: string): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'ha', namespace: 'default' },
  spec: {
    replicas: 10,
    selector: { matchLabels: { app: 'ha' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: { metadata: { labels: { app: 'ha' } }, spec: { containers: [{ name: 'c', image }] } }
  }
})

async function holder (c: Cluster): Promise<string | undefined> {
  const lease = await c.client.resource<Lease>(resources.leases).get('kube-system', 'kube-controller-manager')
  return lease.spec?.holderIdentity ?? undefined
}

async function complete (c: Cluster, image: string): Promise<true | undefined> {
  const d = await c.client.resource<Deployment>(resources.deployments).get('default', 'ha')
  const s = d.status ?? {}
  return d.spec?.template.spec?.containers[0]?.image === image && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    s.updatedReplicas === 10 && s.replicas === 10 && s.availableReplicas === 10
    ? true
    : undefined
}

describe('kube-controller-manager leader election', () => {
  let c: Cluster
  let stopKubelet: () => Promise<void>
  beforeAll(async () => {
    c = await startCluster()
    // slow readiness keeps the rollout going long enough to kill its leader in the middle
    stopKubelet = markPodsReady(c.client, 'default', 1500)
  })
  afterAll(async () => {
    await stopKubelet()
    await c.stop()
  })

  it('a standby takes over a rollout when the leader is killed, without breaking maxSurge or maxUnavailable', async () => {
    const managers: Record<string, ControllerManager> = {
      a: c.startControllerManager(fastLease, 'kcm-a'),
      b: c.startControllerManager(fastLease, 'kcm-b')
    }
    const first = await waitFor('a leader', async () => await holder(c))
    expect(['kcm-a', 'kcm-b']).toContain(first)
    const watcher = new PodWatcher(c.client, 'default')
    await watcher.start()
    await c.client.resource<Deployment>(resources.deployments).create('default', deployment('busybox:v1'))
    await waitFor('first rollout', async () => await complete(c, 'busybox:v1'))

    watcher.judgeAvailability = true
    await c.client.resource<Deployment>(resources.deployments).patch('default', 'ha', 'merge', { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:v2' }] } } } })
    await waitFor('the rollout to start', async () => watcher.maxPods > 10 ? true : undefined)
    await managers[first === 'kcm-a' ? 'a' : 'b']?.stop()
    const second = await waitFor('a new leader', async () => { const h = await holder(c); return h !== undefined && h !== first ? h : undefined }, 30_000)
    expect(second).toBe(first === 'kcm-a' ? 'kcm-b' : 'kcm-a')
    await waitFor('the rollout to finish under the new leader', async () => await complete(c, 'busybox:v2'), 120_000)
    expect(watcher.maxPods).toBeLessThanOrEqual(13)
    expect(watcher.minReady).toBeGreaterThanOrEqual(8)
    await watcher.stop()
    await Promise.all(Object.values(managers).map(async m => await m.stop()))
  })

  it('a leader whose lease is taken away stops with "leaderelection lost"', async () => {
    const m = c.startControllerManager(fastLease, 'kcm-lonely')
    await waitFor('kcm-lonely to lead', async () => (await holder(c)) === 'kcm-lonely' ? true : undefined, 30_000)
    const leases = c.client.resource<Lease>(resources.leases)
    const lease = await leases.get('kube-system', 'kube-controller-manager')
    lease.spec = { ...lease.spec, holderIdentity: 'usurper', renewTime: new Date(Date.now() + 60_000).toISOString().replace('Z', '000Z').replace(/\.(\d{6})\d*Z$/, '.$1Z'), leaseDurationSeconds: 60 }
    await leases.update('kube-system', lease)
    await expect(m.done).rejects.toThrow('leaderelection lost')
  })

  it('serves /healthz, /readyz and per-controller work queue and sync metrics', async () => {
    const m = c.startControllerManager({ leaderElect: false })
    const port = await m.port
    await waitFor('a deployment sync', async () => {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
      return text.includes('controller_sync_duration_seconds_count{controller="deployment-controller"') ? text : undefined
    })
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
    for (const name of ['workqueue_depth{name="deployment"}', 'workqueue_adds_total{name="replicaset"}', 'workqueue_retries_total', 'workqueue_work_duration_seconds_bucket']) {
      expect(metrics).toContain(name)
    }
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok')
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200)
    await m.stop()
  })
})
