import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import type { Clock, Logger } from '@kube-ts/client'
import type { SchedulerCache } from './cache/scheduler-cache.js'
import { fitErrorMessage } from './fit-error.js'
import { findFeasibleNodes, numFeasibleNodesToFind, selectHost } from './find-nodes.js'
import { CycleState } from './framework/cycle-state.js'
import type { Framework } from './framework/framework.js'
import type { NodeToStatus } from './framework/interface.js'
import type { NodeInfo } from './framework/node-info.js'
import { Code, Status } from './framework/status.js'
import type { SchedulerMetrics } from './metrics.js'
import { Nominator } from './queue/nominator.js'
import type { QueuedPodInfo, SchedulingQueue } from './queue/scheduling-queue.js'

/** API side effects of a scheduling decision (implemented with the REST client in server.ts, faked in tests). */
export interface SchedulerApi {
  /** Writes `PodScheduled=False` to the pod's status, and nominatedNodeName when defined ('' clears it). */
  updatePodScheduledCondition: (pod: Pod, condition: PodCondition, nominatedNodeName: string | undefined, signal: AbortSignal) => Promise<void>
  event: (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string) => void
  /** The pod as the informer sees it now (undefined once deleted). */
  currentPod: (pod: Pod) => Pod | undefined
}

export interface SchedulerDeps {
  queue: SchedulingQueue
  cache: SchedulerCache
  frameworks: ReadonlyMap<string, Framework>
  /** Global percentageOfNodesToScore; profiles may override. */
  percentageOfNodesToScore: number
  profilePercentage?: ReadonlyMap<string, number | undefined>
  api: SchedulerApi
  clock: Clock
  logger: Logger
  metrics?: SchedulerMetrics
  /** Bindings in flight at most; the loop waits for a slot, which keeps the apiserver out of 429s and timeouts. */
  maxInFlightBindings?: number
  /** Pods nominated by preemption (shared with the informers and the frameworks' handle). */
  nominator?: Nominator
}

const DEFAULT_MAX_IN_FLIGHT_BINDINGS = 128

/** Why a pod did not fit: per-node statuses plus what PostFilter said (upstream FitError). */
class FitError {
  constructor (readonly numAllNodes: number, readonly statuses: NodeToStatus, readonly preFilterMessage?: string) {}
  postFilterMessage = ''
  message (): string { return fitErrorMessage(this.numAllNodes, this.statuses, this.postFilterMessage, this.preFilterMessage) }
}

/**
 * The scheduling loop (upstream scheduleOne): pop, filter, score, assume, reserve, permit; binding runs
 * asynchronously so the next pod is scheduled while the apiserver writes the binding.
 */
export class Scheduler {
  private nextStartNodeIndex = 0
  private readonly binding = new Set<Promise<void>>()
  private readonly nominator: Nominator

  constructor (private readonly d: SchedulerDeps) {
    this.nominator = d.nominator ?? new Nominator()
  }

  async run (signal: AbortSignal): Promise<void> {
    try {
      for (let info = await this.d.queue.pop(signal); info !== undefined; info = await this.d.queue.pop(signal)) {
        try {
          await this.scheduleOne(info, signal)
        } catch (err) {
          this.d.logger.error({ err, pod: info.key }, 'scheduling attempt failed unexpectedly')
          this.d.queue.addBackoff(info)
        }
      }
    } finally {
      // pods parked at Permit would hold shutdown for up to their timeout
      for (const fw of this.d.frameworks.values()) for (const wp of fw.waitingPods.list()) wp.reject('', 'scheduler is shutting down')
      await Promise.allSettled([...this.binding])
    }
  }

  /** Resolves when every binding started so far has finished (tests and benchmarks). */
  async idle (): Promise<void> { await Promise.allSettled([...this.binding]) }

