import { createCloudControllerManagerCommand } from './command.js'
import { optionsFromFlags, validateOptions } from './options.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

function parse (...args: string[]): Record<string, unknown> {
  const cmd = createCloudControllerManagerCommand(ctx).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.action(() => {})
  cmd.parse(['node', 'cloud-controller-manager', ...args])
  return cmd.opts()
}

describe('cloud-controller-manager command', () => {
  it.each([
    '--kubeconfig', '--master', '--cloud-provider', '--cloud-config', '--controllers', '--leader-elect', '--leader-elect-lease-duration',
    '--leader-elect-renew-deadline', '--leader-elect-retry-period', '--secure-port', '--bind-address', '--allocate-node-cidrs',
    '--cluster-cidr', '--configure-cloud-routes', '--concurrent-service-syncs', '--node-monitor-period', '--log-format', '-v, --v'
  ])('lists %s in --help', (flag) => {
    expect(createCloudControllerManagerCommand(ctx).helpInformation()).toContain(flag)
  })

  it('defaults to upstream values', () => {
    expect(optionsFromFlags(parse('--cloud-provider=kube-ts'))).toMatchObject({
      cloudProvider: 'kube-ts', controllers: ['*'], bindAddress: '0.0.0.0', securePort: 10258, kubeApiQps: 20, kubeApiBurst: 30,
      allocateNodeCidrs: false, configureCloudRoutes: true, clusterName: 'kubernetes', concurrentServiceSyncs: 1,
      nodeMonitorPeriodMs: 5_000, nodeStatusUpdateFrequencyMs: 300_000, leaderElection: { enabled: true, resourceName: 'cloud-controller-manager' }
    })
  })

  it.each([
    { name: 'accepts a provider and defaults', args: ['--cloud-provider=kube-ts'], problems: [] },
    { name: 'requires a cloud provider', args: [], problems: ['--cloud-provider cannot be empty'] },
    { name: 'rejects unknown controllers', args: ['--cloud-provider=x', '--controllers=*,-route,nope'], problems: ['"nope" is not in the list of known controllers'] },
    { name: 'requires a cluster CIDR to allocate node CIDRs', args: ['--cloud-provider=x', '--allocate-node-cidrs'], problems: ['--cluster-cidr must be set when --allocate-node-cidrs is true', '--configure-cloud-routes needs --cluster-cidr'] },
    { name: 'rejects a malformed cluster CIDR', args: ['--cloud-provider=x', '--cluster-cidr=10.244.0.0'], problems: ['--cluster-cidr "10.244.0.0" is not a valid CIDR'] }
  ])('$name', ({ args, problems }) => {
    expect(validateOptions(optionsFromFlags(parse(...args)))).toEqual(problems)
  })
})
