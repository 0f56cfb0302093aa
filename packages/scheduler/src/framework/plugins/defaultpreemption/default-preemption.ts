import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js'
import type { Clock } from '@kube-ts/client'
import { systemClock } from '@kube-ts/client'
import type { CycleState } from '../../cycle-state.js'
import type { Framework } from '../../framework.js'
import type { Handle, NodeToStatus, PostFilterPlugin, PostFilterResult } from '../../interface.js'
import { Code, Status } from '../../status.js'
import { uidOf } from '../../waiting-pods.js'
import { histogramMessage } from '../../../fit-error.js'
import * as names from '../names.js'
import { pickOneNodeForPreemption, podPriority, selectVictimsOnNode } from './candidates.js'
import type { Candidate } from './candidates.js'
import { terminatingByPreemption } from './pdb.js'

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const MSG_NEVER = 'not eligible due to preemptionPolicy=Never.'
export const MSG_TERMINATING = 'not eligible due to a terminating pod on the nominated node.'

/** What preemption does to the cluster; the scheduler implements it with API calls. */
export interface PreemptionActions {
  /** Adds `condition` to the victim's status (skipped by the plugin when an equal one is already there). */
  addCondition: (victim: Pod, condition: PodCondition, signal: AbortSignal) => Promise<void>
  /** Deletes the victim; NotFound counts as done. */
  deletePod: (victim: Pod, signal: AbortSignal) => Promise<void>
  event: (victim: Pod, type: 'Normal' | 'Warning', reason: string, message: string) => void
  /** Removes status.nominatedNodeName from a pod that lost its nominated room to the preemptor. */
  clearNomination: (pod: Pod, signal: AbortSignal) => Promise<void>
}

/** The condition upstream puts on a victim before deleting it. */
export function disruptionTarget (preemptor: Pod): PodCondition {
  return {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'PreemptionByScheduler',
    message: `${preemptor.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`
  }
}

/**
 * PostFilter (upstream DefaultPreemption): dry-run evictions of lower-priority pods on every node where that may
 * help, sparing PDB-protected victims where possible, pick one node by upstream's ordering, then mark and delete
 * its victims (a victim parked at Permit is rejected instead) and nominate the node.
 */
export class DefaultPreemption implements PostFilterPlugin {
  static readonly pluginName = names.DefaultPreemption
  framework: Framework | undefined

  constructor (private readonly handle: Handle, private readonly actions: PreemptionActions, private readonly clock: Clock = systemClock) {}
  name (): string { return DefaultPreemption.pluginName }

  async postFilter (state: CycleState, pod: Pod, statuses: NodeToStatus, signal: AbortSignal): Promise<{ result?: PostFilterResult, status: Status }> {
    const fw = this.framework
    if (fw === undefined) return { status: Status.error('DefaultPreemption has no framework') }
    const ineligible = this.ineligibleReason(pod, statuses)
    if (ineligible !== undefined) return { status: Status.unschedulable(`preemption: ${ineligible}`) }
    const all = this.handle.nodeInfos()
    const pdbs = this.handle.listers?.podDisruptionBudgets?.('') ?? []
    const now = this.clock.now()
    const reasons = new Map<string, number>()
    const cands: Candidate[] = []
    for (const n of all) {
      const s = statuses.get(n.name)
      if (s === undefined) continue
      if (s.code === Code.UnschedulableAndUnresolvable) { bump(reasons, MSG_NOT_HELPFUL); continue }
      const r = selectVictimsOnNode(fw, state, pod, n, pdbs, now)
      if (r instanceof Status) {
        if (r.code === Code.Error) return { status: r }
        for (const reason of r.reasons) bump(reasons, reason)
        continue
      }
      cands.push({ node: n.name, ...r })
    }
    const best = pickOneNodeForPreemption(cands, now)
    if (best === undefined) return { status: Status.unschedulable(`preemption: ${histogramMessage(all.length, reasons)}`) }
    await this.prepare(fw, best, pod, signal)
    return { result: { nominatedNodeName: best.node }, status: Status.success() }
  }

  /** Upstream PodEligibleToPreemptOthers: preemptionPolicy Never, or a lower-priority victim still terminating on the nominated node. */
  private ineligibleReason (pod: Pod, statuses: NodeToStatus): string | undefined {
    if (pod.spec?.preemptionPolicy === 'Never') return MSG_NEVER
    const nominated = pod.status?.nominatedNodeName ?? ''
    if (nominated === '' || statuses.get(nominated)?.code === Code.UnschedulableAndUnresolvable) return undefined
    const info = this.handle.nodeInfo(nominated)
    if (info === undefined) return undefined
    const prio = podPriority(pod)
    for (const i of info.pods.values()) if (podPriority(i.pod) < prio && terminatingByPreemption(i.pod)) return MSG_TERMINATING
    return undefined
  }

  /** Upstream prepareCandidate: evict the victims, then take the node away from lower-priority pods nominated there. */
  private async prepare (fw: Framework, c: Candidate, pod: Pod, signal: AbortSignal): Promise<void> {
    const condition = disruptionTarget(pod)
    for (const v of c.victims) {
      if (!fw.waitingPods.reject(uidOf(v), DefaultPreemption.pluginName, 'preempted')) {
        const has = v.status?.conditions?.some(x => x.type === condition.type && x.status === condition.status && x.reason === condition.reason && x.message === condition.message) === true
        if (!has) await this.actions.addCondition(v, condition, signal)
        await this.actions.deletePod(v, signal)
      }
      this.actions.event(v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata?.uid ?? ''} on node ${c.node}`)
    }
    const prio = podPriority(pod)
    for (const p of this.handle.nominatedPodsForNode?.(c.node) ?? []) {
      if (podPriority(p) < prio) await this.actions.clearNomination(p, signal)
    }
  }
}

function bump (m: Map<string, number>, k: string): void { m.set(k, (m.get(k) ?? 0) + 1) }
