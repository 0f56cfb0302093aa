import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import { MAX_NODE_SCORE } from '../../interface.js'
import type { ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { podRequests } from '../../resources.js'
import * as names from '../names.js'

/** 100 × (1 − standard deviation of the cpu and memory fractions after placing the pod); balanced nodes win. */
export function balancedScore (fractions: readonly number[]): number {
  if (fractions.length === 0) return 0
  const capped = fractions.map(f => Math.min(f, 1))
  const mean = capped.reduce((a, b) => a + b, 0) / capped.length
  const variance = capped.reduce((a, f) => a + (f - mean) ** 2, 0) / capped.length
  return Math.floor((1 - Math.sqrt(variance)) * MAX_NODE_SCORE)
}

export class NodeResourcesBalancedAllocation implements ScorePlugin {
  static readonly pluginName = names.NodeResourcesBalancedAllocation
  name (): string { return NodeResourcesBalancedAllocation.pluginName }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    const req = podRequests(pod, true)
    const cpu = node.allocatable.milliCpu
    const mem = node.allocatable.memory
    // the two-fraction case of balancedScore without its arrays (it runs for every scored node of every pod)
    if (cpu > 0 && mem > 0) {
      const a = Math.min((node.nonZeroRequested.milliCpu + req.milliCpu) / cpu, 1)
      const b = Math.min((node.nonZeroRequested.memory + req.memory) / mem, 1)
      const mean = (a + b) / 2
      return Math.floor((1 - Math.sqrt(((a - mean) ** 2 + (b - mean) ** 2) / 2)) * MAX_NODE_SCORE)
    }
    const fractions: number[] = []
    if (cpu > 0) fractions.push((node.nonZeroRequested.milliCpu + req.milliCpu) / cpu)
    if (mem > 0) fractions.push((node.nonZeroRequested.memory + req.memory) / mem)
    return balancedScore(fractions)
  }
}
