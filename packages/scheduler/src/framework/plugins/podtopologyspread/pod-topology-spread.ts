import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import { MAX_NODE_SCORE } from '../../interface.js'
import type { FilterPlugin, Handle, NodeScore, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import * as names from '../names.js'
import { InvalidPluginArgsError, parsePodTopologySpreadArgs, SYSTEM_DEFAULT_CONSTRAINTS } from './args.js'
import type { PodTopologySpreadArgs } from './args.js'
import { compileConstraints, countMatching, hasAllTopologyKeys, nodeIncluded } from './constraints.js'
import type { Constraint } from './constraints.js'
import { defaultSelector } from './default-selector.js'

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)'

const PRE_FILTER_KEY = 'PreFilter' + names.PodTopologySpread
const PRE_SCORE_KEY = 'PreScore' + names.PodTopologySpread
const HOSTNAME = 'kubernetes.io/hostname'

/** Matching pods per topology value, per hard constraint; `selfMatch` is 1 when the pod matches its own selector. */
export class SpreadState {
  constructor (readonly pod: Pod, readonly constraints: Constraint[], readonly counts: Array<Map<string, number>>, readonly selfMatch: number[]) {}
  clone (): SpreadState { return new SpreadState(this.pod, this.constraints, this.counts.map(m => new Map(m)), this.selfMatch) }
  /** A pod added or removed in a simulation (preemption, nominated pods); upstream updateWithPod. */
  update (other: Pod, node: NodeInfo, delta: number): void {
    if (other.metadata?.namespace !== this.pod.metadata?.namespace) return
    const labels = node.node.metadata?.labels
    if (!hasAllTopologyKeys(labels, this.constraints)) return
    this.constraints.forEach((c, i) => {
      if (!c.selector.matches(other.metadata?.labels ?? {}) || !nodeIncluded(c, this.pod, node.node)) return
      const v = labels?.[c.topologyKey] as string
      const m = this.counts[i] as Map<string, number>
      m.set(v, (m.get(v) ?? 0) + delta)
    })
  }
}

/** Counts matching pods per domain on nodes carrying every topology key and passing each constraint's inclusion policies. */
export function buildSpreadState (pod: Pod, constraints: Constraint[], nodes: readonly NodeInfo[]): SpreadState {
  const counts = constraints.map(() => new Map<string, number>())
  const ns = pod.metadata?.namespace
  for (const n of nodes) {
    const labels = n.node.metadata?.labels ?? {}
    if (!hasAllTopologyKeys(labels, constraints)) continue
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, n.node)) return
      const v = labels[c.topologyKey] as string
      const m = counts[i] as Map<string, number>
      m.set(v, (m.get(v) ?? 0) + countMatching(n.pods.values(), c.selector, ns))
    })
  }
  const selfMatch = constraints.map(c => c.selector.matches(pod.metadata?.labels ?? {}) ? 1 : 0)
  return new SpreadState(pod, constraints, counts, selfMatch)
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

/** What Score needs: per-constraint domain counts (hostname ones are counted per node at Score), weights, ignored nodes. */
interface ScoreState { constraints: Constraint[], counts: Array<Map<string, number>>, weights: number[], ignored: Set<string>, namespace: string | undefined }

/**
 * Hard constraints (DoNotSchedule) filter; soft ones (ScheduleAnyway) score, fewer matching pods in the domain is
 * better. A pod without constraints of its own gets the default ones (system or from the plugin args) with a
 * selector deduced from the Services and controller selecting it.
 */
