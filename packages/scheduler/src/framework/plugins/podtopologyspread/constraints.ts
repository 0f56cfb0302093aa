import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { newRequirement, selectorFromLabelSelector, selectorFromRequirements } from '@kube-ts/api'
import type { Selector } from '@kube-ts/api'
import { findUntoleratedTaint } from '../helper/taints.js'
import { matchesRequiredAffinity } from '../nodeaffinity/node-affinity.js'

/** A constraint ready to evaluate (upstream topologySpreadConstraint). */
export interface Constraint {
  maxSkew: number
  topologyKey: string
  selector: Selector
  minDomains: number
  /** Honor: only nodes matching the pod's node affinity/selector count (default). */
  nodeAffinityPolicy: 'Honor' | 'Ignore'
  /** Honor: nodes with a NoSchedule/NoExecute taint the pod does not tolerate do not count (default Ignore). */
  nodeTaintsPolicy: 'Honor' | 'Ignore'
}

/**
 * Upstream filterTopologySpreadConstraints: the constraints with `action`, their selector narrowed by the pod's
 * own values of `matchLabelKeys` (keys the pod lacks are ignored; a nil selector stays "nothing").
 */
export function compileConstraints (raw: readonly TopologySpreadConstraint[], podLabels: Record<string, string>, action: string): Constraint[] {
  return raw.filter(c => c.whenUnsatisfiable === action).map(c => {
    let selector = selectorFromLabelSelector(c.labelSelector ?? undefined)
    const extra = (c.matchLabelKeys ?? []).filter(k => podLabels[k] !== undefined).map(k => newRequirement(k, '=', [podLabels[k] as string]))
    const nothing = !selector.empty() && selector.requirements.length === 0
    if (extra.length > 0 && !nothing) selector = selectorFromRequirements([...extra, ...selector.requirements])
    return {
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore'
    }
  })
}

/** Whether `node` counts towards the constraint's domains (upstream matchNodeInclusionPolicies). */
export function nodeIncluded (c: Constraint, pod: Pod, node: Node): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredAffinity(pod, node)) return false
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.spec?.taints ?? [], pod.spec?.tolerations ?? [], ['NoSchedule', 'NoExecute']) !== undefined) return false
  return true
}

/** Every constraint's topology key is a label of the node. */
export function hasAllTopologyKeys (labels: Record<string, string> | undefined, constraints: readonly Constraint[]): boolean {
  return constraints.every(c => labels?.[c.topologyKey] !== undefined)
}

/** Non-terminating pods of the namespace that the selector matches (upstream countPodsMatchSelector). */
export function countMatching (pods: Iterable<{ pod: Pod }>, selector: Selector, namespace: string | undefined): number {
  let n = 0
  for (const { pod } of pods) {
    if (pod.metadata?.namespace === namespace && (pod.metadata?.deletionTimestamp ?? undefined) === undefined && selector.matches(pod.metadata?.labels ?? {})) n++
  }
  return n
}
