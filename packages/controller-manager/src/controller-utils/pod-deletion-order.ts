import type { Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { podReadyCondition } from './pod-utils.js'

type RPod = DeepReadonly<Pod>

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
export const podDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost'

function time (s: string | undefined | null): number {
  const t = s == null ? NaN : Date.parse(s)
  return Number.isFinite(t) ? t : -Infinity
}

function restarts (p: RPod): number {
  return (p.status?.containerStatuses ?? []).reduce((n, c) => Math.max(n, c.restartCount ?? 0), 0)
}

function cost (p: RPod): number {
  const v = Number(p.metadata?.annotations?.[podDeletionCostAnnotation] ?? 0)
  return Number.isFinite(v) ? v : 0
}

/**
 * Sorts pods so the ones to delete first come first (upstream ActivePodsWithRanks): unscheduled before
 * scheduled, Pending before Unknown before Running, not ready before ready, lower deletion cost first, more
 * co-located siblings (`rank`) first, ready for less time first, more restarts first, newer before older.
 */
export function sortForDeletion (list: readonly RPod[], rank: (p: RPod) => number = () => 0): RPod[] {
  return [...list].sort((a, b) => {
    const sa = (a.spec?.nodeName ?? '') === '' ? 0 : 1
    const sb = (b.spec?.nodeName ?? '') === '' ? 0 : 1
    if (sa !== sb) return sa - sb
    const pa = phaseRank[a.status?.phase ?? 'Pending'] ?? 0
    const pb = phaseRank[b.status?.phase ?? 'Pending'] ?? 0
    if (pa !== pb) return pa - pb
    const ra = podReadyCondition(a)?.status === 'True' ? 1 : 0
    const rb = podReadyCondition(b)?.status === 'True' ? 1 : 0
    if (ra !== rb) return ra - rb
    if (cost(a) !== cost(b)) return cost(a) - cost(b)
    if (rank(a) !== rank(b)) return rank(b) - rank(a)
    if (ra === 1) {
      const ta = time(podReadyCondition(a)?.lastTransitionTime)
      const tb = time(podReadyCondition(b)?.lastTransitionTime)
      if (ta !== tb) return tb - ta
    }
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a)
    return time(b.metadata?.creationTimestamp) - time(a.metadata?.creationTimestamp)
  })
}

/** Rank = how many of these pods share the pod's node, so crowded nodes lose pods first (upstream getPodsRankedByRelatedPodsOnSameNode). */
export function coLocationRank (podsOfOwner: readonly RPod[]): (p: RPod) => number {
  const perNode = new Map<string, number>()
  for (const p of podsOfOwner) {
    const n = p.spec?.nodeName ?? ''
    if (n !== '') perNode.set(n, (perNode.get(n) ?? 0) + 1)
  }
  return (p) => perNode.get(p.spec?.nodeName ?? '') ?? 0
}
