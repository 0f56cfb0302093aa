import type { Pod } from 'kubernetes-types/core/v1.js'
import type { Clock, TimerHandle } from '@kube-ts/client'
import { podKey } from '../framework/node-info.js'
import { eventCanHelp } from './events.js'
import type { ClusterEvent } from './events.js'
import { KeyedHeap } from './heap.js'

/** A pod waiting in the queue, with its retry history (upstream QueuedPodInfo). */
export interface QueuedPodInfo {
  pod: Pod
  key: string
  /** When it last entered the active queue (ordering tiebreak). */
  timestamp: number
  /** When it was first added; e2e latency starts here. */
  initialAttemptTimestamp: number
  attempts: number
  /** Plugins that rejected it in the last attempt; decides which events move it. */
  unschedulablePlugins: Set<string>
}

export interface SchedulingQueueOptions {
  clock: Clock
  initialBackoffMs?: number
  maxBackoffMs?: number
  maxInUnschedulableMs?: number
}

const priorityOf = (p: Pod): number => p.spec?.priority ?? 0

/** Higher priority first, then the pod that has waited longest (upstream PrioritySort). */
export function lessQueued (a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = priorityOf(a.pod)
  const pb = priorityOf(b.pod)
  return pa > pb || (pa === pb && a.timestamp < b.timestamp)
}

/**
 * The scheduler's three sub-queues (upstream PriorityQueue): active (heap by priority, then age), backoff (1 s
 * doubling to 10 s by default) and unschedulable (until a relevant cluster event, or at most
 * `maxInUnschedulableMs`). Timers run on the injected clock: backoff is flushed every second, the
 * unschedulable pool every 30 s.
 */
export class SchedulingQueue {
  private readonly active = new KeyedHeap<QueuedPodInfo>(lessQueued)
  private readonly backoff = new KeyedHeap<QueuedPodInfo>((a, b) => this.backoffExpiry(a) < this.backoffExpiry(b))
  private readonly unschedulable = new Map<string, QueuedPodInfo>()
  private readonly waiters: Array<(info: QueuedPodInfo | undefined) => void> = []
  private readonly clock: Clock
  private readonly initialBackoffMs: number
  private readonly maxBackoffMs: number
  private readonly maxInUnschedulableMs: number
  private schedulingCycle = 0
  private moveRequestCycle = -1
  private closed = false
  private timers: TimerHandle[] = []

  constructor (o: SchedulingQueueOptions) {
    this.clock = o.clock
    this.initialBackoffMs = o.initialBackoffMs ?? 1000
    this.maxBackoffMs = o.maxBackoffMs ?? 10_000
    this.maxInUnschedulableMs = o.maxInUnschedulableMs ?? 300_000
  }

  /** Starts the periodic flushes. */
  run (): void {
    const every = (ms: number, fn: () => void): void => {
      const tick = (): void => {
        if (this.closed) return
        fn()
        this.timers.push(this.clock.setTimeout(tick, ms))
      }
      this.timers.push(this.clock.setTimeout(tick, ms))
    }
    every(1000, () => this.flushBackoffCompleted())
    every(30_000, () => this.flushUnschedulableLeftover())
  }

  close (): void {
    this.closed = true
    for (const t of this.timers) this.clock.clearTimeout(t)
    this.timers = []
    for (const w of this.waiters.splice(0)) w(undefined)
  }

