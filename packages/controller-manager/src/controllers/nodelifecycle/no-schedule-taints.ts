import type { Node, Taint } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

export const unschedulableTaintKey = 'node.kubernetes.io/unschedulable'

/** Upstream nodeConditionToTaintKeyStatusMap: the NoSchedule taint each condition status calls for. */
const conditionTaints: Record<string, Record<string, string>> = {
  Ready: { False: 'node.kubernetes.io/not-ready', Unknown: 'node.kubernetes.io/unreachable' },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' }
}
const managedKeys = new Set([unschedulableTaintKey, ...Object.values(conditionTaints).flatMap((m) => Object.values(m))])

/** The NoSchedule taint keys a node's conditions and spec.unschedulable call for (upstream doNoScheduleTaintingPass). */
export function wantedNoScheduleTaintKeys (node: DeepReadonly<Node>): string[] {
  const keys: string[] = []
  for (const c of node.status?.conditions ?? []) {
    const key = conditionTaints[c.type]?.[c.status]
    if (key !== undefined && !keys.includes(key)) keys.push(key)
  }
  if (node.spec?.unschedulable === true) keys.push(unschedulableTaintKey)
  return keys
}

/**
 * The node's taints with the controller-managed NoSchedule ones set to exactly `keys`, or undefined when they
 * already are: taints it does not manage stay as they are, kept ones keep their timeAdded, new ones get `now`.
 */
export function withNoScheduleTaints (taints: ReadonlyArray<DeepReadonly<Taint>>, keys: readonly string[], now: string): Taint[] | undefined {
  const isManaged = (t: DeepReadonly<Taint>): boolean => t.effect === 'NoSchedule' && managedKeys.has(t.key)
  const present = taints.filter(isManaged).map((t) => t.key)
  const toAdd = keys.filter((k) => !present.includes(k))
  const toRemove = present.filter((k) => !keys.includes(k))
  if (toAdd.length === 0 && toRemove.length === 0) return undefined
  const kept = taints.filter((t) => !isManaged(t) || keys.includes(t.key)).map((t) => structuredClone(t) as Taint)
  return [...kept, ...toAdd.map((key): Taint => ({ key, effect: 'NoSchedule', timeAdded: now }))]
}
