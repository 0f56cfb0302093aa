import type { Pod } from 'kubernetes-types/core/v1.js'
import { podKey } from '../framework/node-info.js'

const NONE: readonly Pod[] = Object.freeze([])

/**
 * Pending pods nominated to a node (upstream nominator): preemptors waiting for their victims to go. Filtering
 * counts the nominated pods of equal or higher priority on their node, so the room a preemption freed is not
 * handed to a lower-priority pod in the meantime. Fed by the pod informer (status.nominatedNodeName) and by this
 * scheduler's own preemptions, which are recorded before the status write comes back.
 */
export class Nominator {
  private readonly byNode = new Map<string, Map<string, Pod>>()
  private readonly nodeOf = new Map<string, string>()

  /** Nominates `pod` to `node` (default: its status.nominatedNodeName); no node or an assigned pod clears it. */
  add (pod: Pod, node?: string): void {
    this.delete(pod)
    const name = node ?? pod.status?.nominatedNodeName ?? ''
    if (name === '' || (pod.spec?.nodeName ?? '') !== '') return
    const key = podKey(pod)
    this.nodeOf.set(key, name)
    let pods = this.byNode.get(name)
    if (pods === undefined) { pods = new Map(); this.byNode.set(name, pods) }
    pods.set(key, pod)
  }

  /**
   * An informer update. When neither version carries a nomination but one is held in memory, the status write
   * has not landed yet: keep it (upstream updateNominatedPod). Otherwise the new version decides.
   */
  update (oldPod: Pod, newPod: Pod): void {
    const none = (p: Pod): boolean => (p.status?.nominatedNodeName ?? '') === ''
    const kept = none(oldPod) && none(newPod) ? this.nodeOf.get(podKey(oldPod)) : undefined
    this.add(newPod, kept)
  }

  delete (pod: Pod): void {
    const key = podKey(pod)
    const node = this.nodeOf.get(key)
    if (node === undefined) return
    this.nodeOf.delete(key)
    const pods = this.byNode.get(node)
    pods?.delete(key)
    if (pods?.size === 0) this.byNode.delete(node)
  }

  nominatedNode (pod: Pod): string | undefined { return this.nodeOf.get(podKey(pod)) }

  /** Called for every node filtered, so the common "none" answer allocates nothing. */
  nominatedPodsForNode (node: string): readonly Pod[] {
    const pods = this.byNode.get(node)
    return pods === undefined ? NONE : [...pods.values()]
  }
}
