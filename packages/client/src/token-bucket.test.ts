import { TokenBucket } from './token-bucket.js'
import { flush, ManualClock } from './__tests__/fake-clock.js'
import { formatMicroTime, formatTime } from './micro-time.js'
import { Backoff } from './backoff.js'

describe('TokenBucket', () => {
  it('grants the burst at once and then one token per 1/qps seconds', () => {
    const clock = new ManualClock()
    const b = new TokenBucket(10, 2, clock)
    expect([b.reserve(), b.reserve()]).toEqual([0, 0])
    expect(b.reserve()).toBeCloseTo(100)
    clock.step(1000)
    expect(b.reserve()).toBe(0)
  })

  it('makes take() wait on the clock and honour abort', async () => {
    const clock = new ManualClock()
    const b = new TokenBucket(1, 1, clock)
    await b.take()
    let done = false
    void b.take().then(() => { done = true })
    await flush()
    expect(done).toBe(false)
    clock.step(1000)
    await flush()
    expect(done).toBe(true)
    const ctl = new AbortController()
    const p = b.take(ctl.signal)
    ctl.abort()
    await expect(p).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects non-positive settings', () => {
    expect(() => new TokenBucket(0, 1)).toThrow()
  })
})

describe('Backoff', () => {
  it('doubles from 1 s up to 30 s and restarts after reset', () => {
    const b = new Backoff(1000, 30_000, 0)
    expect(Array.from({ length: 7 }, () => b.next())).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    b.reset()
    expect(b.next()).toBe(1000)
  })

  it('adds up to one full delay of jitter', () => {
    expect(new Backoff(1000, 30_000, 1, () => 0.5).next()).toBe(1500)
  })
})

describe('time formats', () => {
  it.each([
    { name: 'MicroTime has six fractional digits', fn: formatMicroTime, want: '2026-01-02T03:04:05.678000Z' },
    { name: 'Time has whole seconds', fn: formatTime, want: '2026-01-02T03:04:05Z' }
  ])('$name', ({ fn, want }) => {
    expect(fn(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe(want)
  })
})
