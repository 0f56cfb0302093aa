import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { FilterPlugin, PreFilterPlugin, ScorePlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { podRequests } from '../../resources.js'
import type { Resources } from '../../resources.js'
import { Status } from '../../status.js'
import * as names from '../names.js'
import { scorerFor } from './scoring.js'
import type { ResourceScorer, ScoringStrategy } from './scoring.js'

const STATE_KEY = 'PreFilter' + names.NodeResourcesFit

export interface NodeResourcesFitArgs {
  ignoredResources?: string[]
  scoringStrategy?: ScoringStrategy
}

/**
 * Every resource the pod requests that the node cannot hold, as upstream fitsRequest: `Too many pods`
 * first, then `Insufficient cpu`, `Insufficient memory`, `Insufficient ephemeral-storage`, extended resources.
 */
export function insufficientResources (req: Resources, node: NodeInfo, ignored: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = []
  const alloc = node.allocatable
  if (node.pods.size + 1 > alloc.pods) out.push('Too many pods')
  if (req.milliCpu > 0 && req.milliCpu > alloc.milliCpu - node.requested.milliCpu) out.push('Insufficient cpu')
  if (req.memory > 0 && req.memory > alloc.memory - node.requested.memory) out.push('Insufficient memory')
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - node.requested.ephemeralStorage) out.push('Insufficient ephemeral-storage')
  for (const [name, want] of Object.entries(req.scalar)) {
    if (want <= 0 || ignored.has(name)) continue
    if (want > (alloc.scalar[name] ?? 0) - (node.requested.scalar[name] ?? 0)) out.push(`Insufficient ${name}`)
  }
  return out
}

/** Filters on requests vs allocatable; scores with LeastAllocated (default), MostAllocated or RequestedToCapacityRatio. */
export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, ScorePlugin {
  static readonly pluginName = names.NodeResourcesFit
  private readonly ignored: Set<string>
  private readonly scorer: ResourceScorer

  constructor (args: NodeResourcesFitArgs = {}) {
    this.ignored = new Set(args.ignoredResources ?? [])
    this.scorer = scorerFor(args.scoringStrategy)
  }

  name (): string { return NodeResourcesFit.pluginName }

  preFilter (state: CycleState, pod: Pod): { status: Status } {
    state.write(STATE_KEY, podRequests(pod))
    return { status: Status.success() }
  }

  filter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    const req = state.read<Resources>(STATE_KEY) ?? podRequests(pod)
    const reasons = insufficientResources(req, node, this.ignored)
    return reasons.length === 0 ? Status.success() : Status.unschedulable(...reasons)
  }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    return this.scorer(podRequests(pod, true), node)
  }
}
