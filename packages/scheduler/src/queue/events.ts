import * as names from '../framework/plugins/names.js'

/** Cluster events that can make an unschedulable pod schedulable (upstream framework.ClusterEvent, coarse). */
export type ClusterEvent = 'NodeAdd' | 'NodeUpdate' | 'AssignedPodAdd' | 'AssignedPodUpdate' | 'AssignedPodDelete' | 'UnschedulableTimeout' | 'ForceActivate'

/**
 * Which plugins' rejections each event may resolve (upstream EventsToRegister). A pod rejected only by plugins
 * not listed for an event stays where it is; node events can resolve any node-side rejection.
 */
const interested: Record<ClusterEvent, ReadonlySet<string> | 'all'> = {
  NodeAdd: 'all',
  NodeUpdate: 'all',
  AssignedPodAdd: new Set([names.InterPodAffinity, names.PodTopologySpread]),
  AssignedPodUpdate: new Set([names.InterPodAffinity, names.PodTopologySpread, names.NodeResourcesFit]),
  AssignedPodDelete: new Set([names.NodeResourcesFit, names.NodePorts, names.InterPodAffinity, names.PodTopologySpread, names.DefaultPreemption]),
  UnschedulableTimeout: 'all',
  ForceActivate: 'all'
}

const inTree: ReadonlySet<string> = new Set(Object.values(names))

/**
 * True when `event` could help a pod rejected by `plugins` (an empty set means "unknown": always retry). An
 * out-of-tree plugin registers for every event, as upstream does for plugins without EventsToRegister.
 */
export function eventCanHelp (event: ClusterEvent, plugins: ReadonlySet<string>): boolean {
  const set = interested[event]
  if (set === 'all' || plugins.size === 0) return true
  for (const p of plugins) if (set.has(p) || !inTree.has(p)) return true
  return false
}
