import type { KubeObject } from '../meta/object.js'
import { asArr, asObj, asStr, listWithMore } from './format.js'

/** Ingress HOSTS (`formatHosts`): up to three hosts, `*` when no rule names a host. */
export function ingressHostsCell (ing: KubeObject): string {
  const rules = asArr(asObj(ing.spec).rules).map(asObj)
  const hosts: string[] = []
  const max = 3
  let more = false
  for (const r of rules) {
    if (hosts.length === max) more = true
    const host = asStr(r.host)
    if (!more && host !== '') hosts.push(host)
  }
  if (hosts.length === 0) return '*'
  let ret = hosts.join(',')
  if (more) ret += ` + ${rules.length - max} more...`
  return ret
}

export function ingressPortsCell (ing: KubeObject): string {
  return asArr(asObj(ing.spec).tls).length > 0 ? '80, 443' : '80'
}

/** IngressClass PARAMETERS: `Kind[.apiGroup]/name`, or `<none>`. */
export function ingressClassParametersCell (ic: KubeObject): string {
  const p = asObj(ic.spec).parameters
  if (p === undefined || p === null) return '<none>'
  const params = asObj(p)
  const group = asStr(params.apiGroup)
  return `${asStr(params.kind)}${group === '' ? '' : `.${group}`}/${asStr(params.name)}`
}

/** EndpointSlice PORTS and ENDPOINTS (`formatDiscoveryPorts`, `formatDiscoveryEndpoints`). */
export function endpointSliceCells (eps: KubeObject): { ports: string, endpoints: string } {
  const max = 3
  const ports = asArr(eps.ports).map(asObj)
  const portList = ports.slice(0, max).map((p) => typeof p.port === 'number' ? String(p.port) : asStr(p.name) !== '' ? asStr(p.name) : '*')
  const addresses = asArr(eps.endpoints).flatMap((e) => asArr(asObj(e).addresses).map(asStr))
  return {
    ports: listWithMore(portList, ports.length > max, ports.length, max),
    endpoints: listWithMore(addresses.slice(0, max), addresses.length > max, addresses.length, max)
  }
}
