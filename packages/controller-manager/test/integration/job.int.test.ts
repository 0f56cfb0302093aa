import type { Job } from 'kubernetes-types/batch/v1.js'
import type { Event, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(150_000)

const job = (name: string, spec: Partial<Job['spec']>): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default' },
  spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } }
})

describe('Job and TTL-after-finished controllers against the real apiserver', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    c.startControllerManager({ controllers: ['job-controller', 'ttl-after-finished-controller'] })
  })
  afterAll(async () => { await c.stop() })

  const podsOf = async (name: string): Promise<Pod[]> =>
    (await c.client.resource<Pod>(resources.pods).list('default', { labelSelector: `batch.kubernetes.io/job-name=${name}` })).items
  /** Plays the kubelet: the pod's container exited with `code`. */
  const finish = async (pod: Pod, phase: 'Failed' | 'Succeeded'): Promise<void> => {
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
    await c.client.resource<Pod>(resources.pods).patch('default', pod.metadata?.name ?? '', 'merge', {
      status: { phase, containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: at } } }] }
    }, { subresource: 'status' })
  }

  it('fails a job with backoffLimit 2 after its third failed pod', async () => {
    await c.client.resource<Job>(resources.jobs).create('default', job('flaky', { backoffLimit: 2 }))
    for (let n = 1; n <= 3; n++) {
      const running = await waitFor(`pod ${n}`, async () => {
        const all = await podsOf('flaky')
        return all.length === n ? all.find(p => p.status?.phase !== 'Failed') : undefined
      })
      await finish(running, 'Failed')
    }
    const failed = await waitFor('Failed condition', async () => {
      const j = await c.client.resource<Job>(resources.jobs).get('default', 'flaky')
      return j.status?.conditions?.some(x => x.type === 'Failed' && x.status === 'True') === true ? j : undefined
    })
    expect(failed.status).toMatchObject({ failed: 3, active: 0 })
    expect(failed.status?.conditions?.find(x => x.type === 'Failed')).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })
    expect(await podsOf('flaky')).toHaveLength(3)
    const events = await waitFor('the BackoffLimitExceeded event', async () => {
      const evs = (await c.client.resource<Event>(resources.events).list('default')).items.filter(e => e.involvedObject.name === 'flaky')
      return evs.some(e => e.reason === 'BackoffLimitExceeded') ? evs : undefined
    })
    expect(events.filter(e => e.reason === 'SuccessfulCreate')).not.toHaveLength(0)
  })

  it('completes an Indexed job once every index succeeded, then the TTL controller deletes it', async () => {
    await c.client.resource<Job>(resources.jobs).create('default', job('indexed', { completions: 3, parallelism: 3, completionMode: 'Indexed', ttlSecondsAfterFinished: 1 }))
    const started = await waitFor('3 pods', async () => { const all = await podsOf('indexed'); return all.length === 3 ? all : undefined })
    expect(started.map(p => p.metadata?.annotations?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2'])
    for (const p of started) await finish(p, 'Succeeded')
    const done = await waitFor('Complete condition', async () => {
      const j = await c.client.resource<Job>(resources.jobs).get('default', 'indexed')
      return j.status?.conditions?.some(x => x.type === 'Complete' && x.status === 'True') === true ? j : undefined
    })
    expect(done.status).toMatchObject({ succeeded: 3, completedIndexes: '0-2', active: 0 })
    expect(done.status?.completionTime).toBeDefined()
    // foreground deletion: without a garbage collector the job stays with a deletionTimestamp
    await waitFor('the job to be deleted', async () => {
      try {
        const j = await c.client.resource<Job>(resources.jobs).get('default', 'indexed')
        return j.metadata?.deletionTimestamp != null ? true : undefined
      } catch { return true }
    })
  })
})
