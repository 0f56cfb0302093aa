import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { NodeInfo, podInfoOf, podKey } from '../framework/node-info.js'
import type { PodInfo } from '../framework/node-info.js'
import { podRequests } from '../framework/resources.js'
import { normalizedImageName } from '../framework/plugins/imagelocality/image-locality.js'

interface PodState { pod: Pod, node: string, assumed: boolean }

/**
 * Nodes and the pods counted on them (upstream internal/cache). A pod counts on its node from the moment the
 * scheduler assumes it there, before the binding is written; the informer's bound copy later confirms it, and
 * a failed bind forgets it. Pods seen before their Node wait on a placeholder that is not offered to plugins.
 */
export class SchedulerCache {
  private readonly infos = new Map<string, NodeInfo>()
  private readonly realNodes = new Set<string>()
  private readonly pods = new Map<string, PodState>()
  private list: NodeInfo[] | undefined
  private antiAffinityList: NodeInfo[] | undefined
  private images: Map<string, number> | undefined

  addNode (node: Node): void {
    const name = node.metadata?.name ?? ''
    const info = this.infos.get(name)
    if (info === undefined) this.infos.set(name, new NodeInfo(node))
    else {
      if (JSON.stringify(info.node.status?.images) !== JSON.stringify(node.status?.images)) this.images = undefined
      info.setNode(node)
    }
    if (info === undefined && (node.status?.images?.length ?? 0) > 0) this.images = undefined
    if (!this.realNodes.has(name)) { this.realNodes.add(name); this.list = undefined; this.antiAffinityList = undefined; this.images = undefined }
  }

  updateNode (node: Node): void { this.addNode(node) }

  removeNode (name: string): void {
    this.realNodes.delete(name)
    this.list = undefined
    this.antiAffinityList = undefined
    this.images = undefined
    const info = this.infos.get(name)
    // keep pods still bound there (they go when their delete arrives), drop the node otherwise
    if (info !== undefined && info.pods.size === 0) this.infos.delete(name)
  }

  /** Nodes the plugins may consider, in a stable order (rebuilt only when the node set changes). */
  nodeInfos (): NodeInfo[] {
    this.list ??= [...this.realNodes].sort().map(n => this.infos.get(n) as NodeInfo)
    return this.list
  }

  /** Rebuilt only after a pod with required anti-affinity comes or goes, or the node set changes. */
  nodesWithRequiredAntiAffinity (): NodeInfo[] {
    this.antiAffinityList ??= this.nodeInfos().filter(n => n.podsWithRequiredAntiAffinity > 0)
    return this.antiAffinityList
  }

  /** Number of nodes reporting `image` (normalized name) in status.images. */
  imageNumNodes (image: string): number {
    if (this.images === undefined) {
      const counts = new Map<string, number>()
      for (const n of this.nodeInfos()) {
        const seen = new Set<string>()
        for (const img of n.node.status?.images ?? []) for (const name of img.names ?? []) seen.add(normalizedImageName(name))
        for (const name of seen) counts.set(name, (counts.get(name) ?? 0) + 1)
      }
      this.images = counts
    }
    return this.images.get(image) ?? 0
  }

  nodeInfo (name: string): NodeInfo | undefined {
    return this.realNodes.has(name) ? this.infos.get(name) : undefined
  }

  nodeCount (): number { return this.realNodes.size }

  isAssumed (pod: Pod): boolean { return this.pods.get(podKey(pod))?.assumed === true }

  /** Counts the pod on `node` now; the bind happens later. */
  assumePod (pod: Pod, node: string): void {
    const bound: Pod = { ...pod, spec: { ...(pod.spec ?? { containers: [] }), nodeName: node } }
    // the copy differs only in nodeName: reuse the requests the plugins already computed for `pod`
    this.place(bound, node, true, { pod: bound, requests: podRequests(pod), nonZeroRequests: podRequests(pod, true) })
  }

  /** The bind failed: stop counting the pod. */
  forgetPod (pod: Pod): void {
    const key = podKey(pod)
    const st = this.pods.get(key)
    if (st === undefined || !st.assumed) return
    this.unplace(key, st)
  }

  /** An assigned pod from the informer (confirms an assumption, or a pod bound by someone else). */
  addPod (pod: Pod): void {
    const node = pod.spec?.nodeName
    if (node === undefined || node === '') return
    if (isTerminal(pod)) { this.removePod(pod); return }
    this.place(pod, node, false)
  }

  updatePod (pod: Pod): void { this.addPod(pod) }

  removePod (pod: Pod): void {
    const key = podKey(pod)
    const st = this.pods.get(key)
    if (st !== undefined) this.unplace(key, st)
  }

  private place (pod: Pod, node: string, assumed: boolean, info0?: PodInfo): void {
    const key = podKey(pod)
    const prev = this.pods.get(key)
    if (prev !== undefined) this.infos.get(prev.node)?.removePod(prev.pod)
    let info = this.infos.get(node)
    if (info === undefined) {
      info = new NodeInfo({ metadata: { name: node } })
      this.infos.set(node, info)
    }
    info.addPod(info0 ?? podInfoOf(pod))
    if (hasRequiredAntiAffinity(pod) || (prev !== undefined && hasRequiredAntiAffinity(prev.pod))) this.antiAffinityList = undefined
    this.pods.set(key, { pod, node, assumed })
  }

  private unplace (key: string, st: PodState): void {
    this.pods.delete(key)
    const info = this.infos.get(st.node)
    info?.removePod(st.pod)
    if (hasRequiredAntiAffinity(st.pod)) this.antiAffinityList = undefined
    if (info !== undefined && info.pods.size === 0 && !this.realNodes.has(st.node)) this.infos.delete(st.node)
  }
}

/** Succeeded and Failed pods free their resources (upstream skips terminal pods in the cache). */
export function isTerminal (pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

function hasRequiredAntiAffinity (pod: Pod): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0
}
