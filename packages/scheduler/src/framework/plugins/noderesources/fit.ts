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
  for (const name in req.scalar) {
    const want = req.scalar[name] as number
    if (want <= 0 || ignored.has(name)) continue
    if (want > (alloc.scalar[name] ?? 0) - (node.requested.scalar[name] ?? 0)) out.push(`Insufficient ${name}`)
  }
  return out
}

/** The same test as insufficientResources without building reasons: Filter runs it on every node for every pod. */
function fits (req: Resources, scalars: ReadonlyArray<[string, number]>, node: NodeInfo): boolean {
  const alloc = node.allocatable
  const used = node.requested
  if (node.pods.size + 1 > alloc.pods) return false
  if (req.milliCpu > 0 && req.milliCpu > alloc.milliCpu - used.milliCpu) return false
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) return false
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) return false
  for (const [name, want] of scalars) if (want > (alloc.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) return false
  return true
}

/** What PreFilter computes once per pod: its requests and the extended resources Filter must check. */
interface FitState { req: Resources, scalars: Array<[string, number]> }

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
    state.write(STATE_KEY, this.fitState(pod))
    return { status: Status.success() }
  }

  filter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    const st = state.read<FitState>(STATE_KEY) ?? this.fitState(pod)
    if (fits(st.req, st.scalars, node)) return Status.success()
    return Status.unschedulable(...insufficientResources(st.req, node, this.ignored))
  }

  private fitState (pod: Pod): FitState {
    const req = podRequests(pod)
    const scalars: Array<[string, number]> = []
    for (const name in req.scalar) {
      const want = req.scalar[name] as number
      if (want > 0 && !this.ignored.has(name)) scalars.push([name, want])
    }
    return { req, scalars }
  }

  score (_s: CycleState, pod: Pod, node: NodeInfo): number {
    return this.scorer(podRequests(pod, true), node)
  }
}
