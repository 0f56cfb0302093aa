import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from './cycle-state.js'
import {
  isBind, isFilter, isPermit, isPostFilter, isPreFilter, isPreScore, isReserve, isScore
} from './interface.js'
import type {
  BindPlugin, FilterPlugin, NodeScore, NodeToStatus, Plugin, PostFilterPlugin, PostFilterResult, PreFilterPlugin, PreScorePlugin,
  PermitPlugin, ReservePlugin, ScorePlugin
} from './interface.js'
import type { Clock } from '@kube-ts/client'
import { systemClock } from '@kube-ts/client'
import type { Handle } from './interface.js'
import { podInfoOf, podKey } from './node-info.js'
import type { NodeInfo } from './node-info.js'
import { Code, Status } from './status.js'
import { MAX_PERMIT_WAIT_MS, WaitingPod, WaitingPods, uidOf } from './waiting-pods.js'

/** Which plugins run at each point, and score weights (one scheduling profile after config defaults). */
export interface FrameworkPlugins {
  preFilter: PreFilterPlugin[]
  filter: FilterPlugin[]
  postFilter: PostFilterPlugin[]
  preScore: PreScorePlugin[]
  score: Array<{ plugin: ScorePlugin, weight: number }>
  reserve: ReservePlugin[]
  permit: PermitPlugin[]
  bind: BindPlugin[]
}

export function emptyPlugins (): FrameworkPlugins {
  return { preFilter: [], filter: [], postFilter: [], preScore: [], score: [], reserve: [], permit: [], bind: [] }
}

/** Puts each plugin at every extension point it implements (all enabled) — handy for tests. */
export function pluginsFromInstances (plugins: Plugin[], weights: Record<string, number> = {}): FrameworkPlugins {
  const out = emptyPlugins()
  for (const p of plugins) {
    if (isPreFilter(p)) out.preFilter.push(p)
    if (isFilter(p)) out.filter.push(p)
    if (isPostFilter(p)) out.postFilter.push(p)
    if (isPreScore(p)) out.preScore.push(p)
    if (isScore(p)) out.score.push({ plugin: p, weight: weights[p.name()] ?? 1 })
    if (isReserve(p)) out.reserve.push(p)
    if (isPermit(p)) out.permit.push(p)
    if (isBind(p)) out.bind.push(p)
  }
  return out
}

/** Runs one profile's plugins at each extension point (upstream frameworkImpl), turning exceptions into Error statuses. */
export class Framework {
  readonly waitingPods: WaitingPods

  /** `handle` supplies nominated pods; `waitingPods` is shared across profiles (default: one of its own). */
  constructor (readonly profileName: string, readonly plugins: FrameworkPlugins, readonly handle?: Handle, waitingPods?: WaitingPods, clock: Clock = systemClock) {
    this.waitingPods = waitingPods ?? new WaitingPods(clock)
  }

  /** Skip from a PreFilter means its Filter is skipped too; a node set restricts the candidates (intersection). */
  runPreFilter (state: CycleState, pod: Pod, nodes: NodeInfo[]): { status: Status, nodeNames?: Set<string> } {
    let nodeNames: Set<string> | undefined
    state.skipFilterPlugins.clear()
    for (const p of this.plugins.preFilter) {
      const { result, status } = guard(p.name(), () => p.preFilter(state, pod, nodes))
      if (status.isSkip()) { state.skipFilterPlugins.add(p.name()); continue }
      if (!status.isSuccess()) return { status: status.withPlugin(p.name()) }
      if (result?.nodeNames !== undefined) {
        nodeNames = nodeNames === undefined ? new Set(result.nodeNames) : new Set([...nodeNames].filter(n => result.nodeNames?.has(n) === true))
      }
    }
    return { status: Status.success(), nodeNames }
  }

