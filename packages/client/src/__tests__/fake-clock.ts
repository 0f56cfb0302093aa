import type { Clock, TimerHandle } from '../clock.js'

/** Test-only clock: time moves on `step`; due timers fire in deadline order. */
export class ManualClock implements Clock {
  private t: number
  private id = 0
  private timers: Array<{ id: number, at: number, fn: () => void }> = []
  constructor (start = 0) { this.t = start }
  now (): number { return this.t }
  setTimeout (fn: () => void, ms: number): TimerHandle {
    const id = ++this.id
    this.timers.push({ id, at: this.t + Math.max(0, ms), fn })
    return id
  }

  clearTimeout (h: TimerHandle): void { this.timers = this.timers.filter(x => x.id !== h) }
  pending (): number { return this.timers.length }
  step (ms: number): void {
    const target = this.t + ms
    for (;;) {
      const due = this.timers.filter(x => x.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (due === undefined) break
      this.timers = this.timers.filter(x => x.id !== due.id)
      this.t = Math.max(this.t, due.at)
      due.fn()
    }
    this.t = target
  }
}

/** Lets pending promise callbacks run (several microtask and macrotask turns). */
export async function flush (turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise(resolve => setImmediate(resolve))
}
