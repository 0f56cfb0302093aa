import type { Node, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1.js'
import { NodeInfo, podInfoOf } from '../framework/node-info.js'

// Fixture builders for unit tests: small, named, and explicit about what matters in each case.

export interface NodeOpts { cpu?: string, memory?: string, pods?: string, labels?: Record<string, string>, taints?: Taint[], unschedulable?: boolean, images?: Array<{ names: string[], sizeBytes: number }> }

export function makeNode (name: string, o: NodeOpts = {}): Node {
  const alloc = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' }
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: alloc, capacity: alloc, images: o.images }
  }
}

export function makePod (name: string, spec: Partial<PodSpec> = {}, labels: Record<string, string> = {}, namespace = 'default'): Pod {
  return { metadata: { name, namespace, labels, uid: `uid-${name}` }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } }
}

export function withRequests (cpu?: string, memory?: string): Partial<PodSpec> {
  const requests: Record<string, string> = {}
  if (cpu !== undefined) requests.cpu = cpu
  if (memory !== undefined) requests.memory = memory
  return { containers: [{ name: 'c', image: 'busybox', resources: { requests } }] }
}

export function nodeInfo (node: Node, ...pods: Pod[]): NodeInfo {
  const info = new NodeInfo(node)
  for (const p of pods) info.addPod(podInfoOf({ ...p, spec: { ...(p.spec ?? { containers: [] }), nodeName: node.metadata?.name } }))
  return info
}