export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  static readonly pluginName = names.PodTopologySpread
  private readonly args: PodTopologySpreadArgs
  private readonly defaults: readonly TopologySpreadConstraint[]

  constructor (rawArgs?: Record<string, unknown>, private readonly handle?: Handle) {
    const { args, problems } = parsePodTopologySpreadArgs(rawArgs)
    if (problems.length > 0) throw new InvalidPluginArgsError(PodTopologySpread.pluginName, problems)
    this.args = args
    this.defaults = args.defaultingType === 'System' ? SYSTEM_DEFAULT_CONSTRAINTS : args.defaultConstraints
  }

  name (): string { return PodTopologySpread.pluginName }

  /** Upstream getConstraints / buildDefaultConstraints for one action. */
  constraintsFor (pod: Pod, action: string): Constraint[] {
    const labels = pod.metadata?.labels ?? {}
    const own = pod.spec?.topologySpreadConstraints ?? []
    if (own.length > 0) return compileConstraints(own, labels, action)
    const defaults = compileConstraints(this.defaults, labels, action)
    if (defaults.length === 0) return []
    const selector = defaultSelector(pod, this.handle?.listers)
    if (selector.empty()) return []
    return defaults.map(c => ({ ...c, selector }))
  }

  preFilter (state: CycleState, pod: Pod, nodes: NodeInfo[]): { status: Status } {
    const hard = this.constraintsFor(pod, 'DoNotSchedule')
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

  /**
   * Upstream PreScore: domains come from the filtered nodes, counts from all nodes. Nodes missing a topology key
   * are ignored, except under the system defaults (a cluster without zone labels still spreads by hostname).
   */
  preScore (state: CycleState, pod: Pod, filtered: NodeInfo[]): Status {
    const constraints = this.constraintsFor(pod, 'ScheduleAnyway')
    if (constraints.length === 0 || filtered.length === 0) return Status.skip()
    const requireAll = (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0 || this.args.defaultingType !== 'System'
    const counts = constraints.map(() => new Map<string, number>())
    const ignored = new Set<string>()
    for (const n of filtered) {
      const labels = n.node.metadata?.labels
      if (requireAll && !hasAllTopologyKeys(labels, constraints)) { ignored.add(n.name); continue }
      constraints.forEach((c, i) => {
        const v = labels?.[c.topologyKey]
        if (c.topologyKey !== HOSTNAME && v !== undefined) counts[i]?.set(v, 0)
      })
    }
    const ns = pod.metadata?.namespace
    for (const n of this.handle?.nodeInfos() ?? filtered) {
      const labels = n.node.metadata?.labels
      if (requireAll && !hasAllTopologyKeys(labels, constraints)) continue
      constraints.forEach((c, i) => {
        const v = labels?.[c.topologyKey]
        const m = counts[i] as Map<string, number>
        if (v === undefined || !m.has(v) || !nodeIncluded(c, pod, n.node)) return
        m.set(v, (m.get(v) ?? 0) + countMatching(n.pods.values(), c.selector, ns))
      })
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : counts[i]?.size ?? 0) + 2))
    state.write(PRE_SCORE_KEY, { constraints, counts, weights, ignored, namespace: ns } satisfies ScoreState)
    return Status.success()
  }

  /** Sum over constraints of count × log(domains + 2) + maxSkew − 1 (upstream scoreForCount). */
  score (state: CycleState, _pod: Pod, node: NodeInfo): number {
    const s = state.read<ScoreState>(PRE_SCORE_KEY)
    if (s === undefined || s.ignored.has(node.name)) return 0
    let total = 0
    s.constraints.forEach((c, i) => {
      const v = node.node.metadata?.labels?.[c.topologyKey]
      if (v === undefined) return
      const cnt = c.topologyKey === HOSTNAME ? countMatching(node.pods.values(), c.selector, s.namespace) : s.counts[i]?.get(v) ?? 0
      total += cnt * (s.weights[i] ?? 0) + c.maxSkew - 1
    })
    return Math.round(total)
  }

  /** Fewer matching pods scores higher; ignored nodes get 0 (upstream NormalizeScore). */
  normalizeScore (state: CycleState, _pod: Pod, scores: NodeScore[]): void {
    const ignored = state.read<ScoreState>(PRE_SCORE_KEY)?.ignored
    let min = Infinity
    let max = 0
    for (const s of scores) {
      if (ignored?.has(s.name) === true) continue
      min = Math.min(min, s.score)
      max = Math.max(max, s.score)
    }
    for (const s of scores) {
      if (ignored?.has(s.name) === true) s.score = 0
      else s.score = max === 0 ? MAX_NODE_SCORE : Math.floor(MAX_NODE_SCORE * (max + min - s.score) / max)
    }
  }
}
