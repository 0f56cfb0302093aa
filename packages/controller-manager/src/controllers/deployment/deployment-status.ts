import type { DeploymentStatus } from 'kubernetes-types/apps/v1.js'
import { desiredOf, getCondition, hasProgressDeadline, maxUnavailable, newCondition, Reasons, removeCondition, setCondition, sum } from './deployment-util.js'
import type { RD, RRS } from './deployment-util.js'

/** Upstream calculateStatus: counts from the ReplicaSets' statuses plus the Available condition. */
export function calculateStatus (allRSs: readonly RRS[], newRS: RRS | undefined, d: RD, nowMs: number): DeploymentStatus {
  const available = sum(allRSs, rs => rs.status?.availableReplicas ?? 0)
  const total = sum(allRSs, rs => rs.spec?.replicas ?? 0)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata?.generation ?? 0,
    replicas: sum(allRSs, rs => rs.status?.replicas ?? 0),
    updatedReplicas: newRS === undefined ? 0 : (newRS.status?.replicas ?? 0),
    readyReplicas: sum(allRSs, rs => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available)
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount
  if (d.status?.conditions !== undefined) status.conditions = structuredClone(d.status.conditions) as DeploymentStatus['conditions']
  if (available >= desiredOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', Reasons.MinimumReplicasAvailable, 'Deployment has minimum availability.', nowMs))
  } else {
    setCondition(status, newCondition('Available', 'False', Reasons.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', nowMs))
  }
  return status
}

/** Every replica updated and available, and the controller has seen the latest spec (upstream DeploymentComplete). */
export function deploymentComplete (d: RD, s: DeploymentStatus): boolean {
  const want = desiredOf(d)
  return s.updatedReplicas === want && s.replicas === want && s.availableReplicas === want && (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
}

/** Something moved forward since the last status (upstream DeploymentProgressing). */
export function deploymentProgressing (d: RD, s: DeploymentStatus): boolean {
  const o = d.status ?? {}
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
}

/** Past progressDeadlineSeconds since the Progressing condition last moved (upstream DeploymentTimedOut). */
export function deploymentTimedOut (d: RD, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const c = getCondition(s, 'Progressing')
  if (c === undefined || c.reason === Reasons.NewRSAvailable) return false
  if (c.reason === Reasons.TimedOut) return true
  const from = Date.parse(c.lastUpdateTime ?? '')
  return Number.isFinite(from) && from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs
}

/**
 * The status a rollout step writes (upstream syncRolloutStatus): counts, then the Progressing condition
 * (complete, progressing or timed out) and ReplicaFailure copied from the new ReplicaSet.
 */
export function rolloutStatus (allRSs: readonly RRS[], newRS: RRS | undefined, d: RD, nowMs: number): DeploymentStatus {
  const s = calculateStatus(allRSs, newRS, d, nowMs)
  if (!hasProgressDeadline(d)) removeCondition(s, 'Progressing')
  const cur = getCondition(d.status, 'Progressing')
  const complete = s.replicas === s.updatedReplicas && cur?.reason === Reasons.NewRSAvailable
  if (hasProgressDeadline(d) && !complete) {
    const rsName = newRS?.metadata?.name
    if (deploymentComplete(d, s)) {
      setCondition(s, newCondition('Progressing', 'True', Reasons.NewRSAvailable, rsName !== undefined ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata?.name ?? ''}" has successfully progressed.`, nowMs))
    } else if (deploymentProgressing(d, s)) {
      const c = newCondition('Progressing', 'True', Reasons.ReplicaSetUpdated, rsName !== undefined ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata?.name ?? ''}" is progressing.`, nowMs)
      // progress refreshes lastUpdateTime even when the reason is unchanged
      if (cur?.status === 'True' && cur.lastTransitionTime !== undefined) c.lastTransitionTime = cur.lastTransitionTime
      removeCondition(s, 'Progressing')
      setCondition(s, c)
    } else if (deploymentTimedOut(d, s, nowMs)) {
      setCondition(s, newCondition('Progressing', 'False', Reasons.TimedOut, rsName !== undefined ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata?.name ?? ''}" has timed out progressing.`, nowMs))
    }
  }
  // the new ReplicaSet's failure wins over older ones' (upstream getReplicaFailures)
  const failure = [newRS, ...allRSs].map(rs => rs?.status?.conditions?.find(c => c.type === 'ReplicaFailure')).find(c => c !== undefined)
  if (failure !== undefined) {
    setCondition(s, { type: 'ReplicaFailure', status: failure.status, reason: failure.reason, message: failure.message, lastUpdateTime: failure.lastTransitionTime, lastTransitionTime: failure.lastTransitionTime })
  } else {
    removeCondition(s, 'ReplicaFailure')
  }
  return s
}

/** Milliseconds until a stuck rollout would time out, for a delayed requeue (upstream requeueStuckDeployment). */
export function msUntilTimeout (d: RD, s: DeploymentStatus, nowMs: number): number | undefined {
  const c = getCondition(s, 'Progressing')
  if (!hasProgressDeadline(d) || c === undefined || c.reason === Reasons.NewRSAvailable || c.reason === Reasons.TimedOut) return undefined
  if (deploymentComplete(d, s)) return undefined
  const from = Date.parse(c.lastUpdateTime ?? '')
  if (!Number.isFinite(from)) return undefined
  return Math.max(0, from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - nowMs)
}
