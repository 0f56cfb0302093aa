import { ApiError, errForbidden } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import { isPlainObject } from './decode.js'

/**
 * The PodDisruptionBudget rules of the eviction subresource (upstream `pkg/registry/core/pod/storage/eviction.go`),
 * as pure functions over plain objects so they can be tested without a registry.
 */

const obj = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {})
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)

/** Terminal, pending or already-terminating pods were never counted as healthy, so the budget does not apply. */
export function canIgnoreBudget (pod: KubeObject): boolean {
  const phase = obj(pod.status).phase
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp !== undefined
}

export function isPodReady (pod: KubeObject): boolean {
  const conditions = obj(pod.status).conditions
  return Array.isArray(conditions) && conditions.some((c) => obj(c).type === 'Ready' && obj(c).status === 'True')
}

/** An unready pod may go without spending budget when the policy says so (AlwaysAllow, or IfHealthyBudget with the budget met). */
export function unhealthyMayBeEvicted (pod: KubeObject, pdb: KubeObject): boolean {
  if (isPodReady(pod)) return false
  const spec = obj(pdb.spec)
  const status = obj(pdb.status)
  if (spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return true
  return num(status.desiredHealthy) > 0 && num(status.currentHealthy) >= num(status.desiredHealthy)
}

const violation = 'Cannot evict pod as it would violate the pod\'s disruption budget.'

function tooManyRequests (cause: string): ApiError {
  return new ApiError(429, 'TooManyRequests', violation, { causes: [{ reason: 'DisruptionBudget', message: cause }] })
}

/** Upstream caps the controller's pending-eviction map so a stuck controller cannot let evictions run away. */
const maxDisruptedPods = 2000

/**
 * Spends one disruption of `pdb` for `podName` (upstream `checkAndDecrement`): 429 when none is left or the budget's
 * status is stale, 403 for impossible states. Returns the PDB to write back with the pod recorded as disrupted.
 */
export function spendDisruption (pdb: KubeObject, podName: string, now: Date): KubeObject {
  const status = obj(pdb.status)
  const name = pdb.metadata.name ?? ''
  if (num(status.observedGeneration) < (pdb.metadata.generation ?? 0)) {
    throw tooManyRequests(`The disruption budget ${name} is still being processed by the server.`)
  }
  const allowed = num(status.disruptionsAllowed)
  if (allowed < 0) throw errForbidden(`poddisruptionbudgets.policy "${name}" is forbidden: pdb disruptions allowed is negative`)
  const disrupted = obj(status.disruptedPods)
  if (Object.keys(disrupted).length > maxDisruptedPods) {
    throw errForbidden(`poddisruptionbudgets.policy "${name}" is forbidden: DisruptedPods map too big - too many evictions not confirmed by PDB controller`)
  }
  if (allowed === 0) {
    throw tooManyRequests(`The disruption budget ${name} needs ${num(status.desiredHealthy)} healthy pods and has ${num(status.currentHealthy)} currently`)
  }
  const next = structuredClone(pdb)
  next.status = { ...status, disruptionsAllowed: allowed - 1, disruptedPods: { ...disrupted, [podName]: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } }
  return next
}

/** The condition upstream adds before deleting an evicted pod, so its controllers can tell why it went away. */
export function withDisruptionTarget (pod: KubeObject, now: Date): KubeObject {
  const next = structuredClone(pod)
  const status = obj(next.status)
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []).filter((c) => obj(c).type !== 'DisruptionTarget')
  conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastProbeTime: null, lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z') })
  next.status = { ...status, conditions }
  return next
}
