import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { selectorFromLabelSelector } from '@kube-ts/api'
import type { Selector } from '@kube-ts/api'
import type { PodInfo } from '../../node-info.js'

/**
 * Splits victims into those whose eviction would exceed a matching PDB's `disruptionsAllowed` and the rest
 * (upstream filterPodsWithPDBViolation). Each matching PDB's budget is spent in victim order; pods already listed
 * in `status.disruptedPods` were counted by the disruption controller and spend nothing. A PDB with an empty or
 * invalid selector matches nothing.
 */
export function splitByPdbViolation (victims: readonly PodInfo[], pdbs: readonly PodDisruptionBudget[]): { violating: PodInfo[], nonViolating: PodInfo[] } {
  const allowed = pdbs.map(p => p.status?.disruptionsAllowed ?? 0)
  const selectors = pdbs.map(p => selectorOf(p))
  const violating: PodInfo[] = []
  const nonViolating: PodInfo[] = []
  for (const v of victims) {
    const pod = v.pod
    let violated = false
    if (Object.keys(pod.metadata?.labels ?? {}).length > 0) {
      pdbs.forEach((pdb, i) => {
        const sel = selectors[i]
        if (pdb.metadata?.namespace !== pod.metadata?.namespace || sel === undefined || !sel.matches(pod.metadata?.labels)) return
        if (pdb.status?.disruptedPods?.[pod.metadata?.name ?? ''] !== undefined) return
        allowed[i] = (allowed[i] ?? 0) - 1
        if ((allowed[i] ?? 0) < 0) violated = true
      })
    }
    if (violated) violating.push(v)
    else nonViolating.push(v)
  }
  return { violating, nonViolating }
}

function selectorOf (pdb: PodDisruptionBudget): Selector | undefined {
  try {
    const sel = selectorFromLabelSelector(pdb.spec?.selector)
    return sel.empty() ? undefined : sel
  } catch {
    return undefined
  }
}

/** True for a pod being deleted because this or another scheduler preempted it (upstream podTerminatingByPreemption). */
export function terminatingByPreemption (pod: Pod): boolean {
  if (pod.metadata?.deletionTimestamp === undefined || pod.metadata.deletionTimestamp === null) return false
  return pod.status?.conditions?.some(c => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler') === true
}
