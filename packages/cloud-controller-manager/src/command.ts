import { Command } from 'commander'
import {
  addBoolFlag, addClientConnectionFlags, addDurationFlag, addEnvToAllFlags, addIntFlag, addKubeconfigFlags, addLeaderElectionFlags,
  addLoggingFlags, InvalidOptionsError, levelFromVerbosity, parsePortFlag, parseStringList
} from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { knownControllers, optionsFromFlags, validateOptions } from './options.js'
import { run } from './run.js'

/** `cloud-controller-manager` with upstream flag names; the action validates, creates the logger and calls `run`. */
export function createCloudControllerManagerCommand (ctx: CommandContext): Command {
  const cmd = new Command('cloud-controller-manager')
    .description('The Cloud controller manager runs the cloud-specific control loops: node initialisation and removal, load balancers for Services, and pod-network routes.')
    .allowExcessArguments(false)
  addKubeconfigFlags(cmd, { master: true })
  cmd.option('--cloud-provider <name>', 'The provider for cloud services (kube-ts ships a local provider backed by Docker and the host).')
  cmd.option('--cloud-config <path>', 'The path to the cloud provider configuration file.')
  cmd.option('--controllers <list>', `A list of controllers to enable. '*' enables all; 'foo' enables the controller named 'foo'; '-foo' disables it. All controllers: ${knownControllers.join(', ')}.`, parseStringList, ['*'])
  cmd.option('--bind-address <ip>', 'The IP address on which to listen for the --secure-port port.', '0.0.0.0')
  cmd.option('--secure-port <port>', 'The port on which to serve /healthz, /readyz and /metrics (plain HTTP for now; 0 picks a free port).', parsePortFlag, 10258)
  addClientConnectionFlags(cmd, { qps: 20, burst: 30 })
  addLeaderElectionFlags(cmd, 'cloud-controller-manager')
  addBoolFlag(cmd, 'allocate-node-cidrs', 'Should CIDRs for Pods be allocated and set on the cloud provider.', false)
  cmd.option('--cluster-cidr <cidr>', 'CIDR range for Pods in the cluster.')
  addBoolFlag(cmd, 'configure-cloud-routes', 'Should CIDRs allocated by allocate-node-cidrs be configured on the cloud provider.', true)
  cmd.option('--cluster-name <name>', 'The instance prefix for the cluster.', 'kubernetes')
  addIntFlag(cmd, 'concurrent-service-syncs', 'The number of services that are allowed to sync concurrently.', 1)
  addDurationFlag(cmd, 'node-monitor-period', 'The period for syncing NodeStatus in the cloud-node-lifecycle controller.', 5_000)
  addDurationFlag(cmd, 'node-status-update-frequency', 'How often the cloud-node controller updates node addresses from the cloud provider.', 5 * 60_000)
  addLoggingFlags(cmd)
  addEnvToAllFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = optionsFromFlags(raw)
    const problems = validateOptions(options)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ level: levelFromVerbosity(options.v), format: options.logFormat, component: 'cloud-controller-manager' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
