import { isValidCidr, isValidIp, loggingFlagsFrom } from '@kube-ts/component-base'
import type { LoggingFlags } from '@kube-ts/component-base'

export interface HostPort { host: string, port: number }

/** Typed kube-proxy options (upstream cmd/kube-proxy/app/options + KubeProxyConfiguration flags). */
export interface KubeProxyOptions extends LoggingFlags {
  config?: string
  kubeconfig?: string
  master?: string
  proxyMode: string
  clusterCidr: string
  hostnameOverride?: string
  nodeportAddresses: string[]
  bindAddress: string
  healthzBindAddress: HostPort
  metricsBindAddress: HostPort
  iptablesSyncPeriodMs: number
  iptablesMinSyncPeriodMs: number
  masqueradeAll: boolean
  iptablesMasqueradeBit: number
  kubeApiQps: number
  kubeApiBurst: number
}

export function optionsFromFlags (raw: Record<string, unknown>): KubeProxyOptions {
  return {
    ...loggingFlagsFrom(raw),
    config: raw.config as string | undefined,
    kubeconfig: raw.kubeconfig as string | undefined,
    master: raw.master as string | undefined,
    proxyMode: raw.proxyMode as string,
    clusterCidr: (raw.clusterCidr as string | undefined) ?? '',
    hostnameOverride: raw.hostnameOverride as string | undefined,
    nodeportAddresses: (raw.nodeportAddresses as string[] | undefined) ?? [],
    bindAddress: raw.bindAddress as string,
    healthzBindAddress: raw.healthzBindAddress as HostPort,
    metricsBindAddress: raw.metricsBindAddress as HostPort,
    iptablesSyncPeriodMs: raw.iptablesSyncPeriod as number,
    iptablesMinSyncPeriodMs: raw.iptablesMinSyncPeriod as number,
    masqueradeAll: raw.masqueradeAll === true,
    iptablesMasqueradeBit: raw.iptablesMasqueradeBit as number,
    kubeApiQps: raw.kubeApiQps as number,
    kubeApiBurst: raw.kubeApiBurst as number
  }
}

export function validateOptions (o: KubeProxyOptions): string[] {
  const problems: string[] = []
  // Upstream also has ipvs and nftables; kube-ts programs iptables only.
  if (o.proxyMode !== 'iptables') problems.push(`--proxy-mode "${o.proxyMode}" is not supported by kube-ts; use "iptables"`)
  for (const cidr of o.clusterCidr === '' ? [] : o.clusterCidr.split(',')) if (!isValidCidr(cidr)) problems.push(`--cluster-cidr "${cidr}" is not a valid CIDR`)
  for (const a of o.nodeportAddresses) if (a !== 'primary' && !isValidCidr(a)) problems.push(`--nodeport-addresses "${a}" must be a CIDR or "primary"`)
  if (!isValidIp(o.bindAddress)) problems.push(`--bind-address "${o.bindAddress}" is not an IP address`)
  if (o.iptablesSyncPeriodMs <= 0) problems.push('--iptables-sync-period must be greater than zero')
  if (o.iptablesMinSyncPeriodMs > o.iptablesSyncPeriodMs) problems.push('--iptables-min-sync-period must not be greater than --iptables-sync-period')
  if (o.iptablesMasqueradeBit < 0 || o.iptablesMasqueradeBit > 31) problems.push('--iptables-masquerade-bit must be within 0-31')
  if (o.kubeApiQps <= 0) problems.push('--kube-api-qps must be greater than zero')
  if (o.kubeApiBurst < 1) problems.push('--kube-api-burst must be at least 1')
  return problems
}
