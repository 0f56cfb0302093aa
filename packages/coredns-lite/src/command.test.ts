import { createCorednsLiteCommand } from './command.js'
import { optionsFromFlags, validateOptions } from './options.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

function parse (...args: string[]): Record<string, unknown> {
  const cmd = createCorednsLiteCommand(ctx).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.action(() => {})
  cmd.parse(['node', 'coredns-lite', ...args])
  return cmd.opts()
}

describe('coredns-lite command', () => {
  it.each([
    '--kubeconfig', '--master', '--dns-port', '--dns-bind-address', '--cluster-domain', '--upstream', '--ttl', '--health-port', '--log-format', '-v, --v'
  ])('lists %s in --help', (flag) => {
    expect(createCorednsLiteCommand(ctx).helpInformation()).toContain(flag)
  })

  it('defaults to CoreDNS-like values', () => {
    expect(optionsFromFlags(parse())).toMatchObject({
      dnsBindAddress: '0.0.0.0', dnsPort: 53, clusterDomain: 'cluster.local', upstream: [], ttlSeconds: 5, healthBindAddress: '0.0.0.0', healthPort: 8080
    })
  })

  it.each([
    { name: 'accepts the defaults', args: [], problems: [] },
    { name: 'accepts upstreams with and without ports', args: ['--upstream=8.8.8.8,127.0.0.53:53,[fd00::1]:5353'], problems: [] },
    { name: 'rejects a hostname upstream', args: ['--upstream=dns.example'], problems: ['--upstream "dns.example" must be an IP address with an optional port'] },
    { name: 'rejects an invalid cluster domain', args: ['--cluster-domain=Cluster_Local'], problems: ['--cluster-domain "Cluster_Local" is not a valid DNS domain'] },
    { name: 'rejects a bind address that is not an IP', args: ['--dns-bind-address=localhost'], problems: ['--dns-bind-address "localhost" is not an IP address'] },
    { name: 'rejects an out-of-range TTL', args: ['--ttl=-1'], problems: ['--ttl must be within 0-3600 seconds'] }
  ])('$name', ({ args, problems }) => {
    expect(validateOptions(optionsFromFlags(parse(...args)))).toEqual(problems)
  })
})
