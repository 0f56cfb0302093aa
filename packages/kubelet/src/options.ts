import { isValidCidr, isValidIp, loggingFlagsFrom } from '@kube-ts/component-base'
import type { LoggingFlags } from '@kube-ts/component-base'

/** Typed kubelet options (upstream cmd/kubelet/app/options plus the KubeletConfiguration fields exposed as flags). */
export interface KubeletOptions extends LoggingFlags {
  config?: string
  kubeconfig?: string
  hostnameOverride?: string
  nodeIp?: string
  podCidr?: string
  clusterDns: string[]
  clusterDomain: string
  containerRuntimeEndpoint: string
  maxPods: number
  registerNode: boolean
  nodeLabels: Record<string, string>
  rootDir: string
  address: string
  port: number
  healthzBindAddress: string
  healthzPort: number
  nodeStatusUpdateFrequencyMs: number
  syncFrequencyMs: number
  kubeApiQps: number
  kubeApiBurst: number
}

export function optionsFromFlags (raw: Record<string, unknown>): KubeletOptions {
  return {
    ...loggingFlagsFrom(raw),
    config: raw.config as string | undefined,
    kubeconfig: raw.kubeconfig as string | undefined,
    hostnameOverride: raw.hostnameOverride as string | undefined,
    nodeIp: raw.nodeIp as string | undefined,
    podCidr: raw.podCidr as string | undefined,
    clusterDns: (raw.clusterDns as string[] | undefined) ?? [],
    clusterDomain: (raw.clusterDomain as string | undefined) ?? '',
    containerRuntimeEndpoint: raw.containerRuntimeEndpoint as string,
    maxPods: raw.maxPods as number,
    registerNode: raw.registerNode === true,
    nodeLabels: (raw.nodeLabels as Record<string, string> | undefined) ?? {},
    rootDir: raw.rootDir as string,
    address: raw.address as string,
    port: raw.port as number,
    healthzBindAddress: raw.healthzBindAddress as string,
    healthzPort: raw.healthzPort as number,
    nodeStatusUpdateFrequencyMs: raw.nodeStatusUpdateFrequency as number,
    syncFrequencyMs: raw.syncFrequency as number,
    kubeApiQps: raw.kubeApiQps as number,
    kubeApiBurst: raw.kubeApiBurst as number
  }
}

/** `--node-labels=a=b,c=d` → `{ a: 'b', c: 'd' }`. */
export function parseLabels (value: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of value.split(',').map(s => s.trim()).filter(s => s !== '')) {
    const i = pair.indexOf('=')
    if (i <= 0) throw new Error(`invalid label "${pair}": expected key=value`)
    out[pair.slice(0, i)] = pair.slice(i + 1)
  }
  return out
}

export function validateOptions (o: KubeletOptions): string[] {
  const problems: string[] = []
  if (o.nodeIp !== undefined && !o.nodeIp.split(',').every(isValidIp)) problems.push(`--node-ip "${o.nodeIp}" must be an IP address (or a comma-separated dual-stack pair)`)
  if (o.podCidr !== undefined && o.podCidr !== '' && !isValidCidr(o.podCidr)) problems.push(`--pod-cidr "${o.podCidr}" is not a valid CIDR`)
  for (const ip of o.clusterDns) if (!isValidIp(ip)) problems.push(`--cluster-dns "${ip}" is not an IP address`)
  if (o.maxPods < 1) problems.push('--max-pods must be at least 1')
  if (!/^(unix|tcp|npipe):\/\//.test(o.containerRuntimeEndpoint)) problems.push(`--container-runtime-endpoint "${o.containerRuntimeEndpoint}" must be a unix:// or tcp:// URL`)
  if (o.registerNode && o.kubeconfig === undefined) problems.push('--kubeconfig is required when --register-node is true')
  if (o.nodeStatusUpdateFrequencyMs <= 0) problems.push('--node-status-update-frequency must be greater than zero')
  if (o.syncFrequencyMs <= 0) problems.push('--sync-frequency must be greater than zero')
  if (o.kubeApiQps <= 0) problems.push('--kube-api-qps must be greater than zero')
  if (o.kubeApiBurst < 1) problems.push('--kube-api-burst must be at least 1')
  return problems
}
