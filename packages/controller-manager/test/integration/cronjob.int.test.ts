import type { CronJob, Job } from 'kubernetes-types/batch/v1.js'
import { resources } from '@kube-ts/client'
import { startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(150_000)

describe('CronJob controller against the real apiserver', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    c.startControllerManager({ controllers: ['cronjob-controller', 'job-controller'] })
  })
  afterAll(async () => { await c.stop() })

  it('fires an every-minute schedule: creates an owned job named by the minute and lists it as active', async () => {
    const cj: CronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'tick', namespace: 'default' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } }
    }
    const created = await c.client.resource<CronJob>(resources.cronJobs).create('default', cj)
    const job = await waitFor('a job from the schedule', async () => {
      const jobs = (await c.client.resource<Job>(resources.jobs).list('default')).items
      return jobs.find(j => j.metadata?.ownerReferences?.some(r => r.uid === created.metadata?.uid))
    }, 90_000)
    const minute = Number(/^tick-(\d+)$/.exec(job.metadata?.name ?? '')?.[1])
    expect(minute * 60_000).toBeGreaterThan(Date.parse(created.metadata?.creationTimestamp ?? '') - 60_000)
    expect(job.metadata?.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date(minute * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    const status = await waitFor('status.active', async () => {
      const s = (await c.client.resource<CronJob>(resources.cronJobs).get('default', 'tick')).status
      return s?.active?.some(r => r.name === job.metadata?.name) === true ? s : undefined
    })
    expect(status.lastScheduleTime).toBe(new Date(minute * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    // the job controller picks the job up and starts its pod
    await waitFor('the job to report an active pod', async () => (await c.client.resource<Job>(resources.jobs).get('default', job.metadata?.name ?? '')).status?.active === 1 ? true : undefined)
  })
})
