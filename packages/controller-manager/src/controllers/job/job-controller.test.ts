import type { Job } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { ApiError, errForbidden } from '@kube-ts/api'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { FakeRecorder } from '../../controller-utils/testing/fake-recorder.js'
import { JobController } from './job-controller.js'
import { jobPodOf, newJob, t0 } from './test-fixtures.js'

function fixture (jobs: Job[], pods: Pod[], now = t0) {
  const client = new FakeClient(() => now)
  client.seed(resources.jobs, ...jobs)
  client.seed(resources.pods, ...pods)
  const clock = new FakeClock(now)
  const jobInformer = new FakeInformer<Job>(jobs)
  const podInformer = new FakeInformer<Pod>(pods)
  const recorder = new FakeRecorder()
  const controller = new JobController({ client, jobInformer, podInformer, recorder, logger: noopLogger, clock })
  return { client, clock, jobInformer, podInformer, recorder, controller }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource}${a.subresource !== undefined ? `/${a.subresource}` : ''}${a.name !== undefined && a.verb !== 'create' ? ` ${a.name}` : ''}`
const statusOf = (client: FakeClient): Job['status'] => client.tracked<Job>(resources.jobs)[0]?.status

describe('JobController.sync', () => {
  it.each<{ name: string, job: Job, pods: Pod[], now?: number, want: string[], status?: Record<string, unknown>, events?: unknown[] }>([
    {
      name: 'starts parallelism pods for a new job and records its start time',
      job: newJob({ parallelism: 2, completions: 5 }, { status: {} }),
      pods: [],
      want: ['create pods', 'create pods', 'update jobs/status pi'],
      status: { active: 2, succeeded: 0, failed: 0, startTime: new Date(t0).toISOString() },
      events: [expect.stringMatching(/^Normal SuccessfulCreate Created pod: pi-\w{5}$/), expect.stringMatching(/^Normal SuccessfulCreate Created pod: pi-\w{5}$/)]
    },
    {
      name: 'creates only the completions still missing',
      job: newJob({ parallelism: 3, completions: 2 }),
      pods: [jobPodOf('done', 'Succeeded')],
      want: ['create pods', 'update jobs/status pi'],
      status: { active: 1, succeeded: 1 }
    },
    {
      name: 'deletes active pods beyond parallelism',
      job: newJob({ parallelism: 1, completions: 3 }),
      pods: [jobPodOf('a', 'Running', { ready: true }), jobPodOf('b', 'Pending')],
      want: ['delete pods b', 'update jobs/status pi'],
      status: { active: 1, ready: 1 }
    },
    {
      name: 'completes once completions pods succeeded, with both success conditions and an event',
      job: newJob({ parallelism: 2, completions: 2 }),
      pods: [jobPodOf('a', 'Succeeded'), jobPodOf('b', 'Succeeded')],
      want: ['update jobs/status pi'],
      status: { active: 0, succeeded: 2, completionTime: new Date(t0).toISOString(), conditions: [expect.objectContaining({ type: 'SuccessCriteriaMet', status: 'True' }), expect.objectContaining({ type: 'Complete', status: 'True', reason: 'CompletionsReached' })] },
      events: ['Normal Completed Job completed']
    },
    {
      name: 'a work-queue job (no completions) completes when one pod succeeded and none run',
      job: newJob({ parallelism: 2 }),
      pods: [jobPodOf('a', 'Succeeded'), jobPodOf('b', 'Failed')],
      want: ['update jobs/status pi'],
      status: { succeeded: 1, failed: 1, conditions: expect.arrayContaining([expect.objectContaining({ type: 'Complete' })]) }
    },
    {
      name: 'fails with BackoffLimitExceeded after backoffLimit+1 failed pods',
      job: newJob({ backoffLimit: 2 }),
      pods: [jobPodOf('a', 'Failed'), jobPodOf('b', 'Failed'), jobPodOf('c', 'Failed')],
      want: ['update jobs/status pi'],
      status: { failed: 3, active: 0, conditions: [expect.objectContaining({ type: 'FailureTarget', reason: 'BackoffLimitExceeded' }), expect.objectContaining({ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })] },
      events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit']
    },
    {
      name: 'waits out the backoff before replacing a failed pod',
      job: newJob({ backoffLimit: 2 }),
      pods: [jobPodOf('a', 'Failed', { finishedAt: t0 })],
      now: t0 + 5000,
      want: ['update jobs/status pi'],
      status: { failed: 1, active: 0 }
    },
    {
      name: 'replaces a failed pod once the backoff elapsed',
      job: newJob({ backoffLimit: 2 }),
      pods: [jobPodOf('a', 'Failed', { finishedAt: t0 })],
      now: t0 + 10_000,
      want: ['create pods', 'update jobs/status pi'],
      status: { failed: 1, active: 1 }
    },
    {
      name: 'fails an OnFailure job whose pods restarted backoffLimit times and deletes them',
      job: newJob({ backoffLimit: 2, template: { spec: { restartPolicy: 'OnFailure', containers: [] } } }),
      pods: [jobPodOf('a', 'Running', { restarts: 2 })],
      want: ['delete pods a', 'update jobs/status pi'],
      status: { active: 0, conditions: expect.arrayContaining([expect.objectContaining({ type: 'Failed', reason: 'BackoffLimitExceeded' })]) }
    },
    {
      name: 'fails a job running past activeDeadlineSeconds and deletes its pods',
      job: newJob({ activeDeadlineSeconds: 30 }),
      pods: [jobPodOf('a', 'Running')],
      now: t0 + 30_000,
      want: ['delete pods a', 'update jobs/status pi'],
      status: { active: 0, conditions: expect.arrayContaining([expect.objectContaining({ type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' })]) },
      events: ['Normal SuccessfulDelete Deleted pod: a', 'Warning DeadlineExceeded Job was active longer than specified deadline']
    },
    {
      name: 'a FailJob pod failure policy rule fails the job at the first matching pod',
      job: newJob({ backoffLimit: 6, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }),
      pods: [jobPodOf('a', 'Failed', { exitCode: 42 })],
      want: ['update jobs/status pi'],
      status: { conditions: expect.arrayContaining([expect.objectContaining({ type: 'Failed', reason: 'PodFailurePolicy', message: 'Container c for pod ns/a failed with exit code 42 matching FailJob rule at index 0' })]) }
    },
    {
      name: 'an Ignore rule keeps a failure off the failed count',
      job: newJob({ backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [137] } }] } }),
      pods: [jobPodOf('a', 'Failed', { exitCode: 137 })],
      want: ['create pods', 'update jobs/status pi'],
      status: { failed: 0, active: 1 }
    },
    {
      name: 'Indexed jobs create the lowest missing indexes and report completedIndexes',
      job: newJob({ completionMode: 'Indexed', completions: 4, parallelism: 2 }),
      pods: [jobPodOf('pi-0', 'Succeeded', { index: 0 }), jobPodOf('pi-2', 'Running', { index: 2 })],
      want: ['create pods', 'update jobs/status pi'],
      status: { active: 2, succeeded: 1, completedIndexes: '0' }
    },
    {
      name: 'Indexed jobs delete a second pod for the same index',
      job: newJob({ completionMode: 'Indexed', completions: 2, parallelism: 2 }),
      pods: [jobPodOf('x', 'Running', { index: 1 }), jobPodOf('y', 'Running', { index: 1 }), jobPodOf('z', 'Running', { index: 0 })],
      want: ['delete pods y', 'update jobs/status pi'],
      status: { active: 2 }
    },
    {
      name: 'Indexed jobs complete when every index succeeded',
      job: newJob({ completionMode: 'Indexed', completions: 2, parallelism: 2 }),
      pods: [jobPodOf('a', 'Succeeded', { index: 1 }), jobPodOf('b', 'Succeeded', { index: 0 })],
      want: ['update jobs/status pi'],
      status: { succeeded: 2, completedIndexes: '0-1', conditions: expect.arrayContaining([expect.objectContaining({ type: 'Complete' })]) }
    },
    {
      name: 'suspending deletes running pods and sets the Suspended condition',
      job: newJob({ suspend: true, parallelism: 1 }),
      pods: [jobPodOf('a', 'Running')],
      want: ['delete pods a', 'update jobs/status pi'],
      status: { active: 0, conditions: [expect.objectContaining({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' })] },
      events: ['Normal SuccessfulDelete Deleted pod: a', 'Normal Suspended Job suspended']
    },
    {
      name: 'does nothing for a finished job',
      job: newJob({}, { status: { conditions: [{ type: 'Complete', status: 'True' }] } }),
      pods: [],
      want: []
    },
    {
      name: 'adopts an orphan pod matching the selector instead of creating one',
      job: newJob({ parallelism: 1, completions: 1 }),
      pods: [{ ...jobPodOf('orphan', 'Running'), metadata: { ...jobPodOf('orphan', 'Running').metadata, ownerReferences: [] } }],
      want: ['patch pods orphan', 'update jobs/status pi'],
      status: { active: 1 }
    }
  ])('$name', async ({ job, pods, now, want, status, events }) => {
    const f = fixture([job], pods, now)
    await f.controller.sync('ns/pi')
    expect(f.client.writes().map(summary)).toEqual(want)
    if (status !== undefined) expect(statusOf(f.client)).toMatchObject(status)
    if (events !== undefined) expect(f.recorder.events).toEqual(events)
  })

  it('gives Indexed pods their index as annotation, label, hostname and env var', async () => {
    const f = fixture([newJob({ completionMode: 'Indexed', completions: 1 })], [])
    await f.controller.sync('ns/pi')
    const pod = f.client.tracked<Pod>(resources.pods)[0]
    expect(pod?.metadata?.generateName).toBe('pi-0-')
    expect(pod?.metadata?.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '0' })
    expect(pod?.metadata?.labels?.['batch.kubernetes.io/job-completion-index']).toBe('0')
    expect(pod?.spec?.hostname).toBe('pi-0')
    expect(pod?.spec?.containers[0]?.env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }])
    expect(pod?.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'Job', name: 'pi', controller: true })])
  })

  it('does not create twice before the informer has seen its pods, and does after it has', async () => {
    const f = fixture([newJob({ parallelism: 2, completions: 2 })], [])
    await f.controller.sync('ns/pi')
    f.client.clearActions()
    f.jobInformer.update(f.client.tracked<Job>(resources.jobs)[0] as Job)
    await f.controller.sync('ns/pi')
    expect(f.client.writes().map(summary).filter(s => s === 'create pods')).toEqual([])
    for (const p of f.client.tracked<Pod>(resources.pods)) f.podInformer.add({ ...p, status: { phase: 'Pending' } })
    expect(f.controller.expectations.satisfied('ns/pi')).toBe(true)
  })

  it('neither retries nor reports creates refused because the namespace is being deleted, as upstream', async () => {
    const f = fixture([newJob({ parallelism: 1 })], [])
    f.client.prependReactor('create', 'pods', () => { throw new ApiError(403, 'Forbidden', 'pods is forbidden: unable to create new content in namespace ns because it is being terminated', { causes: [{ reason: 'NamespaceTerminating', message: 'namespace ns is being terminated', field: 'metadata.namespace' }] }) })
    await expect(f.controller.sync('ns/pi')).resolves.toBeUndefined()
    expect(f.recorder.events.filter(e => e.startsWith('Warning'))).toEqual([])
    expect(f.controller.expectations.satisfied('ns/pi')).toBe(true)
  })

  it('records FailedCreate and throws so the key is retried', async () => {
    const f = fixture([newJob({ parallelism: 1 })], [])
    f.client.prependReactor('create', 'pods', () => { throw errForbidden('quota exceeded') })
    await expect(f.controller.sync('ns/pi')).rejects.toThrow('quota exceeded')
    expect(f.recorder.events[0]).toMatch(/^Warning FailedCreate Error creating: /)
    expect(f.controller.expectations.satisfied('ns/pi')).toBe(true)
  })

  it('requeues at the active deadline', async () => {
    const f = fixture([newJob({ activeDeadlineSeconds: 60 })], [jobPodOf('a', 'Running')], t0 + 20_000)
    await f.controller.sync('ns/pi')
    expect(f.controller.queue.len()).toBe(0)
    f.clock.step(40_000)
    expect(f.controller.queue.len()).toBe(1)
  })
})
