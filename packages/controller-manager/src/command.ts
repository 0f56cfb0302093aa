import { Command, InvalidArgumentError, Option } from 'commander'
import type { CommandContext } from '@kube-ts/component-base'
import { addBoolFlag, addLoggingFlags, loggingFlagsFrom, parseDuration, parseIntFlag, parseStringList } from '@kube-ts/component-base'
import { controllerDescriptors } from './app/controller-descriptors.js'
import { canonicalizeControllers } from './app/controller-selection.js'
import { run } from './app/server.js'
import { assertValidOptions, defaultOptions } from './options.js'
import type { Options } from './options.js'

const num = (v: string): number => { const n = Number(v); if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`"${v}" is not a number`); return n }

type Flag = [name: string, key: keyof Options, help: string, parse: (v: string) => unknown]

/** Flags with an upstream name, parsed value → Options key (env var: KUBE_TS_ + upper snake case). */
const flags: Flag[] = [
  ['kubeconfig', 'kubeconfig', 'Path to a kubeconfig file with authorization and master location information.', String],
  ['master', 'master', 'The address of the Kubernetes API server (overrides any value in kubeconfig).', String],
  ['controllers', 'controllers', 'A list of controllers to enable. \'*\' enables all on-by-default controllers, \'foo\' enables the controller named \'foo\', \'-foo\' disables the controller named \'foo\'.', parseStringList],
  ['leader-elect-lease-duration', 'leaderElectLeaseDurationMs', 'The duration that non-leader candidates will wait after observing a leadership renewal until attempting to acquire leadership.', parseDuration],
  ['leader-elect-renew-deadline', 'leaderElectRenewDeadlineMs', 'The interval between attempts by the acting master to renew a leadership slot before it stops leading.', parseDuration],
  ['leader-elect-retry-period', 'leaderElectRetryPeriodMs', 'The duration the clients should wait between attempting acquisition and renewal of a leadership.', parseDuration],
  ['leader-elect-resource-name', 'leaderElectResourceName', 'The name of the Lease object used for locking during leader election.', String],
  ['leader-elect-resource-namespace', 'leaderElectResourceNamespace', 'The namespace of the Lease object used for locking during leader election.', String],
  ['bind-address', 'bindAddress', 'The IP address on which to listen for /healthz, /readyz and /metrics.', String],
  ['secure-port', 'securePort', 'The port on which to serve /healthz, /readyz and /metrics (0 picks a free port).', parseIntFlag],
  ['kube-api-qps', 'kubeApiQps', 'QPS to use while talking with the kubernetes apiserver.', num],
  ['kube-api-burst', 'kubeApiBurst', 'Burst to use while talking with the kubernetes apiserver.', parseIntFlag],
  ['min-resync-period', 'minResyncPeriodMs', 'The resync period in reflectors will be random between MinResyncPeriod and 2*MinResyncPeriod.', parseDuration],
  ['cluster-name', 'clusterName', 'The instance prefix for the cluster.', String],
  ['concurrent-replicaset-syncs', 'concurrentReplicaSetSyncs', 'The number of replica sets that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-rc-syncs', 'concurrentRcSyncs', 'The number of replication controllers that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-deployment-syncs', 'concurrentDeploymentSyncs', 'The number of deployment objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-job-syncs', 'concurrentJobSyncs', 'The number of job objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-cron-job-syncs', 'concurrentCronJobSyncs', 'The number of cron job objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-daemonset-syncs', 'concurrentDaemonSetSyncs', 'The number of daemonset objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-statefulset-syncs', 'concurrentStatefulSetSyncs', 'The number of statefulset objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-endpoint-syncs', 'concurrentEndpointSyncs', 'The number of endpoint syncing operations that will be done concurrently.', parseIntFlag],
  ['concurrent-service-endpoint-syncs', 'concurrentServiceEndpointSyncs', 'The number of service endpoint syncing operations that will be done concurrently.', parseIntFlag],
  ['concurrent-namespace-syncs', 'concurrentNamespaceSyncs', 'The number of namespace objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-gc-syncs', 'concurrentGcSyncs', 'The number of garbage collector workers that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-serviceaccount-token-syncs', 'concurrentServiceAccountTokenSyncs', 'The number of service account token objects that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-resource-quota-syncs', 'concurrentResourceQuotaSyncs', 'The number of resource quotas that are allowed to sync concurrently.', parseIntFlag],
  ['concurrent-ttl-after-finished-syncs', 'concurrentTtlAfterFinishedSyncs', 'The number of ttl-after-finished-controller workers that are allowed to sync concurrently.', parseIntFlag],
  ['cluster-cidr', 'clusterCidr', 'CIDR Range for Pods in cluster. Requires --allocate-node-cidrs to be true.', String],
  ['service-cluster-ip-range', 'serviceClusterIpRange', 'CIDR Range for Services in cluster.', String],
  ['node-cidr-mask-size', 'nodeCidrMaskSize', 'Mask size for node cidr in cluster. Default is 24 for IPv4.', parseIntFlag],
  ['node-monitor-period', 'nodeMonitorPeriodMs', 'The period for syncing NodeStatus in cloud-node-lifecycle-controller.', parseDuration],
  ['node-monitor-grace-period', 'nodeMonitorGracePeriodMs', 'Amount of time which we allow running Node to be unresponsive before marking it unhealthy.', parseDuration],
  ['node-startup-grace-period', 'nodeStartupGracePeriodMs', 'Amount of time which we allow starting Node to be unresponsive before marking it unhealthy.', parseDuration],
  ['node-eviction-rate', 'nodeEvictionRate', 'Number of nodes per second on which pods are deleted in case of node failure when a zone is healthy.', num],
  ['secondary-node-eviction-rate', 'secondaryNodeEvictionRate', 'Number of nodes per second on which pods are deleted in case of node failure when a zone is unhealthy.', num],
  ['large-cluster-size-threshold', 'largeClusterSizeThreshold', 'Number of nodes from which node-lifecycle-controller treats the cluster as large for the eviction logic purposes.', parseIntFlag],
  ['unhealthy-zone-threshold', 'unhealthyZoneThreshold', 'Fraction of Nodes in a zone which needs to be not Ready (minimum 3) for zone to be treated as unhealthy.', num],
  ['terminated-pod-gc-threshold', 'terminatedPodGcThreshold', 'Number of terminated pods that can exist before the terminated pod garbage collector starts deleting terminated pods.', parseIntFlag],
  ['root-ca-file', 'rootCaFile', 'If set, this root certificate authority will be included in service account\'s token secret.', String],
  ['service-account-private-key-file', 'serviceAccountPrivateKeyFile', 'Filename containing a PEM-encoded private RSA or ECDSA key used to sign service account tokens.', String],
  ['shutdown-grace-period', 'shutdownGracePeriodMs', 'How long controllers may finish the key they are syncing after a termination signal.', parseDuration]
]

