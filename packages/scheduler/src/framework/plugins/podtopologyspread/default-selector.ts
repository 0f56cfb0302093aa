import type { Pod } from 'kubernetes-types/core/v1.js'
import { newRequirement, selectorFromLabelSelector, selectorFromRequirements } from '@kube-ts/api'
import type { LabelRequirement, Selector } from '@kube-ts/api'
import type { Listers } from '../../interface.js'

/**
 * Upstream helper.DefaultSelector: the labels of every Service selecting the pod merged together, plus the
 * selector of the pod's controlling ReplicationController, ReplicaSet or StatefulSet. They all select the pod,
 * so merging cannot conflict. An empty result means "no default spreading" for this pod.
 */
export function defaultSelector (pod: Pod, listers: Listers | undefined): Selector {
  const ns = pod.metadata?.namespace ?? ''
  const labels = pod.metadata?.labels ?? {}
  const set = new Map<string, string>()
  for (const svc of listers?.services?.(ns) ?? []) {
    const sel = svc.spec?.selector
    // a Service without a selector selects nothing (its endpoints are managed by hand)
    if (sel === undefined || sel === null) continue
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) for (const [k, v] of Object.entries(sel)) set.set(k, v)
  }
  const extra: LabelRequirement[] = []
  const owner = pod.metadata?.ownerReferences?.find(r => r.controller === true)
  if (owner !== undefined) {
    const find = <T extends { metadata?: { name?: string } }>(list: readonly T[] | undefined): T | undefined => list?.find(o => o.metadata?.name === owner.name)
    if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
      for (const [k, v] of Object.entries(find(listers?.replicationControllers?.(ns))?.spec?.selector ?? {})) set.set(k, v)
    } else if (owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
      const obj = owner.kind === 'ReplicaSet' ? find(listers?.replicaSets?.(ns)) : find(listers?.statefulSets?.(ns))
      extra.push(...requirementsOf(obj?.spec?.selector))
    }
  }
  return selectorFromRequirements([...[...set].map(([k, v]) => newRequirement(k, '=', [v])), ...extra])
}

/** A workload selector's requirements; a missing or invalid one adds nothing (upstream ignores the error). */
function requirementsOf (sel: Parameters<typeof selectorFromLabelSelector>[0]): LabelRequirement[] {
  if (sel === undefined || sel === null) return []
  try { return selectorFromLabelSelector(sel).requirements } catch { return [] }
}
