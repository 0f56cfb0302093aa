import { runLeaderElection } from './leader-election.js'
import type { LeaderElectionOptions, LeaderElectionResult } from './leader-election.js'
import { FakeLeaseApi } from './__tests__/fake-lease-api.js'
import { flush, ManualClock } from './__tests__/fake-clock.js'
import { formatMicroTime } from './micro-time.js'

interface Candidate {
  result: Promise<LeaderElectionResult>
  events: string[]
  ctl: AbortController
  leadingSignal: () => AbortSignal | undefined
}

function candidate (api: FakeLeaseApi, clock: ManualClock, identity: string, extra: Partial<LeaderElectionOptions> = {}): Candidate {
  const events: string[] = []
  const ctl = new AbortController()
  let leading: AbortSignal | undefined
  const result = runLeaderElection({
    client: api,
    namespace: 'kube-system',
    name: 'kube-scheduler',
    identity,
    clock,
    random: () => 0,
    signal: ctl.signal,
    onStartedLeading: async (signal) => {
      leading = signal
      events.push('started')
      await new Promise<void>(resolve => signal.addEventListener('abort', () => resolve(), { once: true }))
    },
    onStoppedLeading: () => events.push('stopped'),
    onNewLeader: (id) => events.push(`leader ${id}`),
    ...extra
  })
  return { result, events, ctl, leadingSignal: () => leading }
}

async function advance (clock: ManualClock, ms: number, stepMs = 100): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.step(Math.min(stepMs, ms - t))
    await flush(3)
  }
}

describe('runLeaderElection', () => {
  let api: FakeLeaseApi
  let clock: ManualClock
  beforeEach(() => { api = new FakeLeaseApi(); clock = new ManualClock(Date.UTC(2026, 0, 2, 3, 4, 5, 678)) })

  it('creates a missing lease and starts leading', async () => {
    const c = candidate(api, clock, 'a')
    await flush()
    expect(c.events).toEqual(['leader a', 'started'])
    expect(api.spec()).toEqual({
      holderIdentity: 'a', leaseDurationSeconds: 15, acquireTime: '2026-01-02T03:04:05.678000Z', renewTime: '2026-01-02T03:04:05.678000Z', leaseTransitions: 0
    })
    c.ctl.abort()
    expect(await c.result).toBe('canceled')
  })

  it('renews every retry period while keeping the acquire time', async () => {
    const c = candidate(api, clock, 'a')
    await flush()
    const acquired = api.spec()?.acquireTime
    await advance(clock, 2000)
    expect(api.spec()?.renewTime).toBe(formatMicroTime(clock.now()))
    expect(api.spec()?.acquireTime).toBe(acquired)
    await advance(clock, 2000)
    expect(api.writes).toBe(3)
    c.ctl.abort()
    await c.result
  })

  it('waits while another holder keeps renewing', async () => {
    const a = candidate(api, clock, 'a')
    await flush()
    const b = candidate(api, clock, 'b')
    await advance(clock, 30_000)
    expect(b.events).toEqual(['leader a'])
    expect(api.spec()?.holderIdentity).toBe('a')
    a.ctl.abort(); b.ctl.abort()
    await Promise.all([a.result, b.result])
  })

  it('takes over a lease whose holder stopped renewing once it is lease-duration old', async () => {
    api.leases.set('kube-system/kube-scheduler', {
      metadata: { name: 'kube-scheduler', namespace: 'kube-system', resourceVersion: '7' },
      spec: { holderIdentity: 'gone', leaseDurationSeconds: 15, acquireTime: 'x', renewTime: 'x', leaseTransitions: 3 }
    })
    const b = candidate(api, clock, 'b')
    await advance(clock, 14_000)
    expect(b.events).toEqual(['leader gone'])
    await advance(clock, 3000)
    expect(b.events).toEqual(['leader gone', 'leader b', 'started'])
    expect(api.spec()).toMatchObject({ holderIdentity: 'b', leaseTransitions: 4 })
    b.ctl.abort()
    await b.result
  })

  it('reports lost and stops the leader work when renewals fail past the renew deadline', async () => {
    const c = candidate(api, clock, 'a')
    await flush()
    api.failWith = new Error('connection refused')
    await advance(clock, 2000 + 10_000 + 200)
    expect(await c.result).toBe('lost')
    expect(c.leadingSignal()?.aborted).toBe(true)
    expect(c.events).toEqual(['leader a', 'started', 'stopped'])
  })

  it('lets only one of two simultaneous candidates win (resourceVersion fencing)', async () => {
    api.leases.set('kube-system/kube-scheduler', {
      metadata: { name: 'kube-scheduler', namespace: 'kube-system', resourceVersion: '1' },
      spec: { holderIdentity: '', leaseDurationSeconds: 15, leaseTransitions: 0 }
    })
    const a = candidate(api, clock, 'a')
    const b = candidate(api, clock, 'b')
    await flush()
    const leaders = [a, b].filter(c => c.events.includes('started'))
    expect(leaders).toHaveLength(1)
    a.ctl.abort(); b.ctl.abort()
    await Promise.all([a.result, b.result])
  })

  it('releases the lease on cancel when asked, so a successor need not wait', async () => {
    const c = candidate(api, clock, 'a', { releaseOnCancel: true })
    await flush()
    c.ctl.abort()
    expect(await c.result).toBe('canceled')
    expect(api.spec()?.holderIdentity).toBeUndefined()
    expect(api.spec()?.leaseDurationSeconds).toBe(1)
    const b = candidate(api, clock, 'b')
    await flush()
    expect(b.events).toContain('started')
    b.ctl.abort()
    await b.result
  })

  it('keeps the lease on cancel by default', async () => {
    const c = candidate(api, clock, 'a')
    await flush()
    c.ctl.abort()
    await c.result
    expect(api.spec()?.holderIdentity).toBe('a')
  })

  it('calls onStoppedLeading even when canceled before acquiring', async () => {
    api.failWith = new Error('down')
    const c = candidate(api, clock, 'a')
    await flush()
    c.ctl.abort()
    expect(await c.result).toBe('canceled')
    expect(c.events).toEqual(['stopped'])
  })

  it.each([
    { name: 'rejects a lease duration not above the renew deadline', opts: { leaseDurationMs: 10_000, renewDeadlineMs: 10_000 } },
    { name: 'rejects a renew deadline not above 1.2 retry periods', opts: { renewDeadlineMs: 2_000, retryPeriodMs: 2_000 } }
  ])('$name', async ({ opts }) => {
    await expect(candidate(api, clock, 'a', opts).result).rejects.toThrow(/must be greater/)
  })
})
