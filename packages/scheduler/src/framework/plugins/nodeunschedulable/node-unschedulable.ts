import type { Pod } from 'kubernetes-types/core/v1.js'
import type { FilterPlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import { tolerated } from '../helper/taints.js'
import * as names from '../names.js'

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'

/** A cordoned node (`spec.unschedulable`) only takes pods that tolerate the unschedulable NoSchedule taint. */
export function fitsSchedulable (pod: Pod, node: NodeInfo): boolean {
  if (node.node.spec?.unschedulable !== true) return true
  return tolerated(pod.spec?.tolerations ?? [], { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' })
}

export class NodeUnschedulable implements FilterPlugin {
  static readonly pluginName = names.NodeUnschedulable
  name (): string { return NodeUnschedulable.pluginName }
  filter (_s: unknown, pod: Pod, node: NodeInfo): Status {
    return fitsSchedulable(pod, node) ? Status.success() : Status.unresolvable(ERR_REASON_UNSCHEDULABLE)
  }
}
