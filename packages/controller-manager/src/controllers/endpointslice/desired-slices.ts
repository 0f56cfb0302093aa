import type { Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { addressTypeOf, endpointConditions, endpointPorts, serviceSelects, shouldPodBeInEndpoints } from './pod-endpoints.js'

/** Upstream's maxEndpointsPerSlice default (--max-endpoints-per-slice). */
export const maxEndpointsPerSlice = 100
export const zoneLabel = 'topology.kubernetes.io/zone'

/** One group of endpoints sharing an address family and port set; split into slices of at most the max. */
export interface EndpointGroup {
  addressType: 'IPv4' | 'IPv6'
  ports: EndpointPort[]
  endpoints: Endpoint[]
}

/** A stable key for a group: slices are matched to groups by it. */
export function groupKey (addressType: string, ports: readonly DeepReadonly<EndpointPort>[] | undefined): string {
  const p = [...(ports ?? [])].map((x) => `${x.name ?? ''}/${x.protocol ?? 'TCP'}/${x.port ?? 0}/${x.appProtocol ?? ''}`).sort()
  return `${addressType}|${p.join(',')}`
}

/**
 * The endpoints a Service should have, grouped by (address family, ports) as upstream's reconciler does. Pods
 * come from the service's namespace; nodes give the zone. Endpoints are sorted by pod name so reruns compare equal.
 */
export function desiredGroups (
  svc: DeepReadonly<Service>,
  pods: ReadonlyArray<DeepReadonly<Pod>>,
  nodeByName: (name: string) => DeepReadonly<Node> | undefined
): Map<string, EndpointGroup> {
  const groups = new Map<string, EndpointGroup>()
  const sorted = [...pods].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
  for (const pod of sorted) {
    if (!serviceSelects(svc, pod) || !shouldPodBeInEndpoints(pod, true)) continue
    const ips = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip): ip is string => typeof ip === 'string' && ip !== '')
    if (ips.length === 0 && pod.status?.podIP !== undefined) ips.push(pod.status.podIP)
    const ports = endpointPorts(svc, pod)
    for (const ip of ips) {
      const addressType = addressTypeOf(ip)
      const families = svc.spec?.ipFamilies
      if (families !== undefined && families.length > 0 && !families.includes(addressType)) continue
      const key = groupKey(addressType, ports)
      let g = groups.get(key)
      if (g === undefined) groups.set(key, g = { addressType, ports, endpoints: [] })
      g.endpoints.push(endpointFor(svc, pod, ip, nodeByName))
    }
  }
  return groups
}

function endpointFor (svc: DeepReadonly<Service>, pod: DeepReadonly<Pod>, ip: string, nodeByName: (name: string) => DeepReadonly<Node> | undefined): Endpoint {
  const ep: Endpoint = {
    addresses: [ip],
    conditions: endpointConditions(svc, pod),
    targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' }
  }
  const nodeName = pod.spec?.nodeName
  if (nodeName !== undefined && nodeName !== '') {
    ep.nodeName = nodeName
    const zone = nodeByName(nodeName)?.metadata?.labels?.[zoneLabel]
    if (zone !== undefined) ep.zone = zone
  }
  // a pod with hostname+subdomain matching the service gets a DNS name (headless StatefulSet pods)
  const hostname = pod.spec?.hostname
  if (hostname !== undefined && hostname !== '' && pod.spec?.subdomain === svc.metadata?.name) ep.hostname = hostname
  return ep
}

/** Splits a group's endpoints into chunks of at most `max`. An empty group still yields one empty chunk. */
export function chunk<T> (items: readonly T[], max: number): T[][] {
  if (items.length === 0) return [[]]
  const out: T[][] = []
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max))
  return out
}
