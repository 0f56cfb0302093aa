import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Pod, ReplicationController, Service } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { CycleState } from './cycle-state.js'
import type { NodeInfo } from './node-info.js'
import type { Status } from './status.js'

// Extension points of the scheduling framework (upstream framework/interface.go). A plugin implements any subset.

export const MAX_NODE_SCORE = 100
export const MIN_NODE_SCORE = 0

export interface Plugin { name: () => string }

/** Read access plugins get to the cluster as this cycle sees it. */
export interface Handle {
  /** Every node in the snapshot this cycle runs against. */
  nodeInfos: () => NodeInfo[]
  nodeInfo: (name: string) => NodeInfo | undefined
  /** How many nodes have the (normalized) image; upstream keeps this in the snapshot's ImageStates. */
  imageNumNodes?: (image: string) => number
  /** Nodes with at least one pod that has required anti-affinity (upstream HavePodsWithRequiredAntiAffinityList). */
  nodesWithRequiredAntiAffinity?: () => NodeInfo[]
  /** Pending pods nominated to the node by preemption (upstream PodNominator). */
  nominatedPodsForNode?: (node: string) => readonly Pod[]
  /** Informer-backed reads some plugins need (upstream SharedInformerFactory listers). */
  listers?: Listers
}

/** Lists one namespace's objects (all namespaces for an empty string) from an informer cache. */
export type NamespacedList<T> = (namespace: string) => readonly T[]

export interface Listers {
  services?: NamespacedList<Service>
  replicationControllers?: NamespacedList<ReplicationController>
  replicaSets?: NamespacedList<ReplicaSet>
  statefulSets?: NamespacedList<StatefulSet>
  podDisruptionBudgets?: NamespacedList<PodDisruptionBudget>
}

export interface PreFilterResult {
  /** Restricts the candidate nodes (NodeName, NodeAffinity with a metadata.name field selector). */
  nodeNames?: Set<string>
}

export interface PreFilterPlugin extends Plugin {
  preFilter: (state: CycleState, pod: Pod, nodes: NodeInfo[]) => { result?: PreFilterResult, status: Status }
  /** Incremental updates when preemption simulates adding or removing pods (upstream PreFilterExtensions). */
  addPod?: (state: CycleState, pod: Pod, toAdd: Pod, node: NodeInfo) => void
  removePod?: (state: CycleState, pod: Pod, toRemove: Pod, node: NodeInfo) => void
}

export interface FilterPlugin extends Plugin {
  filter: (state: CycleState, pod: Pod, node: NodeInfo) => Status
}

/** Why each node was rejected, by node name (upstream NodeToStatusMap). */
export type NodeToStatus = Map<string, Status>

export interface PostFilterResult { nominatedNodeName?: string }

export interface PostFilterPlugin extends Plugin {
  postFilter: (state: CycleState, pod: Pod, statuses: NodeToStatus, signal: AbortSignal) => Promise<{ result?: PostFilterResult, status: Status }>
}

export interface PreScorePlugin extends Plugin {
  preScore: (state: CycleState, pod: Pod, nodes: NodeInfo[]) => Status
}

export interface ScorePlugin extends Plugin {
  score: (state: CycleState, pod: Pod, node: NodeInfo) => number
  /** Rescales the raw scores into [0, 100] in place. */
  normalizeScore?: (state: CycleState, pod: Pod, scores: NodeScore[]) => void
}

export interface NodeScore { name: string, score: number }

export interface ReservePlugin extends Plugin {
  reserve: (state: CycleState, pod: Pod, nodeName: string) => Status
  unreserve: (state: CycleState, pod: Pod, nodeName: string) => void
}

export interface PermitPlugin extends Plugin {
  /** Success, Unschedulable, or Wait with a timeout after which the pod is rejected. */
  permit: (state: CycleState, pod: Pod, nodeName: string) => { status: Status, timeoutMs?: number }
}

export interface BindPlugin extends Plugin {
  bind: (state: CycleState, pod: Pod, nodeName: string, signal: AbortSignal) => Promise<Status>
}

export function isPreFilter (p: Plugin): p is PreFilterPlugin { return typeof (p as PreFilterPlugin).preFilter === 'function' }
export function isFilter (p: Plugin): p is FilterPlugin { return typeof (p as FilterPlugin).filter === 'function' }
export function isPostFilter (p: Plugin): p is PostFilterPlugin { return typeof (p as PostFilterPlugin).postFilter === 'function' }
export function isPreScore (p: Plugin): p is PreScorePlugin { return typeof (p as PreScorePlugin).preScore === 'function' }
export function isScore (p: Plugin): p is ScorePlugin { return typeof (p as ScorePlugin).score === 'function' }
export function isReserve (p: Plugin): p is ReservePlugin { return typeof (p as ReservePlugin).reserve === 'function' }
export function isPermit (p: Plugin): p is PermitPlugin { return typeof (p as PermitPlugin).permit === 'function' }
export function isBind (p: Plugin): p is BindPlugin { return typeof (p as BindPlugin).bind === 'function' }
