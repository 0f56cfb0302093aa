import type { JobCondition } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { remainingBackoffMs, setCondition } from './job-util.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const finished = (phase: string, atMs: number): Pod => ({
  metadata: { name: 'p', creationTimestamp: new Date(t0 - 60_000).toISOString() },
  status: { phase, containerStatuses: [{ name: 'c', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: phase === 'Failed' ? 1 : 0, finishedAt: new Date(atMs).toISOString() } } }] }
})

describe('remainingBackoffMs', () => {
  it.each<{ name: string, failed: Pod[], succeeded: Pod[], now: number, want: number }>([
    { name: 'no failures means no wait', failed: [], succeeded: [], now: t0, want: 0 },
    { name: 'one failure waits the base delay from its finish', failed: [finished('Failed', t0)], succeeded: [], now: t0 + 4000, want: 6000 },
    { name: 'each further failure doubles the delay', failed: [finished('Failed', t0 - 5000), finished('Failed', t0)], succeeded: [], now: t0, want: 20_000 },
    { name: 'failures before the last success do not count', failed: [finished('Failed', t0 - 5000), finished('Failed', t0)], succeeded: [finished('Succeeded', t0 - 1000)], now: t0, want: 10_000 },
    { name: 'the delay is capped at six minutes', failed: Array.from({ length: 12 }, () => finished('Failed', t0)), succeeded: [], now: t0, want: 360_000 },
    { name: 'an elapsed backoff means create now', failed: [finished('Failed', t0)], succeeded: [], now: t0 + 11_000, want: 0 }
  ])('$name', ({ failed, succeeded, now, want }) => {
    expect(remainingBackoffMs(failed, succeeded, now)).toBe(want)
  })
})

describe('setCondition', () => {
  it('adds a True condition, keeps the transition time when only the message changes, and ignores a missing False one', () => {
    const conds: JobCondition[] = []
    expect(setCondition(conds, 'Suspended', 'False', 'JobResumed', 'Job resumed', 'a')).toBe(false)
    expect(setCondition(conds, 'Complete', 'True', '', '', 'a')).toBe(true)
    expect(setCondition(conds, 'Complete', 'True', '', '', 'b')).toBe(false)
    expect(setCondition(conds, 'Complete', 'True', 'R', 'm', 'c')).toBe(true)
    expect(conds).toEqual([{ type: 'Complete', status: 'True', reason: 'R', message: 'm', lastProbeTime: 'c', lastTransitionTime: 'a' }])
  })
})