  async scheduleOne (info: QueuedPodInfo, signal: AbortSignal): Promise<void> {
    const pod = this.d.api.currentPod(info.pod) ?? info.pod
    if (pod.metadata?.deletionTimestamp !== undefined || (pod.spec?.nodeName ?? '') !== '' || this.d.cache.isAssumed(pod)) return
    const profile = pod.spec?.schedulerName ?? 'default-scheduler'
    const fw = this.d.frameworks.get(profile)
    if (fw === undefined) return
    const cycle = this.d.queue.currentCycle()
    const started = this.d.clock.now()
    const state = new CycleState()
    const result = await this.schedulePod(fw, state, pod, profile)
    if (result instanceof FitError || result instanceof Status) {
      await this.handleFailure(fw, state, info, pod, result, cycle, started, signal)
      return
    }
    const node = result
    this.d.cache.assumePod(pod, node)
    // the pod now counts on its node; a nomination would count it twice (upstream DeleteNominatedPodIfExists)
    this.nominator.delete(pod)
    const reserve = fw.runReserve(state, pod, node)
    const permit = reserve.isSuccess() ? fw.runPermit(state, pod, node) : reserve
    if (!permit.isSuccess() && permit.code !== Code.Wait) {
      this.d.cache.forgetPod(pod)
      fw.runUnreserve(state, pod, node)
      await this.handleFailure(fw, state, info, pod, permit, cycle, started, signal, '')
      return
    }
    const p = this.bindingCycle(fw, state, info, pod, node, cycle, started, signal)
      .catch((err: unknown) => { this.d.logger.error({ err, pod: info.key }, 'binding cycle failed unexpectedly') })
    this.binding.add(p)
    void p.finally(() => this.binding.delete(p))
    const max = this.d.maxInFlightBindings ?? DEFAULT_MAX_IN_FLIGHT_BINDINGS
    while (this.binding.size >= max) await Promise.race(this.binding)
  }

  private async schedulePod (fw: Framework, state: CycleState, pod: Pod, profile: string): Promise<string | FitError | Status> {
    const all = this.d.cache.nodeInfos()
    if (all.length === 0) return new FitError(0, new Map())
    const pre = fw.runPreFilter(state, pod, all)
    if (pre.status.code === Code.Error) return pre.status
    if (!pre.status.isSuccess()) {
      const statuses: NodeToStatus = new Map(all.map(n => [n.name, pre.status]))
      return new FitError(all.length, statuses, pre.status.message())
    }
    let candidates: readonly NodeInfo[] = all
    const statuses: NodeToStatus = new Map()
    if (pre.nodeNames !== undefined) {
      const allowed = pre.nodeNames
      candidates = all.filter(n => allowed.has(n.name))
      const rejected = new Status(Code.UnschedulableAndUnresolvable, ["node(s) didn't satisfy plugin(s) [" + 'NodeAffinity' + ']'])
      for (const n of all) if (!allowed.has(n.name)) statuses.set(n.name, rejected)
    }
    // a nominated node is tried first: the room preemption freed there is the pod's (upstream evaluateNominatedNode)
    const nominatedNode = pod.status?.nominatedNodeName ?? ''
    const nominated = nominatedNode === '' ? undefined : candidates.find(n => n.name === nominatedNode)
    if (nominated !== undefined) {
      const s = fw.runFilter(state, pod, nominated)
      if (s.code === Code.Error) return s
      if (s.isSuccess()) return nominated.name
    }
    const pct = this.d.profilePercentage?.get(profile) ?? this.d.percentageOfNodesToScore
    const want = fw.hasScorePlugins() ? numFeasibleNodesToFind(pct, candidates.length) : 1
    const start = candidates.length === 0 ? 0 : this.nextStartNodeIndex % candidates.length
    const out = await findFeasibleNodes(fw, state, pod, candidates, want, start)
    if (candidates.length > 0) this.nextStartNodeIndex = (start + out.processed) % candidates.length
    for (const [k, v] of out.statuses) {
      if (v.code === Code.Error) return v
      statuses.set(k, v)
    }
    if (out.feasible.length === 0) return new FitError(all.length, statuses)
    if (out.feasible.length === 1) return (out.feasible[0] as NodeInfo).name
    const scores = fw.runScore(state, pod, out.feasible)
    return selectHost(scores) as string
  }

