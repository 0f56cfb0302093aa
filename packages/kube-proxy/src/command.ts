import { Command, Option } from 'commander'
import {
  addBoolFlag, addClientConnectionFlags, addDurationFlag, addEnvToAllFlags, addIntFlag, addKubeconfigFlags, addLoggingFlags,
  InvalidOptionsError, levelFromVerbosity, parseHostPortFlag, parseStringList
} from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { optionsFromFlags, validateOptions } from './options.js'
import { run } from './run.js'

/** `kube-proxy` with upstream flag names; the action validates, creates the logger and calls `run`. */
export function createKubeProxyCommand (ctx: CommandContext): Command {
  const cmd = new Command('kube-proxy')
    .description('The Kubernetes network proxy runs on each node and programs iptables so Service cluster IPs and node ports reach ready endpoints.')
    .allowExcessArguments(false)
    .option('--config <path>', 'The path to the configuration file (KubeProxyConfiguration).')
  addKubeconfigFlags(cmd, { master: true })
  cmd.addOption(new Option('--proxy-mode <mode>', 'Which proxy mode to use: kube-ts implements "iptables" (upstream also has "ipvs" and "nftables").').choices(['iptables', 'ipvs', 'nftables']).default('iptables'))
  cmd.option('--cluster-cidr <cidr>', 'The CIDR range of the pods in the cluster; traffic to Services from outside it is masqueraded.')
  cmd.option('--hostname-override <name>', 'If non-empty, will be used as the name of the Node that kube-proxy is running on.')
  cmd.option('--nodeport-addresses <cidrs>', 'A list of CIDR ranges (or "primary") that contain valid node IPs for NodePort services; empty means all local addresses.', parseStringList, [])
  cmd.option('--bind-address <ip>', 'Overrides kube-proxy\'s idea of what its node\'s primary IP is.', '0.0.0.0')
  cmd.option('--healthz-bind-address <host:port>', 'The IP address and port for the health check server to serve on.', parseHostPortFlag, { host: '0.0.0.0', port: 10256 })
  cmd.option('--metrics-bind-address <host:port>', 'The IP address and port for the metrics server to serve on.', parseHostPortFlag, { host: '127.0.0.1', port: 10249 })
  addDurationFlag(cmd, 'iptables-sync-period', 'An interval how often various re-synchronizing and cleanup operations are performed.', 30_000)
  addDurationFlag(cmd, 'iptables-min-sync-period', 'The minimum period between iptables rule resyncs, e.g. 5s or 1m.', 1_000)
  addBoolFlag(cmd, 'masquerade-all', 'SNAT all traffic sent via Service cluster IPs.', false)
  addIntFlag(cmd, 'iptables-masquerade-bit', 'The bit of the fwmark space to mark packets requiring SNAT (0-31).', 14)
  addClientConnectionFlags(cmd, { qps: 5, burst: 10 })
  addLoggingFlags(cmd)
  addEnvToAllFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = optionsFromFlags(raw)
    const problems = validateOptions(options)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ level: levelFromVerbosity(options.v), format: options.logFormat, component: 'kube-proxy' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
