import pino from 'pino'
import { createControllerManagerCommand, optionsFromFlags } from './command.js'
import { defaultOptions, validateOptions } from './options.js'
import type { Options } from './options.js'

async function parse (args: string[], env: Record<string, string> = {}): Promise<Options> {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    const cmd = createControllerManagerCommand({ signal: new AbortController().signal, createLogger: () => pino({ level: 'silent' }) })
    let got: Options | undefined
    cmd.action((raw: Record<string, unknown>) => { got = optionsFromFlags(raw) })
    cmd.exitOverride()
    cmd.configureOutput({ writeErr: () => {} })
    await cmd.parseAsync(args, { from: 'user' })
    return got as Options
  } finally {
    process.env = saved
  }
}

describe('kube-controller-manager flags', () => {
  it.each<{ name: string, args: string[], env?: Record<string, string>, want: Partial<Options> }>([
    { name: 'defaults match upstream', args: [], want: { leaderElect: true, leaderElectLeaseDurationMs: 15000, leaderElectRenewDeadlineMs: 10000, leaderElectRetryPeriodMs: 2000, securePort: 10257, concurrentDeploymentSyncs: 5, concurrentDaemonSetSyncs: 2, controllers: ['*'], kubeApiQps: 20, kubeApiBurst: 30 } },
    { name: 'pflag-style booleans and Go durations', args: ['--leader-elect=false', '--leader-elect-lease-duration=30s', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16'], want: { leaderElect: false, leaderElectLeaseDurationMs: 30000, allocateNodeCidrs: true, clusterCidr: '10.244.0.0/16' } },
    { name: 'controller lists and per-controller concurrency', args: ['--controllers=*,-deployment', '--concurrent-replicaset-syncs=9'], want: { controllers: ['*', '-deployment'], concurrentReplicaSetSyncs: 9 } },
    { name: 'environment variables stand in for flags', args: [], env: { KUBE_TS_CONCURRENT_DEPLOYMENT_SYNCS: '7', KUBE_TS_MASTER: 'http://127.0.0.1:6443' }, want: { concurrentDeploymentSyncs: 7, master: 'http://127.0.0.1:6443' } }
  ])('$name', async ({ args, env, want }) => {
    expect(await parse(args, env)).toMatchObject(want)
  })

  it.each([
    { name: 'rejects a malformed duration as a usage error', args: ['--leader-elect-renew-deadline=soon'] },
    { name: 'rejects a malformed number as a usage error', args: ['--kube-api-qps=fast'] },
    { name: 'rejects a malformed boolean as a usage error', args: ['--leader-elect=maybe'] }
  ])('$name', async ({ args }) => {
    await expect(parse(args)).rejects.toMatchObject({ code: 'commander.invalidArgument' })
  })
})

describe('validateOptions', () => {
  it.each<{ name: string, over: Partial<Options>, want: string[] }>([
    { name: 'accepts the defaults', over: {}, want: [] },
    { name: 'lease duration must exceed the renew deadline', over: { leaderElectLeaseDurationMs: 10000 }, want: ['leaseDuration must be greater than renewDeadline'] },
    { name: 'renew deadline must exceed the jittered retry period', over: { leaderElectRetryPeriodMs: 9000 }, want: ['renewDeadline must be greater than retryPeriod*JitterFactor'] },
    { name: 'leader election checks are skipped when it is off', over: { leaderElect: false, leaderElectLeaseDurationMs: 1 }, want: [] },
    { name: 'node CIDR allocation needs a cluster CIDR', over: { allocateNodeCidrs: true }, want: ['--cluster-cidr must be set when --allocate-node-cidrs is true'] },
    { name: 'worker counts must be positive', over: { concurrentGcSyncs: 0 }, want: ['--concurrent-gc-syncs must be a positive integer, got 0'] }
  ])('$name', ({ over, want }) => {
    expect(validateOptions({ ...defaultOptions, ...over })).toEqual(want)
  })
})
