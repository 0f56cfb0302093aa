import { createKubeletCommand } from './command.js'
import { optionsFromFlags, validateOptions } from './options.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

function parse (...args: string[]): Record<string, unknown> {
  const cmd = createKubeletCommand(ctx).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.action(() => {})
  cmd.parse(['node', 'kubelet', ...args])
  return cmd.opts()
}

describe('kubelet command', () => {
  it.each([
    '--kubeconfig', '--config', '--hostname-override', '--node-ip', '--pod-cidr', '--cluster-dns', '--cluster-domain',
    '--container-runtime-endpoint', '--max-pods', '--register-node', '--node-labels', '--healthz-port', '--healthz-bind-address', '--log-format', '-v, --v'
  ])('lists %s in --help', (flag) => {
    expect(createKubeletCommand(ctx).helpInformation()).toContain(flag)
  })

  it('does not offer --master, which upstream kubelet removed', () => {
    expect(createKubeletCommand(ctx).helpInformation()).not.toContain('--master')
  })

  it('reads node settings', () => {
    expect(optionsFromFlags(parse('--kubeconfig=/k', '--hostname-override=n1', '--node-ip=10.0.0.5', '--pod-cidr=10.244.1.0/24',
      '--cluster-dns=10.96.0.10', '--max-pods=20', '--register-node=false', '--node-labels=a=b,zone=z1'))).toMatchObject({
      kubeconfig: '/k', hostnameOverride: 'n1', nodeIp: '10.0.0.5', podCidr: '10.244.1.0/24', clusterDns: ['10.96.0.10'], clusterDomain: 'cluster.local',
      maxPods: 20, registerNode: false, nodeLabels: { a: 'b', zone: 'z1' }, healthzBindAddress: '127.0.0.1', healthzPort: 10248,
      containerRuntimeEndpoint: 'unix:///var/run/docker.sock', nodeStatusUpdateFrequencyMs: 10_000, syncFrequencyMs: 60_000
    })
  })

  it.each([
    { name: 'accepts a kubeconfig with defaults', args: ['--kubeconfig=/k'], problems: [] },
    { name: 'needs a kubeconfig to register the node', args: [], problems: ['--kubeconfig is required when --register-node is true'] },
    { name: 'rejects a bad node IP', args: ['--kubeconfig=/k', '--node-ip=10.0.0'], problems: ['--node-ip "10.0.0" must be an IP address (or a comma-separated dual-stack pair)'] },
    { name: 'rejects a bad pod CIDR', args: ['--kubeconfig=/k', '--pod-cidr=10.244.1.0/40'], problems: ['--pod-cidr "10.244.1.0/40" is not a valid CIDR'] },
    { name: 'rejects a bad DNS server', args: ['--kubeconfig=/k', '--cluster-dns=10.96.0.10,dns'], problems: ['--cluster-dns "dns" is not an IP address'] },
    { name: 'rejects zero max pods', args: ['--kubeconfig=/k', '--max-pods=0'], problems: ['--max-pods must be at least 1'] },
    { name: 'rejects a runtime endpoint without a scheme', args: ['--kubeconfig=/k', '--container-runtime-endpoint=/var/run/docker.sock'], problems: ['--container-runtime-endpoint "/var/run/docker.sock" must be a unix:// or tcp:// URL'] }
  ])('$name', ({ args, problems }) => {
    expect(validateOptions(optionsFromFlags(parse(...args)))).toEqual(problems)
  })

  it('rejects a malformed label while parsing', () => {
    expect(() => parse('--node-labels=novalue')).toThrow(/key=value/)
  })
})
