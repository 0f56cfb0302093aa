import { Option } from 'commander'
import type { Command } from 'commander'
import { formatDuration, parseNonNegativeDuration } from '../duration/parse-duration.js'
import { addBoolFlag, parseFloatFlag, parseIntFlag } from './flags.js'

/** Adds `--<name> <duration>` taking Go syntax (`15s`), stored as milliseconds, shown with its Go default. */
export function addDurationFlag (cmd: Command, name: string, description: string, defaultMs: number): Command {
  return cmd.addOption(new Option(`--${name} <duration>`, description).argParser(parseNonNegativeDuration).default(defaultMs, formatDuration(defaultMs)))
}

export function addIntFlag (cmd: Command, name: string, description: string, defaultValue: number): Command {
  return cmd.addOption(new Option(`--${name} <int>`, description).argParser(parseIntFlag).default(defaultValue))
}

/** `--kubeconfig` and, for daemons that still have it upstream, `--master`. */
export function addKubeconfigFlags (cmd: Command, opts: { master: boolean }): Command {
  cmd.option('--kubeconfig <path>', 'Path to a kubeconfig file with authorization and master location information.')
  if (opts.master) cmd.option('--master <url>', 'The address of the Kubernetes API server (overrides any value in kubeconfig).')
  return cmd
}

/** `--kube-api-qps`, `--kube-api-burst`, `--kube-api-content-type` with the daemon's upstream defaults. */
export function addClientConnectionFlags (cmd: Command, defaults: { qps: number, burst: number }): Command {
  cmd.addOption(new Option('--kube-api-qps <qps>', 'QPS to use while talking with the Kubernetes API server.').argParser(parseFloatFlag).default(defaults.qps))
  addIntFlag(cmd, 'kube-api-burst', 'Burst to use while talking with the Kubernetes API server.', defaults.burst)
  cmd.addOption(new Option('--kube-api-content-type <type>', 'Content type of requests sent to the API server.').choices(['application/json']).default('application/json'))
  return cmd
}

export interface LeaderElectionFlags {
  enabled: boolean
  leaseDurationMs: number
  renewDeadlineMs: number
  retryPeriodMs: number
  resourceLock: string
  resourceName: string
  resourceNamespace: string
}

/** The upstream `--leader-elect*` flag family (component-base/config/options). */
export function addLeaderElectionFlags (cmd: Command, resourceName: string): Command {
  addBoolFlag(cmd, 'leader-elect', 'Start a leader election client and gain leadership before executing the main loop. Enable this when running replicated components for high availability.', true)
  addDurationFlag(cmd, 'leader-elect-lease-duration', 'The duration that non-leader candidates will wait after observing a leadership renewal until attempting to acquire leadership of a led but unrenewed leader slot.', 15_000)
  addDurationFlag(cmd, 'leader-elect-renew-deadline', 'The interval between attempts by the acting master to renew a leadership slot before it stops leading. Must be less than the lease duration.', 10_000)
  addDurationFlag(cmd, 'leader-elect-retry-period', 'The duration the clients should wait between attempting acquisition and renewal of a leadership.', 2_000)
  cmd.addOption(new Option('--leader-elect-resource-lock <kind>', 'The type of resource object that is used for locking during leader election.').choices(['leases']).default('leases'))
  cmd.option('--leader-elect-resource-name <name>', 'The name of resource object that is used for locking during leader election.', resourceName)
  cmd.option('--leader-elect-resource-namespace <namespace>', 'The namespace of resource object that is used for locking during leader election.', 'kube-system')
  return cmd
}

export function leaderElectionFrom (raw: Record<string, unknown>): LeaderElectionFlags {
  return {
    enabled: raw.leaderElect === true,
    leaseDurationMs: raw.leaderElectLeaseDuration as number,
    renewDeadlineMs: raw.leaderElectRenewDeadline as number,
    retryPeriodMs: raw.leaderElectRetryPeriod as number,
    resourceLock: raw.leaderElectResourceLock as string,
    resourceName: raw.leaderElectResourceName as string,
    resourceNamespace: raw.leaderElectResourceNamespace as string
  }
}

/** The checks upstream's leader election config validation makes, as messages. */
export function validateLeaderElection (le: LeaderElectionFlags): string[] {
  if (!le.enabled) return []
  const problems: string[] = []
  if (le.leaseDurationMs <= 0) problems.push('--leader-elect-lease-duration must be greater than zero')
  if (le.renewDeadlineMs <= 0) problems.push('--leader-elect-renew-deadline must be greater than zero')
  if (le.retryPeriodMs <= 0) problems.push('--leader-elect-retry-period must be greater than zero')
  if (le.leaseDurationMs <= le.renewDeadlineMs) problems.push('--leader-elect-lease-duration must be greater than --leader-elect-renew-deadline')
  if (le.renewDeadlineMs <= le.retryPeriodMs * 1.2) problems.push('--leader-elect-renew-deadline must be greater than --leader-elect-retry-period*1.2')
  if (le.resourceName === '') problems.push('--leader-elect-resource-name must not be empty')
  if (le.resourceNamespace === '') problems.push('--leader-elect-resource-namespace must not be empty')
  return problems
}

/**
 * Gives every option without one an environment variable `KUBE_TS_<FLAG>` (`--kube-api-qps` → `KUBE_TS_KUBE_API_QPS`),
 * as k3s does, so unit files and containers can configure daemons without long command lines.
 */
export function addEnvToAllFlags (cmd: Command, prefix = 'KUBE_TS_'): Command {
  for (const opt of cmd.options) {
    if (opt.envVar !== undefined || opt.long === undefined || opt.long === '--help') continue
    opt.env(prefix + opt.long.slice(2).replace(/-/g, '_').toUpperCase())
    // commander wires env handling when an option is added; route it through the normal option handler instead.
    const name = opt.name()
    cmd.on(`optionEnv:${name}`, (value: string) => { (cmd as unknown as NodeJS.EventEmitter).emit(`option:${name}`, value) })
  }
  return cmd
}
