import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { canonicalJson } from '../../controller-utils/hash.js'

export type RD = DeepReadonly<Deployment>
export type RRS = DeepReadonly<ReplicaSet>

export const revisionAnnotation = 'deployment.kubernetes.io/revision'
export const revisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history'
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas'
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas'
export const podTemplateHashLabel = 'pod-template-hash'
/** Annotations never copied from a Deployment to its ReplicaSets (upstream skipCopyAnnotation). */
const notCopied = new Set([revisionAnnotation, revisionHistoryAnnotation, desiredReplicasAnnotation, maxReplicasAnnotation, 'kubectl.kubernetes.io/last-applied-configuration', 'deprecated.deployment.rollback.to'])
/** Upstream caps revision-history at 2 KiB of text. */
const maxRevisionHistoryChars = 2000

// Condition reasons, as upstream's deployment util.
export const Reasons = {
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  Paused: 'DeploymentPaused',
  Resumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable'
} as const

export const replicasOf = (rs: RRS | undefined): number => rs?.spec?.replicas ?? 0
export const desiredOf = (d: RD): number => d.spec?.replicas ?? 1

export function revisionOf (obj: { metadata?: { annotations?: Readonly<Record<string, string>> } } | undefined): number {
  const v = Number(obj?.metadata?.annotations?.[revisionAnnotation] ?? '0')
  return Number.isInteger(v) && v >= 0 ? v : 0
}

export function maxRevision (rss: readonly RRS[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0)
}

/** Resolves an int-or-percent against `total`, rounding up or down (upstream intstr.GetScaledValueFromIntOrPercent). */
export function scaledValue (v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const x = v ?? dflt
  if (typeof x === 'number') return x
  const m = /^(\d+)%$/.exec(x)
  if (m === null) throw new Error(`invalid value for IntOrString: invalid value "${x}": must be an integer or percentage (e.g '5%')`)
  const raw = Number(m[1]) * total / 100
  return roundUp ? Math.ceil(raw) : Math.floor(raw)
}

/** maxSurge rounded up, maxUnavailable rounded down, and never both zero (upstream ResolveFenceposts). */
export function resolveFenceposts (d: RD): { surge: number, unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate
  const desired = desiredOf(d)
  const surge = scaledValue(ru?.maxSurge as number | string | undefined, desired, true, '25%')
  let unavailable = scaledValue(ru?.maxUnavailable as number | string | undefined, desired, false, '25%')
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export const isRollingUpdate = (d: RD): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'

export function maxSurge (d: RD): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0
}

export function maxUnavailable (d: RD): number {
  if (!isRollingUpdate(d) || desiredOf(d) === 0) return 0
  return Math.min(resolveFenceposts(d).unavailable, desiredOf(d))
}

/** Pods an RS may own right now: its target, or more while surplus pods are still being removed. */
export function podsOf (rs: RRS): number {
  return Math.max(replicasOf(rs), rs.status?.replicas ?? 0)
}

/** Available pods an RS can be counted on for: never more than its target, as surplus pods are about to go. */
export function availableOf (rs: RRS): number {
  return Math.min(rs.status?.availableReplicas ?? 0, replicasOf(rs))
}

export const sum = (rss: ReadonlyArray<RRS | undefined>, f: (rs: RRS) => number): number =>
  rss.reduce((n, rs) => n + (rs === undefined ? 0 : f(rs)), 0)

function withoutHash (t: DeepReadonly<PodTemplateSpec> | undefined): string {
  const c = structuredClone(t ?? {}) as PodTemplateSpec
  if (c.metadata?.labels !== undefined) {
    delete c.metadata.labels[podTemplateHashLabel]
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels
  }
  return canonicalJson(c)
}

/** Templates equal apart from the pod-template-hash label (upstream EqualIgnoreHash). */
export function equalIgnoreHash (a: DeepReadonly<PodTemplateSpec> | undefined, b: DeepReadonly<PodTemplateSpec> | undefined): boolean {
  return withoutHash(a) === withoutHash(b)
}

/** Oldest first, then by name (upstream ReplicaSetsByCreationTimestamp). */
export function byCreation (a: RRS, b: RRS): number {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0
  if (ta !== tb) return ta - tb
  return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1
}

/** The RS running the Deployment's current template: the oldest one if several match (upstream FindNewReplicaSet). */
export function findNewReplicaSet (d: RD, rss: readonly RRS[]): RRS | undefined {
  return [...rss].sort(byCreation).find(rs => equalIgnoreHash(rs.spec?.template, d.spec?.template))
}

