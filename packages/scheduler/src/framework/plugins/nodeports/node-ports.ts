import type { ContainerPort, Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { FilterPlugin, PreFilterPlugin } from '../../interface.js'
import { hostPortsOf } from '../../node-info.js'
import type { NodeInfo } from '../../node-info.js'
import { Status } from '../../status.js'
import * as names from '../names.js'

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports"

/** A wanted host port conflicts when the same protocol/port is used on the same IP, or either side is 0.0.0.0. */
export function portsFit (wanted: readonly ContainerPort[], node: NodeInfo): boolean {
  for (const p of wanted) {
    const ip = p.hostIP ?? '0.0.0.0'
    const proto = p.protocol ?? 'TCP'
    for (const used of node.usedPorts.keys()) {
      const [uip, uproto, uport] = used.split('/')
      if (uproto !== proto || Number(uport) !== p.hostPort) continue
      if (ip === '0.0.0.0' || uip === '0.0.0.0' || uip === ip) return false
    }
  }
  return true
}

const PRE_FILTER_KEY = 'PreFilter' + names.NodePorts

/** PreFilter collects the pod's host ports once (Skip when there are none, as upstream), Filter checks each node. */
export class NodePorts implements PreFilterPlugin, FilterPlugin {
  static readonly pluginName = names.NodePorts
  name (): string { return NodePorts.pluginName }

  preFilter (state: CycleState, pod: Pod): { status: Status } {
    const wanted = hostPortsOf(pod)
    if (wanted.length === 0) return { status: Status.skip() }
    state.write(PRE_FILTER_KEY, wanted)
    return { status: Status.success() }
  }

  filter (state: CycleState, pod: Pod, node: NodeInfo): Status {
    const wanted = state.read<ContainerPort[]>(PRE_FILTER_KEY) ?? hostPortsOf(pod)
    if (wanted.length === 0) return Status.success()
    return portsFit(wanted, node) ? Status.success() : Status.unschedulable(ERR_REASON_PORTS)
  }
}