  private async bindingCycle (fw: Framework, state: CycleState, info: QueuedPodInfo, pod: Pod, node: string, cycle: number, started: number, signal: AbortSignal): Promise<void> {
    const permit = await fw.waitOnPermit(pod)
    if (!permit.isSuccess()) {
      // rejected or timed out at Permit: give the room back and requeue like any scheduling failure
      this.d.cache.forgetPod(pod)
      fw.runUnreserve(state, pod, node)
      if (signal.aborted) return
      await this.handleFailure(fw, state, info, pod, permit, cycle, started, signal, '')
      this.d.queue.moveAllToActiveOrBackoff('AssignedPodDelete', info.key)
      return
    }
    const status = await fw.runBind(state, pod, node, signal)
    const m = this.d.metrics
    const now = this.d.clock.now()
    if (status.isSuccess()) {
      m?.attempts.inc({ result: 'scheduled', profile: fw.profileName })
      m?.attemptDuration.observe({ result: 'scheduled', profile: fw.profileName }, (now - started) / 1000)
      m?.e2eDuration.observe({ result: 'scheduled', profile: fw.profileName }, (now - info.initialAttemptTimestamp) / 1000)
      this.d.api.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''} to ${node}`)
      return
    }
    // the binding failed: stop counting the pod there and retry after backoff
    this.d.cache.forgetPod(pod)
    fw.runUnreserve(state, pod, node)
    if (signal.aborted) return
    this.d.logger.info({ pod: info.key, node, reason: status.message() }, 'binding failed, requeuing')
    m?.attempts.inc({ result: 'error', profile: fw.profileName })
    this.d.api.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${status.message()}`)
    if (this.d.api.currentPod(pod) !== undefined) this.d.queue.addBackoff(info)
  }

  /** `nominated` '' clears the pod's nomination (failures after a node was chosen); undefined leaves it to PostFilter. */
  private async handleFailure (fw: Framework, state: CycleState, info: QueuedPodInfo, pod: Pod, result: FitError | Status, cycle: number, started: number, signal: AbortSignal, nominated?: string): Promise<void> {
    const m = this.d.metrics
    let message: string
    let reason = 'Unschedulable'
    if (result instanceof FitError) {
      info.unschedulablePlugins = new Set([...result.statuses.values()].map(s => s.plugin).filter(p => p !== ''))
      if (fw.plugins.postFilter.length > 0 && result.numAllNodes > 0) {
        m?.preemptionAttempts.inc()
        const pf = await fw.runPostFilter(state, pod, result.statuses, signal)
        nominated = pf.result?.nominatedNodeName
        if (!pf.status.isSuccess()) result.postFilterMessage = pf.status.message()
      }
      message = result.message()
      m?.attempts.inc({ result: 'unschedulable', profile: fw.profileName })
      m?.attemptDuration.observe({ result: 'unschedulable', profile: fw.profileName }, (this.d.clock.now() - started) / 1000)
    } else {
      info.unschedulablePlugins = new Set(result.plugin === '' ? [] : [result.plugin])
      message = result.message()
      if (result.code === Code.Error) reason = 'SchedulerError'
      m?.attempts.inc({ result: result.code === Code.Error ? 'error' : 'unschedulable', profile: fw.profileName })
    }
    this.d.logger.debug({ pod: info.key, message }, 'unable to schedule pod')
    this.d.api.event(pod, 'Warning', 'FailedScheduling', message)
    const current = this.d.api.currentPod(pod)
    if (current === undefined) return
    if (reason === 'SchedulerError') this.d.queue.addBackoff(info)
    else this.d.queue.addUnschedulable(info, cycle)
    if (nominated !== undefined) this.nominator.add(current, nominated)
    const cond: PodCondition = { type: 'PodScheduled', status: 'False', reason, message }
    // the nomination is written only when it changes (upstream updatePod)
    if (nominated === (current.status?.nominatedNodeName ?? '')) nominated = undefined
    if (!conditionChanged(current, cond) && nominated === undefined) return
    try {
      await this.d.api.updatePodScheduledCondition(current, cond, nominated, signal)
    } catch (err) {
      this.d.logger.info({ err, pod: info.key }, 'updating the PodScheduled condition failed')
    }
  }
}

function conditionChanged (pod: Pod, cond: PodCondition): boolean {
  const c = pod.status?.conditions?.find(x => x.type === 'PodScheduled')
  return c === undefined || c.status !== cond.status || c.reason !== cond.reason || c.message !== cond.message
}
