import { createKubeProxyCommand } from './command.js'
import { optionsFromFlags, validateOptions } from './options.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

function parse (...args: string[]): Record<string, unknown> {
  const cmd = createKubeProxyCommand(ctx).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.action(() => {})
  cmd.parse(['node', 'kube-proxy', ...args])
  return cmd.opts()
}

describe('kube-proxy command', () => {
  it.each([
    '--kubeconfig', '--master', '--config', '--proxy-mode', '--cluster-cidr', '--hostname-override', '--nodeport-addresses',
    '--healthz-bind-address', '--metrics-bind-address', '--iptables-sync-period', '--masquerade-all', '--log-format', '-v, --v'
  ])('lists %s in --help', (flag) => {
    expect(createKubeProxyCommand(ctx).helpInformation()).toContain(flag)
  })

  it('defaults to upstream values', () => {
    expect(optionsFromFlags(parse())).toMatchObject({
      proxyMode: 'iptables', clusterCidr: '', nodeportAddresses: [], bindAddress: '0.0.0.0',
      healthzBindAddress: { host: '0.0.0.0', port: 10256 }, metricsBindAddress: { host: '127.0.0.1', port: 10249 },
      iptablesSyncPeriodMs: 30_000, iptablesMinSyncPeriodMs: 1_000, masqueradeAll: false, iptablesMasqueradeBit: 14, kubeApiQps: 5, kubeApiBurst: 10
    })
  })

  it.each([
    { name: 'accepts the defaults', args: [], problems: [] },
    { name: 'accepts a dual-stack cluster CIDR and node port ranges', args: ['--cluster-cidr=10.244.0.0/16,fd00::/48', '--nodeport-addresses=127.0.0.0/8,primary'], problems: [] },
    { name: 'refuses proxy modes kube-ts does not implement', args: ['--proxy-mode=ipvs'], problems: ['--proxy-mode "ipvs" is not supported by kube-ts; use "iptables"'] },
    { name: 'rejects a bad cluster CIDR', args: ['--cluster-cidr=10.244.0.0'], problems: ['--cluster-cidr "10.244.0.0" is not a valid CIDR'] },
    { name: 'rejects a bad node port address', args: ['--nodeport-addresses=eth0'], problems: ['--nodeport-addresses "eth0" must be a CIDR or "primary"'] },
    { name: 'rejects a min sync period above the sync period', args: ['--iptables-min-sync-period=1m'], problems: ['--iptables-min-sync-period must not be greater than --iptables-sync-period'] }
  ])('$name', ({ args, problems }) => {
    expect(validateOptions(optionsFromFlags(parse(...args)))).toEqual(problems)
  })

  it('rejects a healthz address without a port while parsing', () => {
    expect(() => parse('--healthz-bind-address=0.0.0.0')).toThrow(/host:port/)
  })
})
