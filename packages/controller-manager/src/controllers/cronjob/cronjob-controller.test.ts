import type { CronJob, CronJobSpec, Job } from 'kubernetes-types/batch/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { CronJobController } from './cronjob-controller.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const min = 60_000
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

function newCronJob (spec: Partial<CronJobSpec> = {}, status: CronJob['status'] = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'ns', uid: 'cj-uid', resourceVersion: '3', creationTimestamp: iso(t0) },
    spec: {
      schedule: '*/5 * * * *',
      concurrencyPolicy: 'Allow',
      ...spec,
      jobTemplate: { metadata: { labels: { app: 'hello' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } }
    },
    status
  }
}

function childJob (name: string, o: { finished?: 'Complete' | 'Failed', started?: number } = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: '7', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true }] },
    spec: { template: {} },
    status: {
      ...(o.started !== undefined ? { startTime: iso(o.started) } : {}),
      ...(o.finished === 'Complete' ? { completionTime: iso((o.started ?? t0) + min) } : {}),
      ...(o.finished !== undefined ? { conditions: [{ type: o.finished, status: 'True' }] } : {})
    }
  }
}

const activeRef = (name: string): { kind: string, namespace: string, name: string, uid: string, apiVersion: string } => ({ kind: 'Job', namespace: 'ns', name, uid: `uid-${name}`, apiVersion: 'batch/v1' })
const jobAt = (ms: number): string => `hello-${ms / min}`

