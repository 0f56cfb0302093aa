import { isValidIp, loggingFlagsFrom } from '@kube-ts/component-base'
import type { LoggingFlags } from '@kube-ts/component-base'

/** Typed coredns-lite options: CoreDNS's kubernetes + forward + health plugins, as flags. */
export interface CorednsLiteOptions extends LoggingFlags {
  kubeconfig?: string
  master?: string
  dnsBindAddress: string
  dnsPort: number
  clusterDomain: string
  /** `ip` or `ip:port`; empty means the nameservers in /etc/resolv.conf. */
  upstream: string[]
  ttlSeconds: number
  healthBindAddress: string
  healthPort: number
  kubeApiQps: number
  kubeApiBurst: number
}

export function optionsFromFlags (raw: Record<string, unknown>): CorednsLiteOptions {
  return {
    ...loggingFlagsFrom(raw),
    kubeconfig: raw.kubeconfig as string | undefined,
    master: raw.master as string | undefined,
    dnsBindAddress: raw.dnsBindAddress as string,
    dnsPort: raw.dnsPort as number,
    clusterDomain: raw.clusterDomain as string,
    upstream: (raw.upstream as string[] | undefined) ?? [],
    ttlSeconds: raw.ttl as number,
    healthBindAddress: raw.healthBindAddress as string,
    healthPort: raw.healthPort as number,
    kubeApiQps: raw.kubeApiQps as number,
    kubeApiBurst: raw.kubeApiBurst as number
  }
}

const domainLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** `10.0.0.1`, `10.0.0.1:53`, `[fd00::1]:53` or a bare IPv6 address. */
export function isUpstreamAddress (value: string): boolean {
  if (isValidIp(value)) return true
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value)
  if (m === null) return false
  return isValidIp(m[1] ?? m[2] ?? '') && Number(m[3]) >= 1 && Number(m[3]) <= 65535
}

export function validateOptions (o: CorednsLiteOptions): string[] {
  const problems: string[] = []
  if (!isValidIp(o.dnsBindAddress)) problems.push(`--dns-bind-address "${o.dnsBindAddress}" is not an IP address`)
  const domain = o.clusterDomain.replace(/\.$/, '')
  if (domain === '' || !domain.split('.').every(l => domainLabel.test(l))) problems.push(`--cluster-domain "${o.clusterDomain}" is not a valid DNS domain`)
  for (const u of o.upstream) if (!isUpstreamAddress(u)) problems.push(`--upstream "${u}" must be an IP address with an optional port`)
  if (o.ttlSeconds < 0 || o.ttlSeconds > 3600) problems.push('--ttl must be within 0-3600 seconds')
  if (o.kubeApiQps <= 0) problems.push('--kube-api-qps must be greater than zero')
  if (o.kubeApiBurst < 1) problems.push('--kube-api-burst must be at least 1')
  return problems
}