  /** A new pending pod goes straight to the active queue. */
  add (pod: Pod): void {
    const key = podKey(pod)
    if (this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key)) { this.update(pod); return }
    const now = this.clock.now()
    this.pushActive({ pod, key, timestamp: now, initialAttemptTimestamp: now, attempts: 0, unschedulablePlugins: new Set() })
  }

  /** The pod changed while pending: refresh it; an unschedulable pod whose spec changed gets another try. */
  update (pod: Pod): void {
    const key = podKey(pod)
    for (const q of [this.active, this.backoff]) {
      const info = q.get(key)
      if (info !== undefined) { q.push(key, { ...info, pod }); return }
    }
    const info = this.unschedulable.get(key)
    if (info !== undefined) {
      this.unschedulable.delete(key)
      const next = { ...info, pod }
      if (JSON.stringify(info.pod.spec) !== JSON.stringify(pod.spec) || JSON.stringify(info.pod.metadata?.labels) !== JSON.stringify(pod.metadata?.labels)) this.requeue(next)
      else this.unschedulable.set(key, next)
      return
    }
    this.add(pod)
  }

  delete (pod: Pod): void {
    const key = podKey(pod)
    this.active.delete(key)
    this.backoff.delete(key)
    this.unschedulable.delete(key)
  }

  /** Waits for the next pod; undefined once closed or `signal` aborts. */
  async pop (signal?: AbortSignal): Promise<QueuedPodInfo | undefined> {
    const now = this.take()
    if (now !== undefined || this.closed) return now
    return await new Promise((resolve) => {
      const onAbort = (): void => {
        const i = this.waiters.indexOf(done)
        if (i >= 0) this.waiters.splice(i, 1)
        resolve(undefined)
      }
      const done = (info: QueuedPodInfo | undefined): void => { signal?.removeEventListener('abort', onAbort); resolve(info) }
      if (signal?.aborted === true) { resolve(undefined); return }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(done)
    })
  }

  /**
   * After a failed attempt: back to backoff when a move request arrived during the attempt (something changed
   * that might help), else into the unschedulable pool until an event helps.
   */
  addUnschedulable (info: QueuedPodInfo, podSchedulingCycle: number): void {
    if (this.closed) return
    info.timestamp = this.clock.now()
    if (this.moveRequestCycle >= podSchedulingCycle) this.backoff.push(info.key, info)
    else this.unschedulable.set(info.key, info)
  }

  /** After an error (e.g. a failed bind): retry with backoff regardless of events. */
  addBackoff (info: QueuedPodInfo): void {
    if (this.closed) return
    info.timestamp = this.clock.now()
    this.backoff.push(info.key, info)
  }

  /**
   * Moves unschedulable pods that `event` might help to backoff (still backing off) or active; `except` stays (the
   * pod whose own Permit rejection caused the event, as upstream's precheck).
   */
  moveAllToActiveOrBackoff (event: ClusterEvent, except?: string): void {
    for (const [key, info] of this.unschedulable) {
      if (key === except || !eventCanHelp(event, info.unschedulablePlugins)) continue
      this.unschedulable.delete(key)
      this.requeue(info)
    }
    this.moveRequestCycle = this.schedulingCycle
  }

  /** The cycle number of the most recent pop; pass it back to addUnschedulable. */
  currentCycle (): number { return this.schedulingCycle }

  lengths (): { active: number, backoff: number, unschedulable: number } {
    return { active: this.active.size, backoff: this.backoff.size, unschedulable: this.unschedulable.size }
  }

  /** 1 s, 2 s, 4 s, ... capped at the max, counted from the last attempt. */
  backoffDurationMs (attempts: number): number {
    let d = this.initialBackoffMs
    for (let i = 1; i < attempts && d < this.maxBackoffMs; i++) d *= 2
    return Math.min(d, this.maxBackoffMs)
  }

  flushBackoffCompleted (): void {
    const now = this.clock.now()
    for (let top = this.backoff.peek(); top !== undefined && this.backoffExpiry(top) <= now; top = this.backoff.peek()) {
      this.backoff.pop()
      this.pushActive(top)
    }
  }

  flushUnschedulableLeftover (): void {
    const now = this.clock.now()
    for (const [key, info] of this.unschedulable) {
      if (now - info.timestamp < this.maxInUnschedulableMs) continue
      this.unschedulable.delete(key)
      this.requeue(info)
    }
  }

  private backoffExpiry (info: QueuedPodInfo): number {
    return info.timestamp + this.backoffDurationMs(info.attempts)
  }

  private requeue (info: QueuedPodInfo): void {
    if (this.backoffExpiry(info) > this.clock.now()) this.backoff.push(info.key, info)
    else this.pushActive(info)
  }

  private pushActive (info: QueuedPodInfo): void {
    if (this.closed) return
    const waiter = this.waiters.shift()
    if (waiter !== undefined) { this.started(info); waiter(info); return }
    this.active.push(info.key, info)
  }

  private take (): QueuedPodInfo | undefined {
    const info = this.active.pop()
    if (info !== undefined) this.started(info)
    return info
  }

  private started (info: QueuedPodInfo): void {
    info.attempts++
    this.schedulingCycle++
  }
}