  /**
   * Filter as upstream RunFilterPluginsWithNominatedPods: first with the pods nominated to this node at the pod's
   * priority or higher counted there (so a preemptor's freed room is not taken), then, if any were added and that
   * passed, again without them (the pod must also fit should they not arrive, e.g. for anti-affinity).
   */
  runFilter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    const nominated = this.handle?.nominatedPodsForNode?.(node.name)
    if (nominated === undefined || nominated.length === 0) return this.runFilterPlugins(state, pod, node)
    const prio = pod.spec?.priority ?? 0
    const self = podKey(pod)
    const higher = nominated.filter(p => (p.spec?.priority ?? 0) >= prio && podKey(p) !== self)
    if (higher.length === 0) return this.runFilterPlugins(state, pod, node)
    const withNominated = node.clone()
    const stateWith = state.clone()
    for (const p of higher) {
      withNominated.addPod(podInfoOf(p))
      this.runAddPod(stateWith, pod, p, withNominated)
    }
    const first = this.runFilterPlugins(stateWith, pod, withNominated)
    if (!first.isSuccess()) return first
    return this.runFilterPlugins(state, pod, node)
  }

  /** First failing Filter wins (upstream stops at the first non-success). */
  runFilterPlugins (state: CycleState, pod: Pod, node: NodeInfo): Status {
    for (const p of this.plugins.filter) {
      if (state.skipFilterPlugins.has(p.name())) continue
      // no guard() closure here: this runs for every plugin on every node of every pod
      let s: Status
      try { s = p.filter(state, pod, node) } catch (err) { s = pluginError(p.name(), err) }
      if (!s.isSuccess()) return s.withPlugin(p.name())
    }
    return Status.success()
  }

  /** PreFilterExtensions for preemption: tell stateful plugins a pod was (un)placed in the simulation. */
  runAddPod (state: CycleState, pod: Pod, other: Pod, node: NodeInfo): void {
    for (const p of this.plugins.preFilter) if (!state.skipFilterPlugins.has(p.name())) p.addPod?.(state, pod, other, node)
  }

  runRemovePod (state: CycleState, pod: Pod, other: Pod, node: NodeInfo): void {
    for (const p of this.plugins.preFilter) if (!state.skipFilterPlugins.has(p.name())) p.removePod?.(state, pod, other, node)
  }

  async runPostFilter (state: CycleState, pod: Pod, statuses: NodeToStatus, signal: AbortSignal): Promise<{ result?: PostFilterResult, status: Status }> {
    let last: { result?: PostFilterResult, status: Status } = { status: Status.unschedulable() }
    for (const p of this.plugins.postFilter) {
      try {
        last = await p.postFilter(state, pod, statuses, signal)
      } catch (err) {
        return { status: Status.error(String((err as Error).message)).withPlugin(p.name()) }
      }
      if (last.status.isSuccess()) return last
      last.status.withPlugin(p.name())
    }
    return last
  }

  hasScorePlugins (): boolean { return this.plugins.score.length > 0 }

  /** PreScore, Score, NormalizeScore and weights; returns the weighted total per node. */
  runScore (state: CycleState, pod: Pod, nodes: NodeInfo[]): NodeScore[] {
    state.skipScorePlugins.clear()
    for (const p of this.plugins.preScore) {
      const s = guard(p.name(), () => ({ status: p.preScore(state, pod, nodes) })).status
      if (s.isSkip()) state.skipScorePlugins.add(p.name())
      else if (!s.isSuccess()) throw new Error(`PreScore plugin ${p.name()} failed: ${s.message()}`)
    }
    const totals = nodes.map(n => ({ name: n.name, score: 0 }))
    // one scratch list reused by every plugin (normalizeScore rewrites it in place), not one per plugin
    const scores = nodes.map(n => ({ name: n.name, score: 0 }))
    for (const { plugin, weight } of this.plugins.score) {
      if (state.skipScorePlugins.has(plugin.name())) continue
      for (let i = 0; i < nodes.length; i++) (scores[i] as NodeScore).score = plugin.score(state, pod, nodes[i] as NodeInfo)
      plugin.normalizeScore?.(state, pod, scores)
      for (let i = 0; i < nodes.length; i++) (totals[i] as NodeScore).score += (scores[i] as NodeScore).score * weight
    }
    return totals
  }

  runReserve (state: CycleState, pod: Pod, nodeName: string): Status {
    for (const p of this.plugins.reserve) {
      const s = p.reserve(state, pod, nodeName)
      if (!s.isSuccess()) { this.runUnreserve(state, pod, nodeName); return s.withPlugin(p.name()) }
    }
    return Status.success()
  }

  runUnreserve (state: CycleState, pod: Pod, nodeName: string): void {
    for (const p of [...this.plugins.reserve].reverse()) p.unreserve(state, pod, nodeName)
  }

  /**
   * A rejection wins; when plugins asked to wait (timeouts capped at 15 minutes), the pod is parked in the
   * waiting-pods map with one timer per plugin and Wait is returned: the binding cycle then calls waitOnPermit.
   */
  runPermit (state: CycleState, pod: Pod, nodeName: string): Status {
    const waits = new Map<string, number>()
    for (const p of this.plugins.permit) {
      const r = guard(p.name(), () => p.permit(state, pod, nodeName))
      if (r.status.isSuccess()) continue
      if (r.status.isRejected()) return r.status.withPlugin(p.name())
      if (r.status.code === Code.Wait) { waits.set(p.name(), Math.min(Math.max(r.timeoutMs ?? 0, 0), MAX_PERMIT_WAIT_MS)); continue }
      return Status.error(`running Permit plugin "${p.name()}": ${r.status.message()}`).withPlugin(p.name())
    }
    if (waits.size === 0) return Status.success()
    this.waitingPods.add(new WaitingPod(pod, waits, this.waitingPods.clock))
    return new Status(Code.Wait, [`one or more plugins asked to wait and no plugin rejected pod "${pod.metadata?.name ?? ''}"`])
  }

  /** Resolves once a parked pod is allowed (Success) or rejected/timed out (Unschedulable); Success if it never waited. */
  async waitOnPermit (pod: Pod): Promise<Status> {
    const wp = this.waitingPods.get(uidOf(pod))
    if (wp === undefined) return Status.success()
    try {
      return await wp.result
    } finally {
      this.waitingPods.remove(pod)
    }
  }

  /** First bind plugin that does not Skip decides. */
  async runBind (state: CycleState, pod: Pod, nodeName: string, signal: AbortSignal): Promise<Status> {
    for (const p of this.plugins.bind) {
      const s = await p.bind(state, pod, nodeName, signal)
      if (s.isSkip()) continue
      return s.withPlugin(p.name())
    }
    return Status.error('no bind plugin bound the pod')
  }
}

function guard<T extends { status: Status }> (plugin: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    return { status: pluginError(plugin, err) } as T
  }
}

function pluginError (plugin: string, err: unknown): Status {
  return Status.error(`running plugin ${plugin}: ${(err as Error).message}`)
}
