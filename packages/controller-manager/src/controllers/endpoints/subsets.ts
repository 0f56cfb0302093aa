import type { EndpointAddress, EndpointPort, EndpointSubset, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { endpointConditions, endpointPorts, serviceSelects, shouldPodBeInEndpoints } from '../endpointslice/pod-endpoints.js'

/**
 * The `subsets` of a Service's Endpoints (upstream endpoints controller + RepackSubsets): one subset per distinct
 * port set, ready addresses in `addresses`, the rest in `notReadyAddresses`; terminating pods are left out unless
 * publishNotReadyAddresses. Addresses sorted by IP, ports by name, so equal inputs give equal output.
 */
export function desiredSubsets (svc: DeepReadonly<Service>, pods: ReadonlyArray<DeepReadonly<Pod>>): EndpointSubset[] {
  const publish = svc.spec?.publishNotReadyAddresses === true
  const bySet = new Map<string, { ports: EndpointPort[], ready: EndpointAddress[], notReady: EndpointAddress[] }>()
  for (const pod of pods) {
    if (!serviceSelects(svc, pod) || !shouldPodBeInEndpoints(pod, publish)) continue
    const ports = endpointPorts(svc, pod).map((p) => {
      // Endpoints ports omit an empty name (upstream's string field is omitempty; EndpointSlice ports keep "")
      const ep: EndpointPort = { ...(p.name != null && p.name !== '' ? { name: p.name } : {}), port: p.port ?? 0, protocol: p.protocol ?? 'TCP' }
      if (p.appProtocol != null) ep.appProtocol = p.appProtocol
      return ep
    }).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
    // a service with ports but a pod offering none of them contributes no address
    if (ports.length === 0 && (svc.spec?.ports ?? []).length > 0) continue
    const key = JSON.stringify(ports)
    let set = bySet.get(key)
    if (set === undefined) bySet.set(key, set = { ports, ready: [], notReady: [] })
    const addr: EndpointAddress = {
      ip: pod.status?.podIP ?? '',
      targetRef: { kind: 'Pod', namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', uid: pod.metadata?.uid ?? '' }
    }
    if (pod.spec?.nodeName != null && pod.spec.nodeName !== '') addr.nodeName = pod.spec.nodeName
    const hostname = pod.spec?.hostname
    if (hostname != null && hostname !== '' && pod.spec?.subdomain === svc.metadata?.name) addr.hostname = hostname
    if (endpointConditions(svc, pod).ready) set.ready.push(addr)
    else set.notReady.push(addr)
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress): number => a.ip.localeCompare(b.ip)
  const out: EndpointSubset[] = []
  for (const s of bySet.values()) {
    const subset: EndpointSubset = {}
    if (s.ready.length > 0) subset.addresses = s.ready.sort(byIp)
    if (s.notReady.length > 0) subset.notReadyAddresses = s.notReady.sort(byIp)
    if (s.ports.length > 0) subset.ports = s.ports
    out.push(subset)
  }
  return out.sort((a, b) => JSON.stringify(a.ports ?? []).localeCompare(JSON.stringify(b.ports ?? [])))
}