const boolFlags: Array<[string, keyof Options, string]> = [
  ['leader-elect', 'leaderElect', 'Start a leader election client and gain leadership before executing the main loop.'],
  ['leader-elect-release-on-cancel', 'leaderElectReleaseOnCancel', 'Release the lease on shutdown so a standby takes over at once (kube-ts addition).'],
  ['enable-garbage-collector', 'enableGarbageCollector', 'Enables the generic garbage collector.'],
  ['allocate-node-cidrs', 'allocateNodeCidrs', 'Should CIDRs for Pods be allocated and set on the cloud provider.'],
  ['use-service-account-credentials', 'useServiceAccountCredentials', 'If true, use individual service account credentials for each controller.']
]

const envName = (flag: string): string => `KUBE_TS_${flag.toUpperCase().replace(/-/g, '_')}`

/** Maps parsed commander values onto Options; unknown keys are ignored. */
export function optionsFromFlags (raw: Record<string, unknown>): Options {
  const o: Options = { ...defaultOptions, controllers: [...defaultOptions.controllers], ...loggingFlagsFrom(raw) }
  const camel = (f: string): string => f.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase())
  for (const [flag, key] of [...flags.map(([f, k]) => [f, k] as const), ...boolFlags.map(([f, k]) => [f, k] as const)]) {
    const v = raw[camel(flag)]
    if (v !== undefined) (o as unknown as Record<string, unknown>)[key] = v
  }
  return o
}

/** `kube-controller-manager` with upstream flag names; the action validates and calls `run`. */
export function createControllerManagerCommand (ctx: CommandContext): Command {
  const cmd = new Command('kube-controller-manager')
    .description('The Kubernetes controller manager is a daemon that embeds the core control loops shipped with Kubernetes.')
    .allowExcessArguments(false)
  for (const [flag, , help, parse] of flags) cmd.addOption(new Option(`--${flag} <value>`, help).argParser(parse).env(envName(flag)))
  for (const [flag, key, help] of boolFlags) addBoolFlag(cmd, flag, help, defaultOptions[key] as boolean, envName(flag))
  addLoggingFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = assertValidOptions(optionsFromFlags(raw), (list) => canonicalizeControllers(list, controllerDescriptors))
    const logger = ctx.createLogger({ level: options.v >= 5 ? 'trace' : options.v >= 2 ? 'debug' : 'info', format: options.logFormat, component: 'kube-controller-manager' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
