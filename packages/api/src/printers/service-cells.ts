import type { KubeObject } from '../meta/object.js'
import { asArr, asInt, asObj, asStr, byteOrder } from './format.js'

function loadBalancerIngress (status: unknown): string[] {
  const ingress = asArr(asObj(asObj(status).loadBalancer).ingress).map(asObj)
  const set = new Set(ingress.map((i) => asStr(i.ip) !== '' ? asStr(i.ip) : asStr(i.hostname)).filter((s) => s !== ''))
  return [...set].sort(byteOrder)
}

/** Service CLUSTER-IP: the first cluster IP (`None` for headless), `<none>` without one. */
export function serviceClusterIpCell (svc: KubeObject): string {
  const spec = asObj(svc.spec)
  const first = asStr(asArr(spec.clusterIPs)[0])
  if (first !== '') return first
  const ip = asStr(spec.clusterIP)
  return ip === '' ? '<none>' : ip
}

/** Service EXTERNAL-IP per type (table-printers.md §4.3). */
export function serviceExternalIpCell (svc: KubeObject): string {
  const spec = asObj(svc.spec)
  const externalIPs = asArr(spec.externalIPs).map(asStr)
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc.status)
      if (externalIPs.length > 0) return [...lb, ...externalIPs].join(',')
      return lb.length > 0 ? lb.join(',') : '<pending>'
    }
    case 'ExternalName':
      return asStr(spec.externalName)
    default:
      return '<unknown>'
  }
}

/** Service PORT(S): `port[:nodePort]/protocol` joined by `,`. */
export function servicePortsCell (svc: KubeObject): string {
  const ports = asArr(asObj(svc.spec).ports).map(asObj)
  if (ports.length === 0) return '<none>'
  return ports.map((p) => {
    const protocol = asStr(p.protocol)
    const nodePort = asInt(p.nodePort)
    return nodePort > 0 ? `${asInt(p.port)}:${nodePort}/${protocol}` : `${asInt(p.port)}/${protocol}`
  }).join(',')
}

/** Ingress ADDRESS: load-balancer IPs or hostnames, deduped and sorted; `""` when none. */
export function ingressAddressCell (ing: KubeObject): string {
  return loadBalancerIngress(ing.status).join(',')
}

function joinHostPort (ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}

/** Endpoints ENDPOINTS (`formatEndpoints`, table-printers.md §4.8). */
export function endpointsCell (ep: KubeObject): string {
  const subsets = asArr(ep.subsets).map(asObj)
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = asArr(ss.addresses).map(asObj)
    const ports = asArr(ss.ports).map(asObj)
    if (ports.length === 0) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) { more = true; break }
        list.push(asStr(a.ip))
      }
      continue
    }
    for (const p of ports) {
      count += addresses.length
      for (const a of addresses) {
        if (list.length === max) { more = true; break }
        list.push(joinHostPort(asStr(a.ip), asInt(p.port)))
      }
    }
  }
  let ret = list.join(',')
  if (more) ret += ` + ${count - max} more...`
  return ret
}
