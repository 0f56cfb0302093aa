import { isValidCidr, leaderElectionFrom, loggingFlagsFrom, validateLeaderElection } from '@kube-ts/component-base'
import type { LeaderElectionFlags, LoggingFlags } from '@kube-ts/component-base'

/** Controllers this manager runs (upstream names); `*` enables all of them. */
export const knownControllers = ['cloud-node', 'cloud-node-lifecycle', 'service', 'route'] as const

/** Typed cloud-controller-manager options (upstream cloud-provider/options). */
export interface CloudControllerManagerOptions extends LoggingFlags {
  kubeconfig?: string
  master?: string
  cloudProvider: string
  cloudConfig?: string
  controllers: string[]
  bindAddress: string
  securePort: number
  kubeApiQps: number
  kubeApiBurst: number
  leaderElection: LeaderElectionFlags
  allocateNodeCidrs: boolean
  clusterCidr: string
  configureCloudRoutes: boolean
  clusterName: string
  concurrentServiceSyncs: number
  nodeMonitorPeriodMs: number
  nodeStatusUpdateFrequencyMs: number
}

export function optionsFromFlags (raw: Record<string, unknown>): CloudControllerManagerOptions {
  return {
    ...loggingFlagsFrom(raw),
    kubeconfig: raw.kubeconfig as string | undefined,
    master: raw.master as string | undefined,
    cloudProvider: (raw.cloudProvider as string | undefined) ?? '',
    cloudConfig: raw.cloudConfig as string | undefined,
    controllers: raw.controllers as string[],
    bindAddress: raw.bindAddress as string,
    securePort: raw.securePort as number,
    kubeApiQps: raw.kubeApiQps as number,
    kubeApiBurst: raw.kubeApiBurst as number,
    leaderElection: leaderElectionFrom(raw),
    allocateNodeCidrs: raw.allocateNodeCidrs === true,
    clusterCidr: (raw.clusterCidr as string | undefined) ?? '',
    configureCloudRoutes: raw.configureCloudRoutes === true,
    clusterName: raw.clusterName as string,
    concurrentServiceSyncs: raw.concurrentServiceSyncs as number,
    nodeMonitorPeriodMs: raw.nodeMonitorPeriod as number,
    nodeStatusUpdateFrequencyMs: raw.nodeStatusUpdateFrequency as number
  }
}

export function validateOptions (o: CloudControllerManagerOptions): string[] {
  const problems = validateLeaderElection(o.leaderElection)
  if (o.cloudProvider === '') problems.push('--cloud-provider cannot be empty')
  for (const c of o.controllers) {
    const name = c.startsWith('-') ? c.slice(1) : c
    if (c !== '*' && !(knownControllers as readonly string[]).includes(name)) problems.push(`"${c}" is not in the list of known controllers`)
  }
  if (o.allocateNodeCidrs && o.clusterCidr === '') problems.push('--cluster-cidr must be set when --allocate-node-cidrs is true')
  if (o.clusterCidr !== '' && !isValidCidr(o.clusterCidr)) problems.push(`--cluster-cidr "${o.clusterCidr}" is not a valid CIDR`)
  if (o.configureCloudRoutes && o.allocateNodeCidrs && o.clusterCidr === '') problems.push('--configure-cloud-routes needs --cluster-cidr')
  if (!Number.isInteger(o.concurrentServiceSyncs) || o.concurrentServiceSyncs < 1) problems.push('--concurrent-service-syncs must be a positive integer')
  if (o.kubeApiQps <= 0) problems.push('--kube-api-qps must be greater than zero')
  if (o.kubeApiBurst < 1) problems.push('--kube-api-burst must be at least 1')
  return problems
}
