import type { Pod } from 'kubernetes-types/core/v1.js'
import type { CycleState } from '../../cycle-state.js'
import type { BindPlugin } from '../../interface.js'
import { Status } from '../../status.js'
import * as names from '../names.js'

/** POSTs a v1 Binding to `pods/<name>/binding` (the seam tests replace). */
export type BindFunc = (pod: Pod, nodeName: string, signal: AbortSignal) => Promise<void>

export function bindingFor (pod: Pod, nodeName: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name: pod.metadata?.name, namespace: pod.metadata?.namespace, uid: pod.metadata?.uid },
    target: { apiVersion: 'v1', kind: 'Node', name: nodeName }
  }
}

export class DefaultBinder implements BindPlugin {
  static readonly pluginName = names.DefaultBinder
  constructor (private readonly bindFn: BindFunc) {}
  name (): string { return DefaultBinder.pluginName }
  async bind (_s: CycleState, pod: Pod, nodeName: string, signal: AbortSignal): Promise<Status> {
    try {
      await this.bindFn(pod, nodeName, signal)
      return Status.success()
    } catch (err) {
      return Status.error((err as Error).message)
    }
  }
}
