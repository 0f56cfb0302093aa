import type { Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

type RPod = DeepReadonly<Pod>

/** What one node holds: its pods of the current revision (`updated`) and of older ones. */
export interface NodePods { node: string, updated: RPod[], old: RPod[] }

export interface RollingUpdatePlan {
  /** Old pods to delete now. */
  deletes: RPod[]
  /** Nodes that get a new pod next to their old one (surge). */
  surgeNodes: string[]
}

/**
 * One step of a DaemonSet RollingUpdate as upstream's rollingUpdate: without surge, old pods are deleted (the
 * manage step recreates them) while at most `maxUnavailable` nodes are unavailable, unavailable old pods first and
 * always; with surge, a new pod starts beside an available old pod on up to `maxSurge` nodes at a time and the
 * old pod goes once the new one is available.
 */
export function planRollingUpdate (nodes: readonly NodePods[], maxSurge: number, maxUnavailable: number, available: (p: RPod) => boolean): RollingUpdatePlan {
  const deletes: RPod[] = []
  const surgeNodes: string[] = []
  if (maxSurge === 0) {
    let unavailable = 0
    const candidates: RPod[] = []
    for (const n of nodes) {
      const oldPod = n.old[0]
      const newPod = n.updated[0]
      if (n.updated.length + n.old.length > 1 || (oldPod === undefined && newPod === undefined)) { unavailable++; continue }
      if (newPod !== undefined) { if (!available(newPod)) unavailable++; continue }
      if (oldPod === undefined) continue
      if (!available(oldPod)) deletes.push(oldPod)
      else candidates.push(oldPod)
    }
    // deleting an unavailable pod costs nothing; each available one uses up one unit of the budget
    deletes.push(...candidates.slice(0, Math.max(0, maxUnavailable - unavailable - deletes.length)))
    return { deletes, surgeNodes }
  }
  let surging = 0
  const candidateNodes: string[] = []
  for (const n of nodes) {
    const oldPod = n.old[0]
    const newPod = n.updated[0]
    if (oldPod === undefined) continue
    if (newPod === undefined) {
      if (!available(oldPod)) surgeNodes.push(n.node)
      else candidateNodes.push(n.node)
      continue
    }
    surging++
    if (available(newPod)) deletes.push(...n.old)
  }
  surgeNodes.push(...candidateNodes.slice(0, Math.max(0, maxSurge - surging)))
  return { deletes, surgeNodes }
}
