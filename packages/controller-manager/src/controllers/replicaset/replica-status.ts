import type { Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { selectorFromLabelSelector } from '@kube-ts/api'
import { isPodAvailable, isPodReady } from '../../controller-utils/pod-utils.js'
import type { ReplicaCondition, ReplicaStatus, ReplicatedObject } from './workload-kind.js'

export const replicaFailureCondition = 'ReplicaFailure'

/**
 * The status a sync writes (upstream calculateStatus): counts over the claimed active pods, plus a ReplicaFailure
 * condition while creating or deleting pods fails (kept unchanged while it persists, removed once it clears).
 */
export function calculateStatus (rs: DeepReadonly<ReplicatedObject>, pods: ReadonlyArray<DeepReadonly<Pod>>, manageError: unknown, nowMs: number): ReplicaStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {}
  const templateSelector = Object.keys(templateLabels).length === 0 ? undefined : selectorFromLabelSelector({ matchLabels: { ...templateLabels } })
  const fullyLabeled = (l: Record<string, string> | undefined): boolean => templateSelector === undefined || templateSelector.matches(l)
  const minReady = rs.spec?.minReadySeconds ?? 0
  let fully = 0
  let ready = 0
  let available = 0
  for (const p of pods) {
    if (fullyLabeled(p.metadata?.labels as Record<string, string> | undefined)) fully++
    if (isPodReady(p)) ready++
    if (isPodAvailable(p, minReady, nowMs)) available++
  }
  let conditions = (rs.status?.conditions ?? []).map(c => ({ ...c })) as ReplicaCondition[]
  const failure = conditions.find(c => c.type === replicaFailureCondition)
  if (manageError !== undefined && failure === undefined) {
    const diff = pods.length - (rs.spec?.replicas ?? 1)
    conditions.push({
      type: replicaFailureCondition,
      status: 'True',
      lastTransitionTime: new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      reason: diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '',
      message: (manageError as Error).message ?? String(manageError)
    })
  } else if (manageError === undefined && failure !== undefined) {
    conditions = conditions.filter(c => c.type !== replicaFailureCondition)
  }
  const status: ReplicaStatus = { replicas: pods.length, fullyLabeledReplicas: fully, readyReplicas: ready, availableReplicas: available }
  if (rs.status?.observedGeneration !== undefined) status.observedGeneration = rs.status.observedGeneration
  if (conditions.length > 0) status.conditions = conditions
  return status
}

/** Whether writing `next` (with observedGeneration = generation) would change anything. */
export function statusChanged (rs: DeepReadonly<ReplicatedObject>, next: ReplicaStatus): boolean {
  const cur = rs.status
  return (cur?.replicas ?? 0) !== next.replicas ||
    (cur?.fullyLabeledReplicas ?? 0) !== (next.fullyLabeledReplicas ?? 0) ||
    (cur?.readyReplicas ?? 0) !== (next.readyReplicas ?? 0) ||
    (cur?.availableReplicas ?? 0) !== (next.availableReplicas ?? 0) ||
    cur?.observedGeneration !== rs.metadata.generation ||
    JSON.stringify(cur?.conditions ?? []) !== JSON.stringify(next.conditions ?? [])
}
