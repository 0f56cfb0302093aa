import { FakeClock } from '@kube-ts/testing'
import { makePod } from '../testing/builders.js'
import { SchedulingQueue } from './scheduling-queue.js'
import type { QueuedPodInfo } from './scheduling-queue.js'

function newQueue (clock = new FakeClock(1_000_000)): { q: SchedulingQueue, clock: FakeClock } {
  const q = new SchedulingQueue({ clock, initialBackoffMs: 1000, maxBackoffMs: 10_000, maxInUnschedulableMs: 300_000 })
  q.run()
  return { q, clock }
}

async function popName (q: SchedulingQueue): Promise<string | undefined> {
  return (await q.pop())?.pod.metadata?.name
}

describe('SchedulingQueue ordering', () => {
  it('pops higher priority first, then the older pod', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('low-old', { priority: 0 }))
    clock.step(1)
    q.add(makePod('high', { priority: 100 }))
    clock.step(1)
    q.add(makePod('low-new', { priority: 0 }))
    expect([await popName(q), await popName(q), await popName(q)]).toEqual(['high', 'low-old', 'low-new'])
    q.close()
  })

  it('wakes a waiting pop when a pod arrives and returns undefined after close', async () => {
    const { q } = newQueue()
    const waiting = q.pop()
    q.add(makePod('later'))
    expect((await waiting)?.pod.metadata?.name).toBe('later')
    const pending = q.pop()
    q.close()
    expect(await pending).toBeUndefined()
  })

  it('returns undefined from pop when the signal aborts', async () => {
    const { q } = newQueue()
    const ac = new AbortController()
    const pending = q.pop(ac.signal)
    ac.abort()
    expect(await pending).toBeUndefined()
    q.close()
  })
})

describe('SchedulingQueue backoff', () => {
  it.each([
    { attempts: 1, ms: 1000 },
    { attempts: 2, ms: 2000 },
    { attempts: 3, ms: 4000 },
    { attempts: 4, ms: 8000 },
    { attempts: 5, ms: 10_000 },
    { attempts: 9, ms: 10_000 }
  ])('backs off $ms ms after attempt $attempts (1 s doubling, capped at 10 s)', ({ attempts, ms }) => {
    expect(newQueue().q.backoffDurationMs(attempts)).toBe(ms)
  })

  it('keeps an errored pod in backoff until its backoff has passed', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    q.addBackoff(info)
    expect(q.lengths()).toEqual({ active: 0, backoff: 1, unschedulable: 0 })
    clock.step(999)
    expect(q.lengths().backoff).toBe(1)
    clock.step(1001)
    expect(q.lengths()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
    q.close()
  })
})

describe('SchedulingQueue unschedulable pods', () => {
  it('parks an unschedulable pod until a relevant event moves it (through backoff)', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    info.unschedulablePlugins = new Set(['NodeResourcesFit'])
    q.addUnschedulable(info, q.currentCycle())
    expect(q.lengths()).toEqual({ active: 0, backoff: 0, unschedulable: 1 })
    q.moveAllToActiveOrBackoff('AssignedPodAdd')
    expect(q.lengths().unschedulable).toBe(1)
    q.moveAllToActiveOrBackoff('AssignedPodDelete')
    expect(q.lengths()).toEqual({ active: 0, backoff: 1, unschedulable: 0 })
    clock.step(2000)
    expect(q.lengths().active).toBe(1)
    q.close()
  })

  it('moves a pod straight to active when its backoff already expired', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    info.unschedulablePlugins = new Set(['TaintToleration'])
    q.addUnschedulable(info, q.currentCycle())
    clock.step(5000)
    q.moveAllToActiveOrBackoff('NodeAdd')
    expect(q.lengths()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
    q.close()
  })

  it('sends the pod to backoff when a move request arrived during its attempt', async () => {
    const { q } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    const cycle = q.currentCycle()
    q.moveAllToActiveOrBackoff('NodeAdd')
    q.addUnschedulable(info, cycle)
    expect(q.lengths()).toEqual({ active: 0, backoff: 1, unschedulable: 0 })
    q.close()
  })

  it('retries an unschedulable pod after podMaxInUnschedulablePodsDuration without any event', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    info.unschedulablePlugins = new Set(['NodeAffinity'])
    q.addUnschedulable(info, q.currentCycle())
    clock.step(299_000)
    expect(q.lengths().unschedulable).toBe(1)
    clock.step(31_000)
    expect(q.lengths()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
    q.close()
  })

  it('gives an unschedulable pod another try when its spec changes, and forgets deleted pods', async () => {
    const { q, clock } = newQueue()
    q.add(makePod('p'))
    const info = await q.pop() as QueuedPodInfo
    q.addUnschedulable(info, q.currentCycle())
    clock.step(10_000)
    q.update(makePod('p', { nodeSelector: { zone: 'b' } }))
    expect(q.lengths()).toEqual({ active: 1, backoff: 0, unschedulable: 0 })
    q.delete(makePod('p'))
    expect(q.lengths()).toEqual({ active: 0, backoff: 0, unschedulable: 0 })
    q.close()
  })
})
