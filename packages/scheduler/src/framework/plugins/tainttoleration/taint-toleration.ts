import type { Pod, Toleration } from 'kubernetes-types/core/v1.js'
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

/** Filter on NoSchedule/NoExecute taints; score prefers nodes with fewer intolerable PreferNoSchedule taints. */
export class TaintToleration implements FilterPlugin, ScorePlugin {
  static readonly pluginName = names.TaintToleration
  name (): string { return TaintToleration.pluginName }

  filter (_s: CycleState, pod: Pod, node: NodeInfo): Status {
    const taint = findUntoleratedTaint(node.node.spec?.taints ?? [], pod.spec?.tolerations ?? [], ['NoSchedule', 'NoExecute'])
    return taint === undefined ? Status.success() : Status.unresolvable(untoleratedTaintReason(taint.key, taint.value))
  }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    const tols: Toleration[] = (pod.spec?.tolerations ?? []).filter(t => (t.effect ?? '') === '' || t.effect === 'PreferNoSchedule')
    return (node.node.spec?.taints ?? []).filter(t => t.effect === 'PreferNoSchedule' && !tolerated(tols, t)).length
  }

  normalizeScore (_s: CycleState, _pod: Pod, scores: NodeScore[]): void {
    defaultNormalizeScore(scores, true)
  }
}
