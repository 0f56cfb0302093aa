import { Command, InvalidArgumentError } from 'commander'
import {
  addBoolFlag, addDurationFlag, addEnvToAllFlags, addIntFlag, addLoggingFlags, InvalidOptionsError, levelFromVerbosity,
  parseFloatFlag, parsePortFlag, parseStringList
} from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { optionsFromFlags, parseLabels, validateOptions } from './options.js'
import { run } from './run.js'

const labels = (v: string): Record<string, string> => {
  try { return parseLabels(v) } catch (err) { throw new InvalidArgumentError((err as Error).message) }
}

/** `kubelet` with upstream flag names; the action validates, creates the logger and calls `run`. */
export function createKubeletCommand (ctx: CommandContext): Command {
  const cmd = new Command('kubelet')
    .description('The kubelet is the primary node agent: it registers the node, runs the Pods bound to it through the container runtime (Docker here) and reports their status.')
    .allowExcessArguments(false)
    .option('--config <path>', 'The kubelet will load its initial configuration from this file (KubeletConfiguration).')
    .option('--kubeconfig <path>', 'Path to a kubeconfig file, specifying how to connect to the API server. Providing --kubeconfig enables API server mode.')
    .option('--hostname-override <name>', 'If non-empty, will use this string as identification instead of the actual hostname.')
    .option('--node-ip <ip>', 'IP address (or comma-separated dual-stack IP addresses) of the node.')
    .option('--pod-cidr <cidr>', 'The CIDR to use for pod IP addresses, only used in standalone mode; in cluster mode it comes from the master.')
    .option('--cluster-dns <ips>', 'Comma-separated list of DNS server IP addresses, used for containers with dnsPolicy=ClusterFirst.', parseStringList, [])
    .option('--cluster-domain <domain>', 'Domain for this cluster. If set, kubelet will configure all containers to search this domain in addition to the host\'s search domains.', 'cluster.local')
    .option('--container-runtime-endpoint <url>', 'The endpoint of the container runtime (kube-ts talks to Docker).', 'unix:///var/run/docker.sock')
  addIntFlag(cmd, 'max-pods', 'Number of Pods that can run on this kubelet.', 110)
  addBoolFlag(cmd, 'register-node', 'Register the node with the API server.', true)
  cmd.option('--node-labels <labels>', 'Labels to add when registering the node in the cluster, as key=value pairs separated by \',\'.', labels)
  cmd.option('--root-dir <path>', 'Directory path for managing kubelet files (volume mounts, etc).', '/var/lib/kubelet')
  cmd.option('--address <ip>', 'The IP address for the kubelet to serve on (set to 0.0.0.0 or :: for listening on all interfaces).', '0.0.0.0')
  cmd.option('--port <port>', 'The port for the kubelet to serve on (logs, exec, port-forward).', parsePortFlag, 10250)
  cmd.option('--healthz-bind-address <ip>', 'The IP address for the healthz server to serve on.', '127.0.0.1')
  cmd.option('--healthz-port <port>', 'The port of the localhost healthz endpoint (0 picks a free port).', parsePortFlag, 10248)
  addDurationFlag(cmd, 'node-status-update-frequency', 'How often the kubelet posts node status to the master.', 10_000)
  addDurationFlag(cmd, 'sync-frequency', 'Max period between synchronizing running containers and config.', 60_000)
  cmd.option('--kube-api-qps <qps>', 'QPS to use while talking with the Kubernetes API server.', parseFloatFlag, 50)
  addIntFlag(cmd, 'kube-api-burst', 'Burst to allow while talking with the Kubernetes API server.', 100)
  addLoggingFlags(cmd)
  addEnvToAllFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const options = optionsFromFlags(raw)
    const problems = validateOptions(options)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ level: levelFromVerbosity(options.v), format: options.logFormat, component: 'kubelet' })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
