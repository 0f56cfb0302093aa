import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import { selectorFromLabelSelector } from '@kube-ts/api'
import type { Selector } from '@kube-ts/api'
import type { CycleState } from '../../cycle-state.js'
import { MAX_NODE_SCORE } from '../../interface.js'
import type { FilterPlugin, NodeScore, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { matchesRequiredAffinity } from '../nodeaffinity/node-affinity.js'
import * as names from '../names.js'

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)'

const PRE_FILTER_KEY = 'PreFilter' + names.PodTopologySpread
const PRE_SCORE_KEY = 'PreScore' + names.PodTopologySpread

interface Constraint { maxSkew: number, topologyKey: string, selector: Selector, minDomains: number }

/** Matching pods per topology value, per constraint; `self` is 1 when the pod matches its own selector. */
export class SpreadState {
  constructor (readonly constraints: Constraint[], readonly counts: Array<Map<string, number>>, readonly selfMatch: number[]) {}
  clone (): SpreadState { return new SpreadState(this.constraints, this.counts.map(m => new Map(m)), this.selfMatch) }
  update (pod: Pod, node: NodeInfo, delta: number): void {
    this.constraints.forEach((c, i) => {
      const v = node.node.metadata?.labels?.[c.topologyKey]
      if (v === undefined || !c.selector.matches(pod.metadata?.labels ?? {})) return
      const m = this.counts[i] as Map<string, number>
      m.set(v, (m.get(v) ?? 0) + delta)
    })
  }
}

function compile (pod: Pod, raw: readonly TopologySpreadConstraint[]): Constraint[] {
  return raw.map(c => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector: selectorFromLabelSelector(c.labelSelector ?? undefined), minDomains: c.minDomains ?? 1 }))
}

/** Counts matching pods in the pod's namespace on nodes that pass its node affinity and carry every topology key. */
export function buildSpreadState (pod: Pod, raw: readonly TopologySpreadConstraint[], nodes: readonly NodeInfo[]): SpreadState {
  const constraints = compile(pod, raw)
  const counts = constraints.map(() => new Map<string, number>())
  const ns = pod.metadata?.namespace
  for (const n of nodes) {
    const labels = n.node.metadata?.labels ?? {}
    if (!constraints.every(c => labels[c.topologyKey] !== undefined)) continue
    if (!matchesRequiredAffinity(pod, n.node)) continue
    constraints.forEach((c, i) => {
      const v = labels[c.topologyKey] as string
      const m = counts[i] as Map<string, number>
      let k = m.get(v) ?? 0
      for (const p of n.pods.values()) {
        if (p.pod.metadata?.namespace === ns && p.pod.metadata?.deletionTimestamp === undefined && c.selector.matches(p.pod.metadata?.labels ?? {})) k++
      }
      m.set(v, k)
    })
  }
  const selfMatch = constraints.map(c => c.selector.matches(pod.metadata?.labels ?? {}) ? 1 : 0)
  return new SpreadState(constraints, counts, selfMatch)
}

/** Checks each constraint: count on this domain + self − global minimum must not exceed maxSkew. */
export function spreadFits (state: SpreadState, node: NodeInfo): Status {
  const labels = node.node.metadata?.labels ?? {}
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i] as Constraint
    const v = labels[c.topologyKey]
    if (v === undefined) return Status.unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH)
    const m = state.counts[i] as Map<string, number>
    // fewer domains than minDomains: the global minimum counts as 0
    const min = m.size < c.minDomains ? 0 : Math.min(...m.values())
    if ((m.get(v) ?? 0) + (state.selfMatch[i] ?? 0) - min > c.maxSkew) return Status.unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH)
  }
  return Status.success()
}

/** Hard constraints (DoNotSchedule) filter; soft ones (ScheduleAnyway) score, fewer matching pods in the domain is better. */
export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  static readonly pluginName = names.PodTopologySpread
  name (): string { return PodTopologySpread.pluginName }

  preFilter (state: CycleState, pod: Pod, nodes: NodeInfo[]): { status: Status } {
    const hard = (pod.spec?.topologySpreadConstraints ?? []).filter(c => c.whenUnsatisfiable === 'DoNotSchedule')
    if (hard.length === 0) return { status: Status.skip() }
    state.write(PRE_FILTER_KEY, buildSpreadState(pod, hard, nodes))
    return { status: Status.success() }
  }

  addPod (state: CycleState, _pod: Pod, toAdd: Pod, node: NodeInfo): void { state.read<SpreadState>(PRE_FILTER_KEY)?.update(toAdd, node, 1) }
  removePod (state: CycleState, _pod: Pod, toRemove: Pod, node: NodeInfo): void { state.read<SpreadState>(PRE_FILTER_KEY)?.update(toRemove, node, -1) }

  filter (state: CycleState, _pod: Pod, node: NodeInfo): Status {
    const s = state.read<SpreadState>(PRE_FILTER_KEY)
    return s === undefined ? Status.success() : spreadFits(s, node)
  }

  preScore (state: CycleState, pod: Pod, nodes: NodeInfo[]): Status {
    const soft = (pod.spec?.topologySpreadConstraints ?? []).filter(c => c.whenUnsatisfiable === 'ScheduleAnyway')
    if (soft.length === 0) return Status.skip()
    state.write(PRE_SCORE_KEY, buildSpreadState(pod, soft, nodes))
    return Status.success()
  }

  score (state: CycleState, _pod: Pod, node: NodeInfo): number {
    const s = state.read<SpreadState>(PRE_SCORE_KEY)
    if (s === undefined) return 0
    let total = 0
    s.constraints.forEach((c, i) => {
      const v = node.node.metadata?.labels?.[c.topologyKey]
      // upstream weighs each constraint by log(domains + 2) and adds maxSkew - 1 to smooth small counts
      if (v !== undefined) total += ((s.counts[i]?.get(v) ?? 0) + c.maxSkew - 1) * Math.log((s.counts[i]?.size ?? 0) + 2)
    })
    return Math.round(total)
  }

  normalizeScore (_s: CycleState, _pod: Pod, scores: NodeScore[]): void {
    if (scores.length === 0) return
    let min = Infinity
    let max = -Infinity
    for (const s of scores) { min = Math.min(min, s.score); max = Math.max(max, s.score) }
    for (const s of scores) s.score = max === 0 ? MAX_NODE_SCORE : Math.floor(MAX_NODE_SCORE * (max + min - s.score) / max)
  }
}
