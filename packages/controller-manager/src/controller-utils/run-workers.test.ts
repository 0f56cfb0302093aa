import { Registry } from 'prom-client'
import { noopLogger, WorkQueue } from '@kube-ts/client'
import { FakeClock } from '@kube-ts/testing'
import { runWorkers } from './run-workers.js'

describe('runWorkers', () => {
  it('requeues a failing key with backoff and forgets it once it succeeds', async () => {
    const clock = new FakeClock(0)
    const queue = new WorkQueue<string>({ clock })
    const ac = new AbortController()
    const registry = new Registry()
    let calls = 0
    const synced: number[] = []
    queue.add('ns/a')
    const running = runWorkers({
      name: 'test-controller', queue, workers: 2, signal: ac.signal, logger: noopLogger, registry,
      sync: async () => { calls++; synced.push(clock.now()); if (calls < 3) throw new Error('transient') }
    })
    await new Promise(resolve => setImmediate(resolve))
    expect(calls).toBe(1)
    expect(queue.numRequeues('ns/a')).toBe(1)
    clock.step(5)
    await new Promise(resolve => setImmediate(resolve))
    expect(calls).toBe(2)
    // the per-key backoff doubles: 5 ms, then 10 ms
    clock.step(9)
    await new Promise(resolve => setImmediate(resolve))
    expect(calls).toBe(2)
    clock.step(1)
    await new Promise(resolve => setImmediate(resolve))
    expect(calls).toBe(3)
    expect(queue.numRequeues('ns/a')).toBe(0)
    ac.abort()
    await running
    expect(queue.shuttingDown()).toBe(true)
    const text = await registry.metrics()
    expect(text).toContain('controller_sync_duration_seconds_count{controller="test-controller",result="error"} 2')
    expect(text).toContain('controller_sync_duration_seconds_count{controller="test-controller",result="success"} 1')
  })

  it('never runs one key on two workers at once', async () => {
    const queue = new WorkQueue<string>({ clock: new FakeClock(0) })
    const ac = new AbortController()
    let inFlight = 0
    let maxInFlight = 0
    let runs = 0
    const running = runWorkers({
      name: 'x', queue, workers: 4, signal: ac.signal, logger: noopLogger,
      sync: async () => {
        inFlight++; runs++
        maxInFlight = Math.max(maxInFlight, inFlight)
        if (runs === 1) queue.add('k') // re-added while processing: runs again afterwards, not alongside
        await new Promise(resolve => setImmediate(resolve))
        inFlight--
      }
    })
    queue.add('k')
    for (let i = 0; i < 10; i++) await new Promise(resolve => setImmediate(resolve))
    ac.abort()
    await running
    expect(runs).toBe(2)
    expect(maxInFlight).toBe(1)
  })
})
