import { MAX_NODE_SCORE } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import type { Resources } from '../../resources.js'

export interface ResourceSpec { name: string, weight?: number }
export interface UtilizationShapePoint { utilization: number, score: number }

/** KubeSchedulerConfiguration NodeResourcesFitArgs.scoringStrategy. */
export interface ScoringStrategy {
  type?: 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio'
  resources?: ResourceSpec[]
  requestedToCapacityRatio?: { shape: UtilizationShapePoint[] }
}

export type ResourceScorer = (podNonZero: Resources, node: NodeInfo) => number

const DEFAULT_RESOURCES: ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]
// shape scores are 0..10 in the config and scaled to 0..100 (upstream MaxCustomPriorityScore)
const MAX_CUSTOM_PRIORITY_SCORE = 10

// requested (after placing the pod) and capacity of one resource; two functions instead of one returning an object
// because the scorer runs for every scored node of every pod
function requestedOf (name: string, pod: Resources, node: NodeInfo): number {
  switch (name) {
    case 'cpu': return node.nonZeroRequested.milliCpu + pod.milliCpu
    case 'memory': return node.nonZeroRequested.memory + pod.memory
    case 'ephemeral-storage': return node.requested.ephemeralStorage + pod.ephemeralStorage
    default: return (node.requested.scalar[name] ?? 0) + (pod.scalar[name] ?? 0)
  }
}

function capacityOf (name: string, node: NodeInfo): number {
  switch (name) {
    case 'cpu': return node.allocatable.milliCpu
    case 'memory': return node.allocatable.memory
    case 'ephemeral-storage': return node.allocatable.ephemeralStorage
    default: return node.allocatable.scalar[name] ?? 0
  }
}

export function leastAllocatedScore (requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.floor((capacity - requested) * MAX_NODE_SCORE / capacity)
}

export function mostAllocatedScore (requested: number, capacity: number): number {
  if (capacity === 0) return 0
  return Math.floor(Math.min(requested, capacity) * MAX_NODE_SCORE / capacity)
}

/** Piecewise-linear function through the shape points (utilization %, score 0..10 scaled to 0..100). */
export function brokenLinear (shape: readonly UtilizationShapePoint[]): (utilization: number) => number {
  const pts = shape.map(p => ({ u: p.utilization, s: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) }))
  return (u) => {
    for (let i = 0; i < pts.length; i++) {
      const p = pts[i] as { u: number, s: number }
      if (u <= p.u) {
        if (i === 0) return p.s
        const q = pts[i - 1] as { u: number, s: number }
        return Math.floor(q.s + (p.s - q.s) * (u - q.u) / (p.u - q.u))
      }
    }
    return pts.length === 0 ? 0 : (pts[pts.length - 1] as { s: number }).s
  }
}

/** Weighted mean of per-resource scores; resources the node lacks entirely are skipped, as upstream. */
export function scorerFor (strategy: ScoringStrategy | undefined): ResourceScorer {
  const resources = strategy?.resources ?? DEFAULT_RESOURCES
  const type = strategy?.type ?? 'LeastAllocated'
  let per: (requested: number, capacity: number) => number
  if (type === 'MostAllocated') per = mostAllocatedScore
  else if (type === 'RequestedToCapacityRatio') {
    const f = brokenLinear(strategy?.requestedToCapacityRatio?.shape ?? [{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }])
    per = (req, cap) => cap === 0 ? 0 : f(Math.min(100, Math.floor(req * 100 / cap)))
  } else per = leastAllocatedScore
  return (pod, node) => {
    let sum = 0
    let weights = 0
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i] as ResourceSpec
      const capacity = capacityOf(r.name, node)
      if (capacity === 0) continue
      const w = r.weight ?? 1
      sum += per(requestedOf(r.name, pod, node), capacity) * w
      weights += w
    }
    return weights === 0 ? 0 : Math.floor(sum / weights)
  }
}
