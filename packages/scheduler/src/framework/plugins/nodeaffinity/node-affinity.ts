import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { FilterPlugin, NodeScore, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { defaultNormalizeScore } from '../helper/normalize-score.js'
import { labelsMatchMap, nodeSelectorMatches, termMatches } from '../helper/node-selector.js'
import * as names from '../names.js'

export const ERR_REASON_POD_NOT_MATCH_NODE_SELECTOR = "node(s) didn't match Pod's node affinity/selector"

/** `spec.nodeSelector` and required node affinity both hold (upstream RequiredNodeAffinity.Match). */
export function matchesRequiredAffinity (pod: Pod, node: Node): boolean {
  if (!labelsMatchMap(pod.spec?.nodeSelector, node.metadata?.labels)) return false
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  return required === undefined || nodeSelectorMatches(required, node)
}

/** Sum of the weights of the preferred terms the node matches. */
export function preferredAffinityScore (pod: Pod, node: Node): number {
  let score = 0
  for (const t of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (t.weight !== 0 && termMatches(t.preference, node)) score += t.weight
  }
  return score
}

/** Names pinned by `matchFields: metadata.name In [...]` in every required term, so PreFilter can skip other nodes. */
function pinnedNodeNames (pod: Pod): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (terms === undefined || terms.length === 0) return undefined
  const out = new Set<string>()
  for (const t of terms) {
    const f = (t.matchFields ?? []).find(m => m.key === 'metadata.name' && m.operator === 'In')
    if (f === undefined) return undefined
    for (const v of f.values ?? []) out.add(v)
  }
  return out
}

const PRE_FILTER_KEY = 'PreFilter' + names.NodeAffinity

/** True when the pod sets neither a nodeSelector nor required node affinity: every node passes. */
function unconstrained (pod: Pod): boolean {
  const sel = pod.spec?.nodeSelector
  return (sel === undefined || Object.keys(sel).length === 0) && pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution === undefined
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  static readonly pluginName = names.NodeAffinity
  name (): string { return NodeAffinity.pluginName }

  /** Also records whether the pod constrains nodes at all, so Filter need not look at the pod again per node. */
  preFilter (state: CycleState, pod: Pod): { result?: PreFilterResult, status: Status } {
    state.write(PRE_FILTER_KEY, unconstrained(pod))
    const pinned = pinnedNodeNames(pod)
    return { result: pinned === undefined ? undefined : { nodeNames: pinned }, status: Status.success() }
  }

  filter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    if (state.read<boolean>(PRE_FILTER_KEY) === true) return Status.success()
    return matchesRequiredAffinity(pod, node.node) ? Status.success() : Status.unresolvable(ERR_REASON_POD_NOT_MATCH_NODE_SELECTOR)
  }

  /** Skip (every score would be 0) when the pod has no preferred terms, as upstream PreScore. */
  preScore (_s: CycleState, pod: Pod): Status {
    const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    return terms.length === 0 ? Status.skip() : Status.success()
  }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    return preferredAffinityScore(pod, node.node)
  }

  normalizeScore (_s: CycleState, _pod: Pod, scores: NodeScore[]): void {
    defaultNormalizeScore(scores, false)
  }
}
