import type { Pod } from 'kubernetes-types/core/v1.js'
import { isPodActive, isPodAvailable, isPodReady, msUntilAvailable } from './pod-utils.js'

const t0 = Date.parse('2026-01-01T00:00:00Z')
const pod = (phase: string, ready?: 'True' | 'False', readySince = '2026-01-01T00:00:00Z', deleting = false): Pod => ({
  metadata: { name: 'p', namespace: 'ns', ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  status: { phase, conditions: ready === undefined ? [] : [{ type: 'Ready', status: ready, lastTransitionTime: readySince }] }
})

describe('pod helpers', () => {
  it.each([
    { name: 'a running pod is active', p: pod('Running'), want: true },
    { name: 'a pending pod is active', p: pod('Pending'), want: true },
    { name: 'a succeeded pod is not active', p: pod('Succeeded'), want: false },
    { name: 'a failed pod is not active', p: pod('Failed'), want: false },
    { name: 'a terminating pod is not active', p: pod('Running', 'True', undefined, true), want: false }
  ])('$name', ({ p, want }) => { expect(isPodActive(p)).toBe(want) })

  it.each([
    { name: 'not ready is never available', p: pod('Running', 'False'), minReady: 0, now: t0, want: false },
    { name: 'ready is available at once without minReadySeconds', p: pod('Running', 'True'), minReady: 0, now: t0, want: true },
    { name: 'ready for less than minReadySeconds is not available', p: pod('Running', 'True'), minReady: 10, now: t0 + 9999, want: false },
    { name: 'ready for exactly minReadySeconds is available', p: pod('Running', 'True'), minReady: 10, now: t0 + 10_000, want: true }
  ])('$name', ({ p, minReady, now, want }) => {
    expect(isPodAvailable(p, minReady, now)).toBe(want)
    expect(isPodReady(p)).toBe(p.status?.conditions?.[0]?.status === 'True')
  })

  it('says how long until a ready pod becomes available', () => {
    expect(msUntilAvailable(pod('Running', 'True'), 10, t0 + 4000)).toBe(6000)
    expect(msUntilAvailable(pod('Running', 'True'), 10, t0 + 10_000)).toBeUndefined()
    expect(msUntilAvailable(pod('Running', 'False'), 10, t0)).toBeUndefined()
  })
})
