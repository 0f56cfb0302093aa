import type { Pod } from 'kubernetes-types/core/v1.js'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { CycleState } from './framework/cycle-state.js'
import type { Framework } from './framework/framework.js'
import type { NodeScore, NodeToStatus } from './framework/interface.js'
import type { NodeInfo } from './framework/node-info.js'
import { Code } from './framework/status.js'

// upstream constants for adaptive percentageOfNodesToScore
export const MIN_FEASIBLE_NODES_TO_FIND = 100
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5
export const BASE_PERCENTAGE_OF_NODES_TO_SCORE = 50
// filter calls between yields, so informer events and bind responses are not starved on big clusters
const FILTER_CHUNK = 512

/**
 * How many feasible nodes to look for before stopping (upstream numFeasibleNodesToFind): all nodes below 100;
 * otherwise `percentage` (0 = adaptive: 50% minus 1% per 125 nodes, at least 5%), and never fewer than 100.
 */
export function numFeasibleNodesToFind (percentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  let pct = percentage
  if (pct <= 0) {
    pct = BASE_PERCENTAGE_OF_NODES_TO_SCORE - Math.trunc(numAllNodes / 125)
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  }
  if (pct >= 100) return numAllNodes
  const n = Math.trunc(numAllNodes * pct / 100)
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n
}

export interface FilterOutcome { feasible: NodeInfo[], statuses: NodeToStatus, processed: number }

/**
 * Runs Filter over the candidates starting at `start` (round robin across cycles, as upstream), stopping once
 * `want` feasible nodes are found; yields to the event loop every FILTER_CHUNK nodes.
 */
export async function findFeasibleNodes (fw: Framework, state: CycleState, pod: Pod, nodes: readonly NodeInfo[], want: number, start: number): Promise<FilterOutcome> {
  const feasible: NodeInfo[] = []
  const statuses: NodeToStatus = new Map()
  let processed = 0
  const n = nodes.length
  for (; processed < n && feasible.length < want; processed++) {
    const node = nodes[(start + processed) % n] as NodeInfo
    const s = fw.runFilter(state, pod, node)
    if (s.isSuccess()) feasible.push(node)
    else statuses.set(node.name, s)
    if (s.code === Code.Error) break
    if (processed % FILTER_CHUNK === FILTER_CHUNK - 1) await yieldToLoop()
  }
  return { feasible, statuses, processed }
}

/** Highest total wins; ties are broken uniformly at random (reservoir sampling, as upstream selectHost). */
export function selectHost (scores: readonly NodeScore[], random: () => number = Math.random): string | undefined {
  let best: string | undefined
  let bestScore = -Infinity
  let ties = 0
  for (const s of scores) {
    if (s.score > bestScore) { best = s.name; bestScore = s.score; ties = 1 } else if (s.score === bestScore) {
      ties++
      if (random() * ties < 1) best = s.name
    }
  }
  return best
}
