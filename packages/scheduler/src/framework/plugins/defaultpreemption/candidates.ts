import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { Framework } from '../../framework.js'
import type { NodeInfo, PodInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { splitByPdbViolation } from './pdb.js'

export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod'

/** A node where evicting `victims` (most important first) lets the preemptor fit. */
export interface Candidate { node: string, victims: Pod[], numPdbViolations: number }

export const podPriority = (p: Pod): number => p.spec?.priority ?? 0

/** status.startTime; a pod that has not started counts as starting now (upstream GetPodStartTime). */
export function startTimeOf (p: Pod, now: number): number {
  const t = Date.parse(p.status?.startTime ?? '')
  return Number.isNaN(t) ? now : t
}

/** Higher priority first, then the pod that started earlier (upstream MoreImportantPod). */
export function moreImportant (a: Pod, b: Pod, now: number): number {
  return podPriority(b) - podPriority(a) || startTimeOf(a, now) - startTimeOf(b, now)
}

/**
 * Upstream selectVictimsOnNode: remove every lower-priority pod and check the preemptor fits (with nominated
 * pods counted); then reprieve as many as possible, PDB-violating victims first, each group from the most
 * important down. Returns the victims (most important first) and how many of them violate a PDB, or the
 * status saying why this node cannot help.
 */
export function selectVictimsOnNode (fw: Framework, base: CycleState, pod: Pod, original: NodeInfo, pdbs: readonly PodDisruptionBudget[], now: number): { victims: Pod[], numPdbViolations: number } | Status {
  const state = base.clone()
  const node = original.clone()
  const prio = podPriority(pod)
  const lower = [...node.pods.values()].filter(i => podPriority(i.pod) < prio)
  if (lower.length === 0) return Status.unresolvable(MSG_NO_VICTIMS)
  for (const i of lower) {
    node.removePod(i.pod)
    fw.runRemovePod(state, pod, i.pod, node)
  }
  const fits = fw.runFilter(state, pod, node)
  if (!fits.isSuccess()) return fits
  lower.sort((a, b) => moreImportant(a.pod, b.pod, now))
  const { violating, nonViolating } = splitByPdbViolation(lower, pdbs)
  const victims: PodInfo[] = []
  const reprieve = (i: PodInfo): boolean => {
    node.addPod(i)
    fw.runAddPod(state, pod, i.pod, node)
    if (fw.runFilter(state, pod, node).isSuccess()) return true
    node.removePod(i.pod)
    fw.runRemovePod(state, pod, i.pod, node)
    victims.push(i)
    return false
  }
  let numPdbViolations = 0
  for (const i of violating) if (!reprieve(i)) numPdbViolations++
  for (const i of nonViolating) reprieve(i)
  const out = victims.map(i => i.pod)
  if (violating.length > 0 && nonViolating.length > 0) out.sort((a, b) => moreImportant(a, b, now))
  return { victims: out, numPdbViolations }
}

/** Earliest start among the highest-priority victims (upstream GetEarliestPodStartTime). */
function earliestStartOfMostImportant (victims: readonly Pod[], now: number): number {
  const top = Math.max(...victims.map(podPriority))
  return Math.min(...victims.filter(v => podPriority(v) === top).map(v => startTimeOf(v, now)))
}

/**
 * Upstream pickOneNodeForPreemption: each criterion keeps the best-scoring candidates and the first to leave one
 * decides: fewest PDB violations, lowest highest-victim priority, smallest priority sum (each shifted by 2^31 so
 * negative priorities count), fewest victims, latest start among the highest-priority victims; then the first.
 */
export function pickOneNodeForPreemption (cands: readonly Candidate[], now: number): Candidate | undefined {
  const scores: Array<(c: Candidate) => number> = [
    c => -c.numPdbViolations,
    c => -podPriority(c.victims[0] as Pod),
    c => -c.victims.reduce((sum, v) => sum + podPriority(v) + 2147483648, 0),
    c => -c.victims.length,
    c => earliestStartOfMostImportant(c.victims, now)
  ]
  let remaining = [...cands]
  for (const score of scores) {
    if (remaining.length <= 1) break
    let best = -Infinity
    let kept: Candidate[] = []
    for (const c of remaining) {
      const s = score(c)
      if (s > best) { best = s; kept = [c] } else if (s === best) kept.push(c)
    }
    remaining = kept
  }
  return remaining[0]
}
