import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { Framework } from '../../framework.js'
import type { Handle, NodeToStatus, PostFilterPlugin, PostFilterResult } from '../../interface.js'
import { Code, Status } from '../../status.js'
import { histogramMessage } from '../../../fit-error.js'
import * as names from '../names.js'
import { pickCandidate, selectVictimsOnNode } from './candidates.js'
import type { Candidate } from './candidates.js'

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod'
export const MSG_NEVER = 'not eligible due to preemptionPolicy=Never.'

/** What preemption does to the cluster; the scheduler implements it with API calls. */
export interface PreemptionActions {
  evict: (victim: Pod, preemptor: Pod, node: string, signal: AbortSignal) => Promise<void>
  nominate: (pod: Pod, node: string, signal: AbortSignal) => Promise<void>
}

/** PostFilter: find a node where evicting lower-priority pods lets the pod fit, evict them and nominate the node. */
export class DefaultPreemption implements PostFilterPlugin {
  static readonly pluginName = names.DefaultPreemption
  framework: Framework | undefined

  constructor (private readonly handle: Handle, private readonly actions: PreemptionActions) {}
  name (): string { return DefaultPreemption.pluginName }

  async postFilter (state: CycleState, pod: Pod, statuses: NodeToStatus, signal: AbortSignal): Promise<{ result?: PostFilterResult, status: Status }> {
    const fw = this.framework
    if (fw === undefined) return { status: Status.error('DefaultPreemption has no framework') }
    if (pod.spec?.preemptionPolicy === 'Never') return { status: Status.unschedulable(`preemption: ${MSG_NEVER}`) }
    const all = this.handle.nodeInfos()
    const reasons = new Map<string, number>()
    const cands: Candidate[] = []
    for (const n of all) {
      const s = statuses.get(n.name)
      if (s !== undefined && s.code === Code.UnschedulableAndUnresolvable) { bump(reasons, MSG_NOT_HELPFUL); continue }
      const victims = s === undefined ? undefined : selectVictimsOnNode(fw, state, pod, n)
      if (victims === undefined || victims.length === 0) { bump(reasons, MSG_NO_VICTIMS); continue }
      cands.push({ node: n.name, victims })
    }
    const best = pickCandidate(cands)
    if (best === undefined) {
      return { status: Status.unschedulable(`preemption: ${histogramMessage(all.length, reasons)}`) }
    }
    for (const v of best.victims) await this.actions.evict(v, pod, best.node, signal)
    await this.actions.nominate(pod, best.node, signal)
    return { result: { nominatedNodeName: best.node }, status: Status.success() }
  }
}

function bump (m: Map<string, number>, k: string): void { m.set(k, (m.get(k) ?? 0) + 1) }
