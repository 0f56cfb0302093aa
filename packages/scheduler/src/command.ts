import { Command } from 'commander'
import {
  addClientConnectionFlags, addDurationFlag, addEnvToAllFlags, addKubeconfigFlags, addLeaderElectionFlags, addLoggingFlags,
  InvalidOptionsError, levelFromVerbosity, parsePortFlag
} from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { optionsFromFlags, validateOptions } from './options.js'
import { run } from './run.js'

/** `kube-scheduler` with upstream flag names; the action validates, creates the logger and calls `run`. */
export function createSchedulerCommand (ctx: CommandContext): Command {
  const cmd = new Command('kube-scheduler')
    .description('The Kubernetes scheduler assigns unscheduled Pods to Nodes that fit them, through the pods/binding subresource.')
    .allowExcessArguments(false)
    .option('--config <path>', 'The path to the configuration file (KubeSchedulerConfiguration).')
  addKubeconfigFlags(cmd, { master: true })
  cmd.option('--bind-address <ip>', 'The IP address on which to listen for the --secure-port port.', '0.0.0.0')
  cmd.option('--secure-port <port>', 'The port on which to serve /healthz, /readyz and /metrics (plain HTTP for now; 0 picks a free port).', parsePortFlag, 10259)
  addClientConnectionFlags(cmd, { qps: 50, burst: 100 })
  addLeaderElectionFlags(cmd, 'kube-scheduler')
  addDurationFlag(cmd, 'pod-max-in-unschedulable-pods-duration', 'The maximum time a pod can stay in the unschedulable queue before it is retried.', 5 * 60_000)
  addLoggingFlags(cmd)
  addEnvToAllFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = optionsFromFlags(raw)
    const problems = validateOptions(options)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ level: levelFromVerbosity(options.v), format: options.logFormat, component: 'kube-scheduler' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