export function activeReplicaSets (rss: ReadonlyArray<RRS | undefined>): RRS[] {
  return rss.filter((rs): rs is RRS => rs !== undefined && replicasOf(rs) > 0)
}

export const hasProgressDeadline = (d: RD): boolean =>
  d.spec?.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== 2147483647

export function getCondition (status: DeepReadonly<DeploymentStatus> | undefined, type: string): DeepReadonly<DeploymentCondition> | undefined {
  return status?.conditions?.find(c => c.type === type)
}

export function newCondition (type: string, status: string, reason: string, message: string, nowMs: number): DeploymentCondition {
  const t = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return { type, status, reason, message, lastUpdateTime: t, lastTransitionTime: t }
}

/**
 * Upstream SetDeploymentCondition: same status and reason leaves the condition alone; same status keeps the
 * transition time; the condition moves to the end of the list.
 */
export function setCondition (status: DeploymentStatus, c: DeploymentCondition): void {
  const cur = status.conditions?.find(x => x.type === c.type)
  if (cur !== undefined && cur.status === c.status && cur.reason === c.reason) return
  if (cur !== undefined && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime
  status.conditions = [...(status.conditions ?? []).filter(x => x.type !== c.type), c]
}

export function removeCondition (status: DeploymentStatus, type: string): void {
  if (status.conditions === undefined) return
  status.conditions = status.conditions.filter(x => x.type !== type)
  if (status.conditions.length === 0) delete status.conditions
}

/** Copies the Deployment's own annotations onto the RS; true when something changed. */
function copyAnnotations (d: RD, rs: ReplicaSet): boolean {
  let changed = false
  const ann = rs.metadata!.annotations ??= {}
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (notCopied.has(k) || ann[k] === v) continue
    ann[k] = v
    changed = true
  }
  return changed
}

/** Sets desired/max replicas annotations; true when they changed. */
export function setReplicasAnnotations (rs: ReplicaSet, desired: number, max: number): boolean {
  const ann = rs.metadata!.annotations ??= {}
  if (ann[desiredReplicasAnnotation] === String(desired) && ann[maxReplicasAnnotation] === String(max)) return false
  ann[desiredReplicasAnnotation] = String(desired)
  ann[maxReplicasAnnotation] = String(max)
  return true
}

export function replicasAnnotationsNeedUpdate (rs: RRS, desired: number, max: number): boolean {
  const ann = rs.metadata?.annotations ?? {}
  return ann[desiredReplicasAnnotation] !== String(desired) || ann[maxReplicasAnnotation] !== String(max)
}

/**
 * Upstream SetNewReplicaSetAnnotations: copies annotations, raises the revision (recording the previous one in
 * revision-history, as a rollback reuses an old RS), and on creation stamps desired/max replicas.
 */
export function setNewReplicaSetAnnotations (d: RD, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  rs.metadata ??= {}
  let changed = copyAnnotations(d, rs)
  const ann = rs.metadata.annotations ??= {}
  const oldText = ann[revisionAnnotation]
  const old = oldText === undefined ? 0 : Number(oldText)
  if (oldText === undefined || old < newRevision) {
    ann[revisionAnnotation] = String(newRevision)
    changed = true
    if (oldText !== undefined && oldText !== '') {
      const history = ann[revisionHistoryAnnotation]
      let next = history === undefined || history === '' ? oldText : `${history},${oldText}`
      while (next.length > maxRevisionHistoryChars && next.includes(',')) next = next.slice(next.indexOf(',') + 1)
      ann[revisionHistoryAnnotation] = next
    }
  }
  if (!exists && setReplicasAnnotations(rs, desiredOf(d), desiredOf(d) + maxSurge(d))) changed = true
  return changed
}

/** How many pods the new RS may have now (upstream NewRSNewReplicas, with pods still going counted). */
export function newRSNewReplicas (d: RD, allRSs: readonly RRS[], newRS: RRS): number {
  if (!isRollingUpdate(d)) return desiredOf(d)
  const current = sum(allRSs, podsOf)
  const maxTotal = desiredOf(d) + maxSurge(d)
  if (current >= maxTotal) return replicasOf(newRS)
  const up = Math.min(maxTotal - current, desiredOf(d) - replicasOf(newRS))
  return replicasOf(newRS) + Math.max(0, up)
}
