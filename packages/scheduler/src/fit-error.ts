import type { NodeToStatus } from './framework/interface.js'

/**
 * Upstream FitError message: `0/N nodes are available: <count> <reason>, ...` with "count reason" strings
 * sorted lexically, then a period; a PostFilter message (preemption) follows after a space.
 */
export function histogramMessage (numAllNodes: number, counts: ReadonlyMap<string, number>): string {
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort()
  return `0/${numAllNodes} nodes are available: ${parts.join(', ')}.`
}

export function reasonCounts (statuses: NodeToStatus): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  return counts
}

/** Upstream's ErrNoNodesAvailable text, used when the snapshot holds no nodes at all. */
export const noNodesAvailableMessage = 'no nodes available to schedule pods'

export function fitErrorMessage (numAllNodes: number, statuses: NodeToStatus, postFilterMessage = '', preFilterMessage?: string): string {
  if (numAllNodes === 0) return noNodesAvailableMessage
  if (preFilterMessage !== undefined) return `0/${numAllNodes} nodes are available: ${preFilterMessage}.` + (postFilterMessage === '' ? '' : ` ${postFilterMessage}`)
  const msg = histogramMessage(numAllNodes, reasonCounts(statuses))
  return postFilterMessage === '' ? msg : `${msg} ${postFilterMessage}`
}
