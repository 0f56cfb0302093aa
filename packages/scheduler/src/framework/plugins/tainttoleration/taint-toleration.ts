import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { FilterPlugin, NodeScore, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { defaultNormalizeScore } from '../helper/normalize-score.js'
import { findUntoleratedTaint, tolerated } from '../helper/taints.js'
import * as names from '../names.js'

/** Upstream message shape: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason (key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`
}

const FILTER_EFFECTS = ['NoSchedule', 'NoExecute']
const NO_TAINTS: Taint[] = []

/** Filter on NoSchedule/NoExecute taints; score prefers nodes with fewer intolerable PreferNoSchedule taints. */
export class TaintToleration implements FilterPlugin, ScorePlugin {
  static readonly pluginName = names.TaintToleration
  name (): string { return TaintToleration.pluginName }

  filter (_s: CycleState, pod: Pod, node: NodeInfo): Status {
    const taints = node.node.spec?.taints ?? NO_TAINTS
    // most nodes have no taints; skip the lookup's allocations for them (this runs per node per pod)
    if (taints.length === 0) return Status.success()
    const taint = findUntoleratedTaint(taints, pod.spec?.tolerations ?? [], FILTER_EFFECTS)
    return taint === undefined ? Status.success() : Status.unresolvable(untoleratedTaintReason(taint.key, taint.value))
  }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    const taints = node.node.spec?.taints ?? NO_TAINTS
    if (taints.length === 0) return 0
    const tols: Toleration[] = (pod.spec?.tolerations ?? []).filter(t => (t.effect ?? '') === '' || t.effect === 'PreferNoSchedule')
    return taints.filter(t => t.effect === 'PreferNoSchedule' && !tolerated(tols, t)).length
  }

  normalizeScore (_s: CycleState, _pod: Pod, scores: NodeScore[]): void {
    defaultNormalizeScore(scores, true)
  }
}
