import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { Framework } from '../../framework.js'
import type { NodeInfo } from '../../node-info.js'

export interface Candidate { node: string, victims: Pod[] }

export const podPriority = (p: Pod): number => p.spec?.priority ?? 0

/**
 * Upstream selectVictimsOnNode: remove every lower-priority pod, check the preemptor fits, then reprieve victims
 * from the highest priority down while it still fits. Returns undefined when even an empty node would not do.
 */
export function selectVictimsOnNode (fw: Framework, base: CycleState, pod: Pod, original: NodeInfo): Pod[] | undefined {
  const state = base.clone()
  const node = original.clone()
  const prio = podPriority(pod)
  const lower = [...node.pods.values()].map(i => i.pod).filter(p => podPriority(p) < prio)
  if (lower.length === 0) return undefined
  for (const p of lower) {
    node.removePod(p)
    fw.runRemovePod(state, pod, p, node)
  }
  if (!fw.runFilter(state, pod, node).isSuccess()) return undefined
  lower.sort((a, b) => podPriority(b) - podPriority(a) || startOf(a) - startOf(b))
  const victims: Pod[] = []
  for (const p of lower) {
    node.addPod({ pod: p, requests: requestsOf(original, p), nonZeroRequests: nonZeroOf(original, p) })
    fw.runAddPod(state, pod, p, node)
    if (fw.runFilter(state, pod, node).isSuccess()) continue
    node.removePod(p)
    fw.runRemovePod(state, pod, p, node)
    victims.push(p)
  }
  return victims
}

function requestsOf (n: NodeInfo, p: Pod): NodeInfo['requested'] {
  return [...n.pods.values()].find(i => i.pod === p)?.requests ?? { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} }
}

function nonZeroOf (n: NodeInfo, p: Pod): NodeInfo['requested'] {
  return [...n.pods.values()].find(i => i.pod === p)?.nonZeroRequests ?? { milliCpu: 0, memory: 0, ephemeralStorage: 0, pods: 0, scalar: {} }
}

function startOf (p: Pod): number {
  const t = Date.parse(p.status?.startTime ?? p.metadata?.creationTimestamp ?? '')
  return Number.isNaN(t) ? 0 : t
}

/** Upstream pickOneNodeForPreemption, shortened: lowest highest-victim priority, then lowest priority sum, then fewest victims. */
export function pickCandidate (cands: readonly Candidate[]): Candidate | undefined {
  const keyOf = (c: Candidate): [number, number, number] => [
    Math.max(-Infinity, ...c.victims.map(podPriority)),
    c.victims.reduce((a, v) => a + podPriority(v) + 2147483648, 0),
    c.victims.length
  ]
  let best: Candidate | undefined
  let bestKey: [number, number, number] | undefined
  for (const c of cands) {
    const k = keyOf(c)
    if (bestKey === undefined || k[0] < bestKey[0] || (k[0] === bestKey[0] && (k[1] < bestKey[1] || (k[1] === bestKey[1] && k[2] < bestKey[2])))) {
      best = c
      bestKey = k
    }
  }
  return best
}
