import type { Pod } from 'kubernetes-types/core/v1.js'
import type { FilterPlugin } from '../../interface.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import * as names from '../names.js'

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name"

/** True when the pod names no node or names this one. */
export function fitsNodeName (pod: Pod, node: NodeInfo): boolean {
  const want = pod.spec?.nodeName
  return want === undefined || want === '' || want === node.name
}

/** Filters out every node but `spec.nodeName` when the pod sets it. */
export class NodeName implements FilterPlugin {
  static readonly pluginName = names.NodeName
  name (): string { return NodeName.pluginName }
  filter (_s: unknown, pod: Pod, node: NodeInfo): Status {
    return fitsNodeName(pod, node) ? Status.success() : Status.unresolvable(ERR_REASON_NODE_NAME)
  }
}
