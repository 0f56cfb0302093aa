import type { ContainerPort, Node, Pod } from 'kubernetes-types/core/v1.js'
import { addResources, emptyResources, podRequests, resourcesFromList } from './resources.js'
import type { Resources } from './resources.js'

/** A pod as the scheduler counts it on a node, with its requests computed once. */
export interface PodInfo {
  pod: Pod
  requests: Resources
  nonZeroRequests: Resources
}

export function podInfoOf (pod: Pod): PodInfo {
  return { pod, requests: podRequests(pod), nonZeroRequests: podRequests(pod, true) }
}

export function hostPortsOf (pod: Pod): ContainerPort[] {
  const out: ContainerPort[] = []
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(p)
  }
  return out
}

/** Everything the plugins need to know about one node: the Node, its pods and what they request (upstream NodeInfo). */
export class NodeInfo {
  readonly pods = new Map<string, PodInfo>()
  readonly requested = emptyResources()
  readonly nonZeroRequested = emptyResources()
  allocatable: Resources
  /** `ip/protocol/port` strings in use; `0.0.0.0` claims every IP. */
  readonly usedPorts = new Map<string, number>()
  podsWithAffinity = 0
  podsWithRequiredAntiAffinity = 0

  constructor (public node: Node) {
    this.allocatable = resourcesFromList(node.status?.allocatable as Record<string, unknown> | undefined)
  }

  get name (): string { return this.node.metadata?.name ?? '' }

  setNode (node: Node): void {
    this.node = node
    this.allocatable = resourcesFromList(node.status?.allocatable as Record<string, unknown> | undefined)
  }

  addPod (info: PodInfo): void {
    const key = podKey(info.pod)
    if (this.pods.has(key)) this.removePod(info.pod)
    this.pods.set(key, info)
    addResources(this.requested, info.requests)
    addResources(this.nonZeroRequested, info.nonZeroRequests)
    this.requested.pods++
    for (const p of hostPortsOf(info.pod)) {
      const k = portKey(p)
      this.usedPorts.set(k, (this.usedPorts.get(k) ?? 0) + 1)
    }
    const aff = info.pod.spec?.affinity
    if (aff?.podAffinity !== undefined || aff?.podAntiAffinity !== undefined) this.podsWithAffinity++
    if ((aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0) this.podsWithRequiredAntiAffinity++
  }

  removePod (pod: Pod): boolean {
    const key = podKey(pod)
    const info = this.pods.get(key)
    if (info === undefined) return false
    this.pods.delete(key)
    addResources(this.requested, info.requests, -1)
    addResources(this.nonZeroRequested, info.nonZeroRequests, -1)
    this.requested.pods--
    for (const p of hostPortsOf(info.pod)) {
      const k = portKey(p)
      const n = (this.usedPorts.get(k) ?? 1) - 1
      if (n <= 0) this.usedPorts.delete(k)
      else this.usedPorts.set(k, n)
    }
    const aff = info.pod.spec?.affinity
    if (aff?.podAffinity !== undefined || aff?.podAntiAffinity !== undefined) this.podsWithAffinity--
    if ((aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0) this.podsWithRequiredAntiAffinity--
    return true
  }

  /** A copy whose pod set can change without touching this one (preemption dry runs). */
  clone (): NodeInfo {
    const c = new NodeInfo(this.node)
    for (const info of this.pods.values()) c.addPod(info)
    return c
  }
}

export function podKey (pod: Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
}

export function portKey (p: ContainerPort): string {
  return `${p.hostIP ?? '0.0.0.0'}/${p.protocol ?? 'TCP'}/${p.hostPort ?? 0}`
}
