import { Command } from 'commander'
import {
  addClientConnectionFlags, addEnvToAllFlags, addIntFlag, addKubeconfigFlags, addLoggingFlags, InvalidOptionsError, levelFromVerbosity,
  parsePortFlag, parseStringList
} from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { optionsFromFlags, validateOptions } from './options.js'
import { run } from './run.js'

/** `coredns-lite`: cluster DNS (`<svc>.<ns>.svc.<domain>`) from the apiserver's watch data, forwarding the rest. */
export function createCorednsLiteCommand (ctx: CommandContext): Command {
  const cmd = new Command('coredns-lite')
    .description('A small cluster DNS server: answers Service and Pod names under the cluster domain from the Kubernetes API and forwards other queries upstream.')
    .allowExcessArguments(false)
  addKubeconfigFlags(cmd, { master: true })
  cmd.option('--dns-bind-address <ip>', 'The IP address to serve DNS (UDP and TCP) on.', '0.0.0.0')
  cmd.option('--dns-port <port>', 'The port to serve DNS on (0 picks a free port).', parsePortFlag, 53)
  cmd.option('--cluster-domain <domain>', 'The cluster domain served from the Kubernetes API.', 'cluster.local')
  cmd.option('--upstream <addresses>', 'Comma-separated resolvers (ip or ip:port) for names outside the cluster domain; empty uses /etc/resolv.conf.', parseStringList, [])
  addIntFlag(cmd, 'ttl', 'TTL in seconds of answers for cluster names (CoreDNS kubernetes plugin default: 5).', 5)
  cmd.option('--health-bind-address <ip>', 'The IP address for /healthz, /readyz and /metrics.', '0.0.0.0')
  cmd.option('--health-port <port>', 'The port for /healthz, /readyz and /metrics (0 picks a free port).', parsePortFlag, 8080)
  addClientConnectionFlags(cmd, { qps: 50, burst: 100 })
  addLoggingFlags(cmd)
  addEnvToAllFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = optionsFromFlags(raw)
    const problems = validateOptions(options)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ level: levelFromVerbosity(options.v), format: options.logFormat, component: 'coredns-lite' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
