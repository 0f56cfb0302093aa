import type { Pod } from 'kubernetes-types/core/v1.js'
import type { Clock, TimerHandle } from '@kube-ts/client'
import { formatDuration } from '@kube-ts/component-base'
import { Code, Status } from './status.js'

/** Upstream caps a Permit plugin's wait at 15 minutes. */
export const MAX_PERMIT_WAIT_MS = 15 * 60 * 1000

/**
 * A pod whose Permit plugins asked it to wait (upstream waitingPod): each waiting plugin has its own timer, the
 * pod is released once every one of them allowed it, and the first rejection (or timeout) settles it.
 */
export class WaitingPod {
  private readonly pending = new Map<string, TimerHandle>()
  private settle: (s: Status) => void = () => {}
  private settled = false
  /** Success once all plugins allowed; Unschedulable with the rejecting plugin otherwise. */
  readonly result: Promise<Status>

  constructor (readonly pod: Pod, waits: ReadonlyMap<string, number>, private readonly clock: Clock) {
    this.result = new Promise((resolve) => { this.settle = resolve })
    for (const [plugin, ms] of waits) {
      this.pending.set(plugin, clock.setTimeout(() => {
        this.reject(plugin, `rejected due to timeout after waiting ${formatDuration(ms)} at plugin ${plugin}`)
      }, ms))
    }
  }

  pendingPlugins (): string[] { return [...this.pending.keys()] }

  allow (plugin: string): void {
    const t = this.pending.get(plugin)
    if (t !== undefined) { this.clock.clearTimeout(t); this.pending.delete(plugin) }
    if (this.pending.size === 0) this.finish(Status.success())
  }

  reject (plugin: string, message: string): void {
    this.finish(new Status(Code.Unschedulable, [message], plugin))
  }

  private finish (s: Status): void {
    if (this.settled) return
    this.settled = true
    for (const t of this.pending.values()) this.clock.clearTimeout(t)
    this.settle(s)
  }
}

/** Pods parked at Permit, by UID (upstream waitingPodsMap); shared by every profile as upstream. */
export class WaitingPods {
  private readonly pods = new Map<string, WaitingPod>()

  constructor (readonly clock: Clock) {}

  add (wp: WaitingPod): void { this.pods.set(uidOf(wp.pod), wp) }
  remove (pod: Pod): void { this.pods.delete(uidOf(pod)) }
  get (uid: string): WaitingPod | undefined { return this.pods.get(uid) }
  list (): WaitingPod[] { return [...this.pods.values()] }

  /** Rejects the waiting pod with this UID, if any (a deleted pod, a preemption victim); true when one was found. */
  reject (uid: string, plugin: string, message: string): boolean {
    const wp = this.pods.get(uid)
    wp?.reject(plugin, message)
    return wp !== undefined
  }
}

/** UID, falling back to namespace/name for objects without one (unit-test fixtures). */
export function uidOf (pod: Pod): string {
  return pod.metadata?.uid ?? `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
}