function fixture (cj: CronJob, jobs: Job[], now: number) {
  const client = new FakeClient(() => now)
  client.seed(resources.cronJobs, cj)
  client.seed(resources.jobs, ...jobs)
  const clock = new FakeClock(now)
  const cronJobInformer = new FakeInformer<CronJob>([cj])
  const jobInformer = new FakeInformer<Job>(jobs)
  const recorder = new FakeRecorder()
  const controller = new CronJobController({ client, cronJobInformer, jobInformer, recorder, logger: noopLogger, clock })
  return { client, clock, cronJobInformer, jobInformer, recorder, controller }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource}${a.subresource !== undefined ? `/${a.subresource}` : ''}${a.name !== undefined ? ` ${a.name}` : ''}`
const statusOf = (c: FakeClient): CronJob['status'] => c.tracked<CronJob>(resources.cronJobs)[0]?.status

describe('CronJobController.sync', () => {
  it.each<{ name: string, cj: CronJob, jobs?: Job[], now: number, want: string[], events?: string[], status?: Record<string, unknown> }>([
    { name: 'does nothing before the first activation', cj: newCronJob(), now: t0 + 4 * min, want: [] },
    {
      name: 'creates the job for a due activation and records it as active',
      cj: newCronJob(),
      now: t0 + 5 * min + 3000,
      want: [`create jobs ${jobAt(t0 + 5 * min)}`, 'update cronjobs/status hello'],
      events: [`Normal SuccessfulCreate Created job ${jobAt(t0 + 5 * min)}`],
      status: { lastScheduleTime: iso(t0 + 5 * min), active: [expect.objectContaining({ kind: 'Job', name: jobAt(t0 + 5 * min) })] }
    },
    {
      name: 'starts only the most recent of several missed activations',
      cj: newCronJob(),
      now: t0 + 17 * min,
      want: [`create jobs ${jobAt(t0 + 15 * min)}`, 'update cronjobs/status hello'],
      status: { lastScheduleTime: iso(t0 + 15 * min) }
    },
    {
      name: 'ignores an activation older than startingDeadlineSeconds',
      cj: newCronJob({ startingDeadlineSeconds: 200, schedule: '0 * * * *' }, { lastScheduleTime: iso(t0) }),
      now: t0 + 60 * min + 250_000,
      want: [],
      events: []
    },
    {
      name: 'does not start a suspended cronjob',
      cj: newCronJob({ suspend: true }),
      now: t0 + 5 * min,
      want: []
    },
    {
      name: 'Forbid leaves a running job alone and starts nothing',
      cj: newCronJob({ concurrencyPolicy: 'Forbid' }, { lastScheduleTime: iso(t0 + 5 * min), active: [activeRef(jobAt(t0 + 5 * min))] }),
      jobs: [childJob(jobAt(t0 + 5 * min))],
      now: t0 + 10 * min,
      want: [],
      events: ['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid']
    },
    {
      name: 'Allow starts a second job next to a running one',
      cj: newCronJob({}, { lastScheduleTime: iso(t0 + 5 * min), active: [activeRef(jobAt(t0 + 5 * min))] }),
      jobs: [childJob(jobAt(t0 + 5 * min))],
      now: t0 + 10 * min,
      want: [`create jobs ${jobAt(t0 + 10 * min)}`, 'update cronjobs/status hello'],
      status: { active: [expect.objectContaining({ name: jobAt(t0 + 5 * min) }), expect.objectContaining({ name: jobAt(t0 + 10 * min) })] }
    },
    {
      name: 'Replace deletes the running job before starting the new one',
      cj: newCronJob({ concurrencyPolicy: 'Replace' }, { lastScheduleTime: iso(t0 + 5 * min), active: [activeRef(jobAt(t0 + 5 * min))] }),
      jobs: [childJob(jobAt(t0 + 5 * min))],
      now: t0 + 10 * min,
      want: [`delete jobs ${jobAt(t0 + 5 * min)}`, `create jobs ${jobAt(t0 + 10 * min)}`, 'update cronjobs/status hello'],
      events: [`Normal SuccessfulDelete Deleted job ${jobAt(t0 + 5 * min)}`, `Normal SuccessfulCreate Created job ${jobAt(t0 + 10 * min)}`],
      status: { active: [expect.objectContaining({ name: jobAt(t0 + 10 * min) })] }
    },
    {
      name: 'moves a finished job out of active and records the last success',
      cj: newCronJob({}, { lastScheduleTime: iso(t0 + 5 * min), active: [activeRef(jobAt(t0 + 5 * min))] }),
      jobs: [childJob(jobAt(t0 + 5 * min), { finished: 'Complete', started: t0 + 5 * min })],
      now: t0 + 7 * min,
      want: ['update cronjobs/status hello'],
      events: [`Normal SawCompletedJob Saw completed job: ${jobAt(t0 + 5 * min)}, condition: Complete`],
      status: { lastSuccessfulTime: iso(t0 + 6 * min) }
    },
    {
      name: 'drops an active job that no longer exists',
      cj: newCronJob({}, { lastScheduleTime: iso(t0 + 5 * min), active: [activeRef('gone')] }),
      now: t0 + 7 * min,
      want: ['update cronjobs/status hello'],
      events: ['Normal MissingJob Active job went missing: gone']
    },
    {
      name: 'deletes the oldest finished jobs beyond the history limits',
      cj: newCronJob({ successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 0 }, { lastScheduleTime: iso(t0 + 5 * min) }),
      jobs: [childJob('s-new', { finished: 'Complete', started: t0 + 2 * min }), childJob('s-old', { finished: 'Complete', started: t0 + min }), childJob('f', { finished: 'Failed', started: t0 })],
      now: t0 + 7 * min,
      want: ['delete jobs s-old', 'delete jobs f', 'update cronjobs/status hello']
    },
    {
      name: 'reports an unparseable schedule once and does not requeue',
      cj: newCronJob({ schedule: '61 * * * *' }),
      now: t0 + 5 * min,
      want: [],
      events: ['Warning UnparseableSchedule unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61']
    },
    {
      name: 'reports an unknown time zone',
      cj: newCronJob({ timeZone: 'Nowhere/City' }),
      now: t0 + 5 * min,
      want: [],
      events: ['Warning UnknownTimeZone invalid timeZone: "Nowhere/City": unknown time zone Nowhere/City']
    }
  ])('$name', async ({ cj, jobs, now, want, events, status }) => {
    const f = fixture(cj, jobs ?? [], now)
    await f.controller.sync('ns/hello')
    expect(f.client.writes().map(summary)).toEqual(want)
    if (events !== undefined) expect(f.recorder.events).toEqual(events)
    if (status !== undefined) expect(statusOf(f.client)).toMatchObject(status)
  })

  it.each<{ name: string, liveActive: string[], events: string[] }>([
    { name: 'does not call a job it just created unexpected when only its cache lags behind the recorded status', liveActive: ['hello-1'], events: [] },
    { name: 'warns about an unfinished job that is active neither in the cache nor on the apiserver', liveActive: [], events: ['Warning UnexpectedJob Saw a job that the controller did not create or forgot: hello-1'] }
  ])('$name', async ({ liveActive, events }) => {
    const cached = newCronJob({ schedule: '0 0 1 1 *' })
    const { client, controller, recorder } = fixture(cached, [childJob('hello-1', { started: t0 })], t0 + min)
    client.seed(resources.cronJobs, { ...cached, metadata: { ...cached.metadata, resourceVersion: '9' }, status: { active: liveActive.map(activeRef) } })
    await controller.sync('ns/hello').catch(() => {})
    expect(recorder.events.filter(e => e.includes('UnexpectedJob'))).toEqual(events)
  })

  it('builds the job from the template with owner, labels and the scheduled-timestamp annotation in the time zone', async () => {
    const f = fixture(newCronJob({ timeZone: 'Asia/Kolkata', schedule: '30 5 * * *' }), [], t0 + 26 * 60 * min)
    await f.controller.sync('ns/hello')
    const job = f.client.tracked<Job>(resources.jobs)[0]
    expect(job?.metadata).toMatchObject({
      name: jobAt(t0 + 24 * 60 * min), // 05:30 IST is 00:00 UTC
      labels: { app: 'hello' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-02T05:30:00+05:30' },
      ownerReferences: [expect.objectContaining({ kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true, blockOwnerDeletion: true })]
    })
    expect(job?.spec?.template?.spec?.restartPolicy).toBe('OnFailure')
  })

  it('fires on schedule with an injected clock: requeued for the next activation, which then creates the job', async () => {
    const f = fixture(newCronJob({ schedule: '*/5 * * * *' }), [], t0 + 60_000)
    await f.controller.sync('ns/hello')
    expect(f.client.writes()).toEqual([])
    f.clock.step(4 * min - 1)
    expect(f.controller.queue.len()).toBe(0)
    f.clock.step(101)
    expect(f.controller.queue.len()).toBe(1)
    const key = await f.controller.queue.get(new AbortController().signal)
    expect(key).toBe('ns/hello')
    // the controller reads time from the clock; the fake client stamps with the fixture time, which is fine here
    const g = fixture(newCronJob({ schedule: '*/5 * * * *' }), [], f.clock.now())
    await g.controller.sync('ns/hello')
    expect(g.client.writes().map(summary)).toEqual([`create jobs ${jobAt(t0 + 5 * min)}`, 'update cronjobs/status hello'])
    expect(g.client.tracked<Job>(resources.jobs)[0]?.metadata?.name).toBe(jobAt(t0 + 5 * min))
  })

  it('does not start the same activation twice once it is recorded', async () => {
    const f = fixture(newCronJob(), [], t0 + 5 * min)
    await f.controller.sync('ns/hello')
    f.cronJobInformer.update(f.client.tracked<CronJob>(resources.cronJobs)[0] as CronJob)
    for (const j of f.client.tracked<Job>(resources.jobs)) f.jobInformer.add(j)
    f.client.clearActions()
    await f.controller.sync('ns/hello')
    expect(f.client.writes()).toEqual([])
  })
})
