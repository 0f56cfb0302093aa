import type { CronJob } from 'kubernetes-types/batch/v1.js'
import { parseCronSchedule } from './cron-schedule.js'
import { formatInZone, formatRfc1123z, jobNameFor, mostRecentScheduleTime, nextScheduleDelayMs } from './schedule-times.js'

const at = (s: string): number => Date.parse(s)
const cj = (o: { created?: string, last?: string, sds?: number } = {}): CronJob => ({
  metadata: { name: 'hello', creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
  spec: { schedule: '*/10 * * * *', jobTemplate: {}, ...(o.sds !== undefined ? { startingDeadlineSeconds: o.sds } : {}) },
  status: o.last !== undefined ? { lastScheduleTime: o.last } : {}
})
const every10 = parseCronSchedule('*/10 * * * *')

describe('mostRecentScheduleTime', () => {
  it.each<{ name: string, job: CronJob, now: string, want: { time?: string, missed: number } }>([
    { name: 'nothing is due before the first activation', job: cj(), now: '2026-01-01T00:09:59Z', want: { missed: 0 } },
    { name: 'the first activation after creation is due at its time', job: cj(), now: '2026-01-01T00:10:00Z', want: { time: '2026-01-01T00:10:00.000Z', missed: 1 } },
    { name: 'several missed activations yield the latest one', job: cj(), now: '2026-01-01T00:35:00Z', want: { time: '2026-01-01T00:30:00.000Z', missed: 3 } },
    { name: 'counting starts after the last scheduled time', job: cj({ last: '2026-01-01T00:30:00Z' }), now: '2026-01-01T00:35:00Z', want: { missed: 0 } },
    { name: 'startingDeadlineSeconds limits how far back to look', job: cj({ sds: 300 }), now: '2026-01-01T10:03:00Z', want: { time: '2026-01-01T10:00:00.000Z', missed: 1 } },
    { name: 'an activation older than the deadline is not due at all', job: cj({ sds: 60 }), now: '2026-01-01T10:05:00Z', want: { missed: 0 } }
  ])('$name', ({ job, now, want }) => {
    const got = mostRecentScheduleTime(job, every10, at(now))
    expect({ time: got.time === undefined ? undefined : new Date(got.time).toISOString(), missed: got.missed }).toEqual({ time: want.time, missed: want.missed })
  })
})

describe('schedule helpers', () => {
  it('requeues 100 ms after the next activation', () => {
    expect(nextScheduleDelayMs(cj({ last: '2026-01-01T00:10:00Z' }), every10, at('2026-01-01T00:12:00Z'))).toBe(8 * 60_000 + 100)
  })
  it('names jobs by the scheduled minute since the epoch', () => {
    expect(jobNameFor(cj(), at('2026-01-01T00:10:00Z'))).toBe(`hello-${at('2026-01-01T00:10:00Z') / 60_000}`)
  })
  it.each([
    { zone: 'UTC', want: '2026-01-01T00:10:00Z' },
    { zone: 'America/New_York', want: '2025-12-31T19:10:00-05:00' },
    { zone: 'Asia/Kolkata', want: '2026-01-01T05:40:00+05:30' }
  ])('formats the scheduled timestamp in $zone', ({ zone, want }) => {
    expect(formatInZone(at('2026-01-01T00:10:00Z'), zone)).toBe(want)
  })
  it('formats RFC1123Z as Go does', () => {
    expect(formatRfc1123z(at('2026-01-04T07:05:09Z'))).toBe('Sun, 04 Jan 2026 07:05:09 +0000')
  })
})
