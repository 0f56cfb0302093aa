import type { Pod } from 'kubernetes-types/core/v1.js'
import type { Service, ServicePort } from 'kubernetes-types/core/v1.js'
import type { EndpointPort } from 'kubernetes-types/discovery/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isPodReady } from '../../controller-utils/pod-utils.js'

type RPod = DeepReadonly<Pod>
type RService = DeepReadonly<Service>

/** Upstream ShouldPodBeInEndpoints: pods with an IP that are not terminal; terminating ones only when asked. */
export function shouldPodBeInEndpoints (pod: RPod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return false
  if ((pod.status?.podIP ?? '') === '') return false
  if (!includeTerminating && pod.metadata?.deletionTimestamp != null) return false
  return true
}

/** True when every key of a Service's map selector equals the pod's label (an empty map selects nothing here). */
export function serviceSelects (svc: RService, pod: RPod): boolean {
  const sel = svc.spec?.selector
  if (sel == null || Object.keys(sel).length === 0) return false
  const labels = pod.metadata?.labels ?? {}
  return Object.entries(sel).every(([k, v]) => labels[k] === v)
}

/**
 * The pod's port for a service port (upstream podutil.FindPort): a number is used as is, a name is looked up in
 * the containers' ports with the same protocol; undefined when a named port does not exist on this pod.
 */
export function findPort (pod: RPod, sp: DeepReadonly<ServicePort>): number | undefined {
  const target = sp.targetPort ?? sp.port
  if (typeof target === 'number') return target
  if (/^[0-9]+$/.test(target)) return Number(target)
  const protocol = sp.protocol ?? 'TCP'
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
    }
  }
  return undefined
}

/** The endpoint ports a pod offers for a service, in service-port order (ports a pod lacks are left out). */
export function endpointPorts (svc: RService, pod: RPod): EndpointPort[] {
  const out: EndpointPort[] = []
  for (const sp of svc.spec?.ports ?? []) {
    const port = findPort(pod, sp)
    if (port === undefined) continue
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' }
    if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol
    out.push(ep)
  }
  return out
}

export interface EndpointConditionsView { ready: boolean, serving: boolean, terminating: boolean }

/**
 * Ready/serving/terminating as upstream's endpointslice controller: serving follows the pod Ready condition, ready
 * is serving and not terminating, or forced true by publishNotReadyAddresses.
 */
export function endpointConditions (svc: RService, pod: RPod): EndpointConditionsView {
  const terminating = pod.metadata?.deletionTimestamp != null
  const publish = svc.spec?.publishNotReadyAddresses === true
  const serving = isPodReady(pod)
  return { ready: publish || (serving && !terminating), serving, terminating }
}

/** `IPv6` for addresses with a colon, else `IPv4` (the address family a slice carries). */
export function addressTypeOf (ip: string): 'IPv4' | 'IPv6' {
  return ip.includes(':') ? 'IPv6' : 'IPv4'
}
