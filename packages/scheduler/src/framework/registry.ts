import { DefaultBinder } from './plugins/defaultbinder/default-binder.js'
import type { BindFunc } from './plugins/defaultbinder/default-binder.js'
import { DefaultPreemption } from './plugins/defaultpreemption/default-preemption.js'
import type { PreemptionActions } from './plugins/defaultpreemption/default-preemption.js'
import { ImageLocality } from './plugins/imagelocality/image-locality.js'
import { InterPodAffinity } from './plugins/interpodaffinity/inter-pod-affinity.js'
import * as names from './plugins/names.js'
import { NodeAffinity } from './plugins/nodeaffinity/node-affinity.js'
import { NodeName } from './plugins/nodename/node-name.js'
import { NodePorts } from './plugins/nodeports/node-ports.js'
import { NodeResourcesBalancedAllocation } from './plugins/noderesources/balanced-allocation.js'
import { NodeResourcesFit } from './plugins/noderesources/fit.js'
import type { NodeResourcesFitArgs } from './plugins/noderesources/fit.js'
import { NodeUnschedulable } from './plugins/nodeunschedulable/node-unschedulable.js'
import { PodTopologySpread } from './plugins/podtopologyspread/pod-topology-spread.js'
import { TaintToleration } from './plugins/tainttoleration/taint-toleration.js'
import type { Clock } from '@kube-ts/client'
import type { Handle, Plugin } from './interface.js'
import type { WaitingPods } from './waiting-pods.js'

/** What plugin factories may use besides their args: the snapshot handle and the API-side effects. */
export interface PluginDeps {
  handle: Handle
  bind: BindFunc
  preemption: PreemptionActions
  /** Parks pods at Permit; one map shared by every profile (default: each framework gets its own). */
  waitingPods?: WaitingPods
  clock?: Clock
}

export type PluginFactory = (args: Record<string, unknown> | undefined, deps: PluginDeps) => Plugin

/** Every in-tree plugin by name (upstream NewInTreeRegistry); nothing registers itself. */
export const inTreeRegistry: ReadonlyMap<string, PluginFactory> = new Map<string, PluginFactory>([
  [names.NodeName, () => new NodeName()],
  [names.NodeUnschedulable, () => new NodeUnschedulable()],
  [names.TaintToleration, () => new TaintToleration()],
  [names.NodeAffinity, () => new NodeAffinity()],
  [names.NodeResourcesFit, (args) => new NodeResourcesFit(args as NodeResourcesFitArgs | undefined)],
  [names.NodeResourcesBalancedAllocation, () => new NodeResourcesBalancedAllocation()],
  [names.NodePorts, () => new NodePorts()],
  [names.PodTopologySpread, (args, d) => new PodTopologySpread(args, d.handle)],
  [names.InterPodAffinity, (_a, d) => new InterPodAffinity(d.handle)],
  [names.ImageLocality, (_a, d) => new ImageLocality(d.handle)],
  [names.DefaultPreemption, (_a, d) => new DefaultPreemption(d.handle, d.preemption, d.clock)],
  [names.DefaultBinder, (_a, d) => new DefaultBinder(d.bind)]
])
