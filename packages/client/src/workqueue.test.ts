import { Registry } from 'prom-client'
import { WorkQueue } from './workqueue.js'
import { BucketRateLimiter, defaultControllerRateLimiter, ItemExponentialRateLimiter, MaxOfRateLimiter } from './rate-limiters.js'
import { flush, ManualClock } from './__tests__/fake-clock.js'

function newQueue (clock = new ManualClock()): { q: WorkQueue<string>, clock: ManualClock } {
  return { q: new WorkQueue<string>({ clock }), clock }
}

describe('WorkQueue', () => {
  it('hands keys out in the order they were added', async () => {
    const { q } = newQueue()
    q.add('a'); q.add('b'); q.add('c')
    expect([await q.get(), await q.get(), await q.get()]).toEqual(['a', 'b', 'c'])
  })

  it('collapses duplicate adds of a waiting key', async () => {
    const { q } = newQueue()
    q.add('a'); q.add('b'); q.add('a')
    expect(q.len()).toBe(2)
  })

  it('does not hand out a key again while it is being processed', async () => {
    const { q } = newQueue()
    q.add('a')
    expect(await q.get()).toBe('a')
    q.add('a')
    expect(q.len()).toBe(0)
    let second: string | undefined
    void q.get().then(k => { second = k })
    await flush()
    expect(second).toBeUndefined()
    q.done('a')
    await flush()
    expect(second).toBe('a')
  })

  it('does not requeue a processed key that was not re-added', async () => {
    const { q } = newQueue()
    q.add('a')
    await q.get()
    q.done('a')
    expect(q.len()).toBe(0)
  })

  it('wakes a waiting get when a key arrives', async () => {
    const { q } = newQueue()
    const pending = q.get()
    q.add('x')
    expect(await pending).toBe('x')
  })

  it('serves several waiting workers one key each', async () => {
    const { q } = newQueue()
    const w1 = q.get(); const w2 = q.get()
    q.add('a'); q.add('b')
    expect([await w1, await w2]).toEqual(['a', 'b'])
  })

  it('releases waiting workers with undefined on shutdown and ignores later adds', async () => {
    const { q } = newQueue()
    const pending = q.get()
    q.shutDown()
    expect(await pending).toBeUndefined()
    q.add('a')
    expect(q.len()).toBe(0)
    expect(await q.get()).toBeUndefined()
  })

  it('drains keys already queued before reporting shutdown', async () => {
    const { q } = newQueue()
    q.add('a')
    q.shutDown()
    expect(await q.get()).toBe('a')
    expect(await q.get()).toBeUndefined()
  })

  it('returns undefined from get when the signal aborts', async () => {
    const { q } = newQueue()
    const ctl = new AbortController()
    const pending = q.get(ctl.signal)
    ctl.abort()
    expect(await pending).toBeUndefined()
    q.add('a')
    expect(q.len()).toBe(1)
  })

  it('adds a key after the delay on the injected clock', () => {
    const { q, clock } = newQueue()
    q.addAfter('a', 1000)
    clock.step(999)
    expect(q.len()).toBe(0)
    clock.step(1)
    expect(q.len()).toBe(1)
  })

  it('keeps the earliest deadline when a delayed key is added again', () => {
    const { q, clock } = newQueue()
    q.addAfter('a', 5000)
    q.addAfter('a', 1000)
    q.addAfter('a', 3000)
    clock.step(1000)
    expect(q.len()).toBe(1)
    expect(clock.pending()).toBe(0)
  })

  it('drops delayed keys on shutdown', () => {
    const { q, clock } = newQueue()
    q.addAfter('a', 1000)
    q.shutDown()
    expect(clock.pending()).toBe(0)
  })

  it('backs a failing key off exponentially and forgets it after success', async () => {
    const { q, clock } = newQueue()
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      const before = clock.now()
      q.addRateLimited('a')
      for (let t = 0; t < 100 && q.len() === 0; t++) clock.step(1)
      delays.push(clock.now() - before)
      q.done(await q.get() as string)
    }
    expect(delays).toEqual([5, 10, 20, 40])
    expect(q.numRequeues('a')).toBe(4)
    q.forget('a')
    expect(q.numRequeues('a')).toBe(0)
  })

  it('reports upstream workqueue metrics', async () => {
    const registry = new Registry()
    const clock = new ManualClock()
    const q = new WorkQueue<string>({ name: 'replicaset', clock, registry })
    q.add('a'); q.add('b')
    clock.step(2000)
    const k = await q.get()
    q.done(k as string)
    q.addRateLimited('c')
    const text = await registry.metrics()
    expect(text).toContain('workqueue_adds_total{name="replicaset"} 2')
    expect(text).toContain('workqueue_depth{name="replicaset"} 1')
    expect(text).toContain('workqueue_retries_total{name="replicaset"} 1')
    expect(text).toContain('workqueue_queue_duration_seconds_sum{name="replicaset"} 2')
    // a second queue on the same registry must not fail on duplicate registration
    expect(() => new WorkQueue<string>({ name: 'other', registry })).not.toThrow()
  })
})

describe('rate limiters', () => {
  it.each([
    { failures: 0, want: 5 }, { failures: 1, want: 10 }, { failures: 10, want: 5120 }, { failures: 30, want: 1_000_000 }
  ])('per-key backoff after $failures failures is $want ms', ({ failures, want }) => {
    const l = new ItemExponentialRateLimiter<string>()
    for (let i = 0; i < failures; i++) l.when('k')
    expect(l.when('k')).toBe(want)
  })

  it('lets a burst through then spaces keys at the bucket rate', () => {
    const clock = new ManualClock()
    const l = new BucketRateLimiter<string>(50, 300, clock)
    for (let i = 0; i < 300; i++) expect(l.when(`k${i}`)).toBe(0)
    expect(l.when('x')).toBeCloseTo(20)
    expect(l.when('y')).toBeCloseTo(40)
  })

  it('takes the largest delay of its limiters', () => {
    const l = new MaxOfRateLimiter<string>(new ItemExponentialRateLimiter(5, 1000), { when: () => 7, forget: () => {}, numRequeues: () => 0 })
    expect(l.when('a')).toBe(7)
    expect(l.when('a')).toBe(10)
  })

  it('builds the client-go default controller limiter', () => {
    const l = defaultControllerRateLimiter<string>(new ManualClock())
    expect(l.when('a')).toBe(5)
    expect(l.when('a')).toBe(10)
  })
})
