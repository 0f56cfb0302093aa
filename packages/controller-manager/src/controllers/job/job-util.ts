import type { Job, JobCondition } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

type RJob = DeepReadonly<Job>
type RPod = DeepReadonly<Pod>

/** Upstream DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const defaultPodFailureBackoffMs = 10_000
export const maxPodFailureBackoffMs = 360_000

/** The Complete or Failed condition that ends a job, if it is True (upstream IsJobFinished). */
export function finishedCondition (job: RJob): DeepReadonly<JobCondition> | undefined {
  return job.status?.conditions?.find(c => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
}

/** When the job finished: completionTime, else the finishing condition's transition time. */
export function finishTime (job: RJob): number | undefined {
  const c = finishedCondition(job)
  if (c === undefined) return undefined
  const t = Date.parse(job.status?.completionTime ?? c.lastTransitionTime ?? '')
  return Number.isFinite(t) ? t : undefined
}

/**
 * Sets a condition, keeping lastTransitionTime when the status does not change (upstream ensureJobConditionStatus).
 * Returns true when anything changed.
 */
export function setCondition (conds: JobCondition[], type: string, status: 'True' | 'False', reason: string, message: string, nowIso: string): boolean {
  const cur = conds.find(c => c.type === type)
  if (cur === undefined) {
    if (status === 'False') return false
    conds.push({ type, status, reason, message, lastProbeTime: nowIso, lastTransitionTime: nowIso })
    return true
  }
  if (cur.status === status && cur.reason === reason && cur.message === message) return false
  if (cur.status !== status) cur.lastTransitionTime = nowIso
  cur.status = status
  cur.reason = reason
  cur.message = message
  cur.lastProbeTime = nowIso
  return true
}

/** When a terminal pod finished (upstream getFinishedTime): latest container finishedAt, else Ready=False since, else creation. */
export function podFinishTime (pod: RPod): number {
  let latest = NaN
  for (const s of pod.status?.containerStatuses ?? []) {
    const t = Date.parse(s.state?.terminated?.finishedAt ?? '')
    if (Number.isFinite(t) && !(t <= latest)) latest = t
  }
  if (Number.isFinite(latest)) return latest
  const ready = pod.status?.conditions?.find(c => c.type === 'Ready' && c.status === 'False')
  const t = Date.parse(ready?.lastTransitionTime ?? pod.metadata?.creationTimestamp ?? '')
  return Number.isFinite(t) ? t : 0
}

/**
 * Milliseconds to wait before creating replacement pods (upstream backoffRecord): each failure after the last
 * success doubles the delay from `baseMs`, capped at `maxMs`, counted from the last failure. 0 means create now.
 */
export function remainingBackoffMs (failedPods: readonly RPod[], succeededPods: readonly RPod[], nowMs: number, baseMs = defaultPodFailureBackoffMs, maxMs = maxPodFailureBackoffMs): number {
  const lastSuccess = Math.max(-Infinity, ...succeededPods.map(podFinishTime))
  const failures = failedPods.map(podFinishTime).filter(t => t > lastSuccess)
  if (failures.length === 0) return 0
  const delay = Math.min(maxMs, baseMs * 2 ** (failures.length - 1))
  return Math.max(0, Math.max(...failures) + delay - nowMs)
}

/** Sum of container restarts of active pods (OnFailure jobs count these against backoffLimit). */
export function restartCount (pods: readonly RPod[]): number {
  let n = 0
  for (const p of pods) for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) n += s.restartCount ?? 0
  return n
}
