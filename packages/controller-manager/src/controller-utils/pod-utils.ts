import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

type RPod = DeepReadonly<Pod>

/** Not finished and not being deleted (upstream controller.IsPodActive). */
export function isPodActive (pod: RPod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata?.deletionTimestamp == null
}

export function podReadyCondition (pod: RPod): DeepReadonly<PodCondition> | undefined {
  return pod.status?.conditions?.find(c => c.type === 'Ready')
}

export function isPodReady (pod: RPod): boolean {
  return podReadyCondition(pod)?.status === 'True'
}

/**
 * Ready for at least `minReadySeconds` at `nowMs` (upstream podutil.IsPodAvailable). A missing transition time
 * with minReadySeconds > 0 counts as not yet available.
 */
export function isPodAvailable (pod: RPod, minReadySeconds: number, nowMs: number): boolean {
  const c = podReadyCondition(pod)
  if (c?.status !== 'True') return false
  if (minReadySeconds <= 0) return true
  const since = c.lastTransitionTime === undefined ? NaN : Date.parse(c.lastTransitionTime)
  return Number.isFinite(since) && since + minReadySeconds * 1000 <= nowMs
}

/** Milliseconds until a ready pod becomes available, or undefined if it is not ready or already available. */
export function msUntilAvailable (pod: RPod, minReadySeconds: number, nowMs: number): number | undefined {
  const c = podReadyCondition(pod)
  if (c?.status !== 'True' || minReadySeconds <= 0 || c.lastTransitionTime === undefined) return undefined
  const left = Date.parse(c.lastTransitionTime) + minReadySeconds * 1000 - nowMs
  return left > 0 ? left : undefined
}

export function podKey (pod: RPod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
}
