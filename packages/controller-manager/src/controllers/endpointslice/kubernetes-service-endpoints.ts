import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { Endpoints, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import { isAlreadyExists, isNotFound } from '@kube-ts/api'
import { resources } from '@kube-ts/client'
import type { KubeClient, ResourceApi } from '../../controller-utils/kube-client.js'
import { serviceNameLabel } from './endpointslice-controller.js'

/** Where the apiserver listens, as clients reach it. */
export interface ApiserverAddress { ip: string, port: number }

/** The apiserver address from the kubeconfig server URL; a host name is resolved to its first IPv4/IPv6 address. */
export async function apiserverAddressFromUrl (server: string): Promise<ApiserverAddress> {
  const u = new URL(server)
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const port = u.port !== '' ? Number(u.port) : u.protocol === 'https:' ? 443 : 80
  const ip = isIP(host) !== 0 ? host : (await lookup(host)).address
  return { ip, port }
}

/**
 * Writes the `kubernetes` Endpoints and EndpointSlice in `default` (upstream's apiserver endpoint reconciler;
 * here the controller-manager does it from the address it reaches the apiserver at). Writes only when the
 * objects differ from the wanted ones; does nothing while the `kubernetes` Service does not exist.
 */
export async function reconcileKubernetesEndpoints (client: KubeClient, addr: ApiserverAddress, signal?: AbortSignal): Promise<boolean> {
  try { await client.resource<Service>(resources.services).get('default', 'kubernetes', { signal }) } catch (err) { if (isNotFound(err)) return false; throw err }
  let changed = false
  const subsets = [{ addresses: [{ ip: addr.ip }], ports: [{ name: 'https', port: addr.port, protocol: 'TCP' }] }]
  const eps = client.resource<Endpoints>(resources.endpoints)
  const wantEp: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets }
  changed = await upsert(eps, wantEp, (cur) => JSON.stringify(cur.subsets ?? []) === JSON.stringify(subsets), signal) || changed
  const slices = client.resource<EndpointSlice>(resources.endpointSlices)
  const endpoints = [{ addresses: [addr.ip], conditions: { ready: true } }]
  const ports = [{ name: 'https', port: addr.port, protocol: 'TCP' }]
  const wantSlice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { [serviceNameLabel]: 'kubernetes' } },
    addressType: isIP(addr.ip) === 6 ? 'IPv6' : 'IPv4', endpoints, ports
  }
  changed = await upsert(slices, wantSlice, (cur) => JSON.stringify(cur.endpoints) === JSON.stringify(endpoints) && JSON.stringify(cur.ports) === JSON.stringify(ports), signal) || changed
  return changed
}

async function upsert<T extends { metadata?: { name?: string, resourceVersion?: string } }> (
  api: ResourceApi<T>,
  want: T, same: (cur: T) => boolean, signal?: AbortSignal
): Promise<boolean> {
  let cur: T | undefined
  try { cur = await api.get('default', want.metadata?.name ?? '', { signal }) } catch (err) { if (!isNotFound(err)) throw err }
  if (cur === undefined) {
    try { await api.create('default', want, { signal }) } catch (err) { if (!isAlreadyExists(err)) throw err }
    return true
  }
  if (same(cur)) return false
  await api.update('default', { ...cur, ...want, metadata: { ...cur.metadata, ...want.metadata, resourceVersion: cur.metadata?.resourceVersion } }, { signal })
  return true
}
