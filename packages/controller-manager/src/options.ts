import { InvalidOptionsError } from '@kube-ts/component-base'
import type { LoggingFlags } from '@kube-ts/component-base'

/** Typed kube-controller-manager configuration; defaults as upstream's KubeControllerManagerConfiguration. */
export interface Options extends LoggingFlags {
  kubeconfig?: string
  master?: string
  /** `--controllers`: `*`, `name`, `-name` (aliases are rewritten to names by validation). */
  controllers: string[]
  leaderElect: boolean
  leaderElectLeaseDurationMs: number
  leaderElectRenewDeadlineMs: number
  leaderElectRetryPeriodMs: number
  leaderElectResourceName: string
  leaderElectResourceNamespace: string
  leaderElectReleaseOnCancel: boolean
  bindAddress: string
  securePort: number
  kubeApiQps: number
  kubeApiBurst: number
  minResyncPeriodMs: number
  clusterName: string
  concurrentReplicaSetSyncs: number
  concurrentRcSyncs: number
  concurrentDeploymentSyncs: number
  concurrentJobSyncs: number
  concurrentCronJobSyncs: number
  concurrentDaemonSetSyncs: number
  concurrentStatefulSetSyncs: number
  concurrentEndpointSyncs: number
  concurrentServiceEndpointSyncs: number
  concurrentNamespaceSyncs: number
  concurrentGcSyncs: number
  concurrentServiceAccountTokenSyncs: number
  concurrentResourceQuotaSyncs: number
  concurrentTtlAfterFinishedSyncs: number
  enableGarbageCollector: boolean
  allocateNodeCidrs: boolean
  clusterCidr: string
  serviceClusterIpRange: string
  nodeCidrMaskSize: number
  nodeMonitorPeriodMs: number
  nodeMonitorGracePeriodMs: number
  nodeStartupGracePeriodMs: number
  nodeEvictionRate: number
  secondaryNodeEvictionRate: number
  largeClusterSizeThreshold: number
  unhealthyZoneThreshold: number
  terminatedPodGcThreshold: number
  rootCaFile?: string
  serviceAccountPrivateKeyFile?: string
  useServiceAccountCredentials: boolean
  /** How long workers may finish their current key after shutdown starts (kube-ts addition). */
  shutdownGracePeriodMs: number
}

export const defaultOptions: Options = {
  logFormat: 'json',
  v: 0,
  controllers: ['*'],
  leaderElect: true,
  leaderElectLeaseDurationMs: 15_000,
  leaderElectRenewDeadlineMs: 10_000,
  leaderElectRetryPeriodMs: 2_000,
  leaderElectResourceName: 'kube-controller-manager',
  leaderElectResourceNamespace: 'kube-system',
  leaderElectReleaseOnCancel: false,
  bindAddress: '0.0.0.0',
  securePort: 10257,
  kubeApiQps: 20,
  kubeApiBurst: 30,
  minResyncPeriodMs: 12 * 3600_000,
  clusterName: 'kubernetes',
  concurrentReplicaSetSyncs: 5,
  concurrentRcSyncs: 5,
  concurrentDeploymentSyncs: 5,
  concurrentJobSyncs: 5,
  concurrentCronJobSyncs: 5,
  concurrentDaemonSetSyncs: 2,
  concurrentStatefulSetSyncs: 5,
  concurrentEndpointSyncs: 5,
  concurrentServiceEndpointSyncs: 5,
  concurrentNamespaceSyncs: 10,
  concurrentGcSyncs: 20,
  concurrentServiceAccountTokenSyncs: 5,
  concurrentResourceQuotaSyncs: 5,
  concurrentTtlAfterFinishedSyncs: 5,
  enableGarbageCollector: true,
  allocateNodeCidrs: false,
  clusterCidr: '',
  serviceClusterIpRange: '',
  nodeCidrMaskSize: 24,
  nodeMonitorPeriodMs: 5_000,
  nodeMonitorGracePeriodMs: 40_000,
  nodeStartupGracePeriodMs: 60_000,
  nodeEvictionRate: 0.1,
  secondaryNodeEvictionRate: 0.01,
  largeClusterSizeThreshold: 50,
  unhealthyZoneThreshold: 0.55,
  terminatedPodGcThreshold: 12500,
  useServiceAccountCredentials: false,
  shutdownGracePeriodMs: 10_000
}

const concurrencyKeys = Object.keys(defaultOptions).filter(k => k.startsWith('concurrent')) as Array<keyof Options>

/**
 * Every problem with the options at once (kwok's validate), as upstream's messages where it has them; `known`
 * canonicalises `--controllers` (aliases to names) and reports unknown ones.
 */
export function validateOptions (o: Options, known?: (controllers: string[]) => { controllers: string[], errors: string[] }): string[] {
  const errs: string[] = []
  if (o.leaderElect) {
    if (o.leaderElectLeaseDurationMs <= o.leaderElectRenewDeadlineMs) errs.push('leaseDuration must be greater than renewDeadline')
    if (o.leaderElectRenewDeadlineMs <= o.leaderElectRetryPeriodMs * 1.2) errs.push('renewDeadline must be greater than retryPeriod*JitterFactor')
    if (o.leaderElectResourceName === '') errs.push('--leader-elect-resource-name must not be empty')
    if (o.leaderElectResourceNamespace === '') errs.push('--leader-elect-resource-namespace must not be empty')
  }
  for (const k of concurrencyKeys) {
    const v = o[k] as number
    if (!Number.isInteger(v) || v < 1) errs.push(`--${k.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)} must be a positive integer, got ${String(v)}`)
  }
  if (o.allocateNodeCidrs && o.clusterCidr === '') errs.push('--cluster-cidr must be set when --allocate-node-cidrs is true')
  if (o.nodeCidrMaskSize < 8 || o.nodeCidrMaskSize > 30) errs.push(`--node-cidr-mask-size must be between 8 and 30, got ${o.nodeCidrMaskSize}`)
  if (o.kubeApiQps <= 0) errs.push('--kube-api-qps must be positive')
  if (o.kubeApiBurst < 1) errs.push('--kube-api-burst must be at least 1')
  if (known !== undefined) {
    const r = known(o.controllers)
    errs.push(...r.errors)
    o.controllers = r.controllers
  }
  return errs
}

/** Throws InvalidOptionsError (exit code 2) listing every problem. */
export function assertValidOptions (o: Options, known?: (controllers: string[]) => { controllers: string[], errors: string[] }): Options {
  const errs = validateOptions(o, known)
  if (errs.length > 0) throw new InvalidOptionsError(errs)
  return o
}
