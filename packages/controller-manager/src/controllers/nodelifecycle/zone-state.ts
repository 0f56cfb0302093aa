import type { Node, NodeCondition, Taint } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

export const unreachableTaintKey = 'node.kubernetes.io/unreachable'
export const notReadyTaintKey = 'node.kubernetes.io/not-ready'
export const zoneLabel = 'topology.kubernetes.io/zone'
export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption'

/** The zone a node counts in for rate limiting (upstream GetZoneKey: region + zone labels). */
export function zoneOf (node: DeepReadonly<Node>): string {
  const l = node.metadata?.labels ?? {}
  return `${l['topology.kubernetes.io/region'] ?? ''}:\u0000:${l[zoneLabel] ?? ''}`
}

/** Upstream ComputeZoneState: full when none is ready, partial when more than 2 and at least the threshold are not. */
export function computeZoneState (ready: number, notReady: number, unhealthyZoneThreshold: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'FullDisruption'
  if (notReady > 2 && notReady / (ready + notReady) >= unhealthyZoneThreshold) return 'PartialDisruption'
  return 'Normal'
}

export function readyCondition (node: DeepReadonly<Node>): DeepReadonly<NodeCondition> | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')
}

/** The NoExecute taint a Ready status calls for: unreachable for Unknown, not-ready for False, none for True. */
export function wantedTaintKey (readyStatus: string | undefined): string | undefined {
  if (readyStatus === 'Unknown' || readyStatus === undefined) return unreachableTaintKey
  if (readyStatus === 'False') return notReadyTaintKey
  return undefined
}

/** The node's taints with the lifecycle NoExecute taints replaced by `key` (or removed when undefined). */
export function withLifecycleTaint (taints: ReadonlyArray<DeepReadonly<Taint>>, key: string | undefined, now: string): Taint[] {
  const others = taints.filter((t) => !((t.key === unreachableTaintKey || t.key === notReadyTaintKey) && t.effect === 'NoExecute')).map((t) => structuredClone(t) as Taint)
  if (key === undefined) return others
  const kept = taints.find((t) => t.key === key && t.effect === 'NoExecute')
  return [...others, kept !== undefined ? structuredClone(kept) as Taint : { key, effect: 'NoExecute', timeAdded: now }]
}
