import type { Job } from 'kubernetes-types/batch/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { iso, newJob, t0 } from '../job/test-fixtures.js'
import { TtlAfterFinishedController } from './ttl-after-finished-controller.js'

const finishedJob = (ttl: number | undefined, finishedAt = t0): Job => {
  const j = newJob(ttl === undefined ? {} : { ttlSecondsAfterFinished: ttl }, { status: { completionTime: iso(finishedAt), conditions: [{ type: 'Complete', status: 'True', lastTransitionTime: iso(finishedAt) }] } })
  return j
}

function fixture (cached: Job, apiJob: Job, now: number) {
  const client = new FakeClient(() => now)
  client.seed(resources.jobs, apiJob)
  const clock = new FakeClock(now)
  const jobInformer = new FakeInformer<Job>([cached])
  return { client, clock, controller: new TtlAfterFinishedController({ client, jobInformer, logger: noopLogger, clock }) }
}

const summary = (a: FakeAction): string => `${a.verb} ${a.resource} ${a.name ?? ''}`.trim()

describe('TtlAfterFinishedController.sync', () => {
  it.each<{ name: string, cached: Job, api?: Job, now: number, want: string[], requeued: boolean }>([
    { name: 'deletes a finished job whose TTL expired, after re-reading it', cached: finishedJob(60), now: t0 + 60_000, want: ['get jobs pi', 'delete jobs pi'], requeued: false },
    { name: 'waits for a TTL that has not expired yet', cached: finishedJob(60), now: t0 + 59_000, want: [], requeued: true },
    { name: 'ignores jobs without a TTL', cached: finishedJob(undefined), now: t0 + 1e9, want: [], requeued: false },
    { name: 'ignores jobs still running', cached: newJob({ ttlSecondsAfterFinished: 0 }), now: t0 + 1e9, want: [], requeued: false },
    { name: 'keeps a job whose TTL was raised since the cache saw it', cached: finishedJob(10), api: finishedJob(3600), now: t0 + 20_000, want: ['get jobs pi'], requeued: true }
  ])('$name', async ({ cached, api, now, want, requeued }) => {
    const f = fixture(cached, api ?? cached, now)
    await f.controller.sync('ns/pi')
    expect(f.client.actions.map(summary)).toEqual(want)
    expect(f.clock.pendingTimers() > 0).toBe(requeued)
  })

  it('deletes in the foreground with the uid as precondition', async () => {
    const f = fixture(finishedJob(0), finishedJob(0), t0)
    const calls: unknown[] = []
    const api = f.client.resource<Job>(resources.jobs)
    const orig = api.delete.bind(api)
    jest.spyOn(f.client, 'resource').mockReturnValue(Object.assign(api, { delete: async (ns: string, n: string, o: object) => { calls.push(o); return await orig(ns, n, o) } }) as never)
    await f.controller.sync('ns/pi')
    expect(calls).toEqual([expect.objectContaining({ preconditions: { uid: 'job-uid' }, propagationPolicy: 'Foreground' })])
    expect(f.client.tracked(resources.jobs)).toEqual([])
  })
})
