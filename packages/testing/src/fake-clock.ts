import type { Clock, TimerHandle } from '@kube-ts/client'

// One Clock contract for the whole project: the interface and the real clock live in @kube-ts/client.
export type { Clock, TimerHandle } from '@kube-ts/client'
export { systemClock } from '@kube-ts/client'

interface PendingTimer { id: number, at: number, fn: () => void }

/**
 * A clock that only moves when told to. `step(ms)` advances time and fires due timers in deadline order (ties in
 * creation order); timers scheduled by a firing callback run in the same step when they fall due within it.
 */
export class FakeClock implements Clock {
  private current: number
  private nextId = 1
  private timers: PendingTimer[] = []

  constructor (startMs = 0) {
    this.current = startMs
  }

  now (): number {
    return this.current
  }

  setTimeout (fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++
    this.timers.push({ id, at: this.current + Math.max(0, ms), fn })
    return id
  }

  clearTimeout (handle: TimerHandle): void {
    this.timers = this.timers.filter(t => t.id !== handle)
  }

  /** Number of timers not yet fired or cleared (handy for asserting that nothing is left scheduled). */
  pendingTimers (): number {
    return this.timers.length
  }

  /** Advances time by `ms`, firing every timer whose deadline is reached. */
  step (ms: number): void {
    if (ms < 0) throw new Error('FakeClock cannot step backwards')
    const target = this.current + ms
    for (;;) {
      const due = this.nextDue(target)
      if (due === undefined) break
      this.timers = this.timers.filter(t => t.id !== due.id)
      this.current = Math.max(this.current, due.at)
      due.fn()
    }
    this.current = target
  }

  /** Moves to an absolute time (not earlier than now). */
  setTime (ms: number): void {
    this.step(ms - this.current)
  }

  private nextDue (target: number): PendingTimer | undefined {
    let best: PendingTimer | undefined
    for (const t of this.timers) {
      if (t.at > target) continue
      if (best === undefined || t.at < best.at || (t.at === best.at && t.id < best.id)) best = t
    }
    return best
  }
}
