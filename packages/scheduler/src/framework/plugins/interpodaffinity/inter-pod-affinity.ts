import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { FilterPlugin, Handle, NodeScore, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { defaultNormalizeScore } from '../helper/normalize-score.js'
import { compileTerm, termMatchesPod } from '../helper/pod-terms.js'
import type { CompiledTerm } from '../helper/pod-terms.js'
import * as names from '../names.js'

export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"

const PRE_FILTER_KEY = 'PreFilter' + names.InterPodAffinity
const PRE_SCORE_KEY = 'PreScore' + names.InterPodAffinity

/** `topologyKey=value` → number of matching pods, for each kind of rule (upstream topologyToMatchedTermCount). */
export class AffinityState {
  constructor (
    readonly affinity: CompiledTerm[],
    readonly antiAffinity: CompiledTerm[],
    /** existing pods' required anti-affinity terms that match the incoming pod */
    readonly existingAnti: Map<string, number>,
    /** per incoming affinity term index: domain → matching pods */
    readonly affinityCounts: Map<string, number>,
    readonly antiCounts: Map<string, number>
  ) {}

  clone (): AffinityState {
    return new AffinityState(this.affinity, this.antiAffinity, new Map(this.existingAnti), new Map(this.affinityCounts), new Map(this.antiCounts))
  }
}

const domainKey = (key: string, value: string): string => `${key}=${value}`

function bump (m: Map<string, number>, k: string, d: number): void {
  const v = (m.get(k) ?? 0) + d
  if (v === 0) m.delete(k)
  else m.set(k, v)
}

function account (s: AffinityState, incoming: Pod, other: Pod, node: NodeInfo, d: number): void {
  const labels = node.node.metadata?.labels ?? {}
  for (const raw of other.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    const t = compileTerm(raw, other)
    const v = labels[t.topologyKey]
    if (v !== undefined && termMatchesPod(t, incoming)) bump(s.existingAnti, domainKey(t.topologyKey, v), d)
  }
  s.affinity.forEach((t, i) => {
    const v = labels[t.topologyKey]
    if (v !== undefined && termMatchesPod(t, other)) bump(s.affinityCounts, `${i}|${domainKey(t.topologyKey, v)}`, d)
  })
  s.antiAffinity.forEach((t, i) => {
    const v = labels[t.topologyKey]
    if (v !== undefined && termMatchesPod(t, other)) bump(s.antiCounts, `${i}|${domainKey(t.topologyKey, v)}`, d)
  })
}

/** `antiNodes`: the nodes with required-anti-affinity pods, when known, so pods without terms skip the rest. */
export function buildAffinityState (pod: Pod, nodes: readonly NodeInfo[], antiNodes?: readonly NodeInfo[]): AffinityState {
  const a = pod.spec?.affinity
  const s = new AffinityState(
    (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map(t => compileTerm(t, pod)),
    (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map(t => compileTerm(t, pod)),
    new Map(), new Map(), new Map())
  const needAll = s.affinity.length > 0 || s.antiAffinity.length > 0
  for (const n of needAll ? nodes : antiNodes ?? nodes) {
    if (!needAll && n.podsWithRequiredAntiAffinity === 0) continue
    for (const p of n.pods.values()) account(s, pod, p.pod, n, 1)
  }
  return s
}

/** Applies the three required rules to one node, in upstream order. */
export function affinityFits (s: AffinityState, pod: Pod, node: NodeInfo): Status {
  const labels = node.node.metadata?.labels ?? {}
  if (s.affinity.length > 0) {
    const satisfied = s.affinity.every((t, i) => {
      const v = labels[t.topologyKey]
      return v !== undefined && (s.affinityCounts.get(`${i}|${domainKey(t.topologyKey, v)}`) ?? 0) > 0
    })
    if (!satisfied) {
      // the first pod of a group that selects itself may go anywhere that has the topology keys
      const noneAnywhere = s.affinityCounts.size === 0
      const selfMatch = s.affinity.every(t => termMatchesPod(t, pod) && labels[t.topologyKey] !== undefined)
      if (!(noneAnywhere && selfMatch)) return Status.unresolvable(ERR_REASON_AFFINITY)
    }
  }
  for (let i = 0; i < s.antiAffinity.length; i++) {
    const t = s.antiAffinity[i] as CompiledTerm
    const v = labels[t.topologyKey]
    if (v !== undefined && (s.antiCounts.get(`${i}|${domainKey(t.topologyKey, v)}`) ?? 0) > 0) return Status.unschedulable(ERR_REASON_ANTI_AFFINITY)
  }
  // existing pods' anti-affinity comes last, so a pod that both repels and is repelled reports its own rule
  for (const [k, v] of Object.entries(labels)) {
    if ((s.existingAnti.get(domainKey(k, v)) ?? 0) > 0) return Status.unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY)
  }
  return Status.success()
}

interface ScoreState { terms: Array<{ term: CompiledTerm, sign: number }>, domainScores: Map<string, number> }

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  static readonly pluginName = names.InterPodAffinity
  constructor (private readonly handle?: Handle) {}
  name (): string { return InterPodAffinity.pluginName }

  preFilter (state: CycleState, pod: Pod, nodes: NodeInfo[]): { status: Status } {
    const s = buildAffinityState(pod, nodes, this.handle?.nodesWithRequiredAntiAffinity?.())
    if (s.affinity.length === 0 && s.antiAffinity.length === 0 && s.existingAnti.size === 0) return { status: Status.skip() }
    state.write(PRE_FILTER_KEY, s)
    return { status: Status.success() }
  }

  addPod (state: CycleState, pod: Pod, toAdd: Pod, node: NodeInfo): void {
    const s = state.read<AffinityState>(PRE_FILTER_KEY)
    if (s !== undefined) account(s, pod, toAdd, node, 1)
  }

  removePod (state: CycleState, pod: Pod, toRemove: Pod, node: NodeInfo): void {
    const s = state.read<AffinityState>(PRE_FILTER_KEY)
    if (s !== undefined) account(s, pod, toRemove, node, -1)
  }

  filter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    const s = state.read<AffinityState>(PRE_FILTER_KEY)
    return s === undefined ? Status.success() : affinityFits(s, pod, node)
  }

  preScore (state: CycleState, pod: Pod, nodes: NodeInfo[]): Status {
    const a = pod.spec?.affinity
    const terms = [
      ...(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(w => ({ term: compileTerm(w.podAffinityTerm, pod, w.weight), sign: 1 })),
      ...(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(w => ({ term: compileTerm(w.podAffinityTerm, pod, w.weight), sign: -1 }))
    ]
    if (terms.length === 0) return Status.skip()
    const domainScores = new Map<string, number>()
    for (const n of nodes) {
      const labels = n.node.metadata?.labels ?? {}
      for (const p of n.pods.values()) {
        for (const { term, sign } of terms) {
          const v = labels[term.topologyKey]
          if (v !== undefined && termMatchesPod(term, p.pod)) bump(domainScores, domainKey(term.topologyKey, v), sign * term.weight)
        }
      }
    }
    state.write(PRE_SCORE_KEY, { terms, domainScores } satisfies ScoreState)
    return Status.success()
  }

  score (state: CycleState, _pod: Pod, node: NodeInfo): number {
    const s = state.read<ScoreState>(PRE_SCORE_KEY)
    if (s === undefined) return 0
    let total = 0
    for (const [k, v] of Object.entries(node.node.metadata?.labels ?? {})) total += s.domainScores.get(domainKey(k, v)) ?? 0
    return total
  }

  normalizeScore (_s: CycleState, _pod: Pod, scores: NodeScore[]): void {
    let min = 0
    for (const s of scores) min = Math.min(min, s.score)
    for (const s of scores) s.score -= min
    defaultNormalizeScore(scores, false)
  }
}
