import { buildOptions, isLoopback } from './options.js'
import type { RawOptions } from './options.js'

const base: RawOptions = {
  etcdServers: 'http://127.0.0.1:2379',
  etcdPrefix: '/registry',
  etcdCompactionInterval: '5m',
  etcdCountMetricPollPeriod: '1m',
  securePort: 6443,
  bindAddress: '127.0.0.1',
  insecureServePlainHttp: true,
  serviceClusterIpRange: '10.96.0.0/12',
  serviceNodePortRange: '30000-32767',
  maxRequestsInflight: 400,
  maxMutatingRequestsInflight: 200,
  requestTimeout: '60s',
  logFormat: 'json',
  v: 0
}

describe('buildOptions', () => {
  it('accepts the defaults and converts durations and ranges', () => {
    const { options, problems } = buildOptions({ ...base, etcdServers: 'http://127.0.0.1:2379, http://127.0.0.2:2379' })
    expect(problems).toEqual([])
    expect(options).toMatchObject({
      etcdServers: ['http://127.0.0.1:2379', 'http://127.0.0.2:2379'],
      etcdCompactionIntervalMs: 300_000,
      etcdCountMetricPollPeriodMs: 60_000,
      requestTimeoutMs: 60_000,
      serviceNodePortRange: { min: 30000, max: 32767 }
    })
  })

  it('allows disabling compaction with 0', () => {
    expect(buildOptions({ ...base, etcdCompactionInterval: '0' }).options.etcdCompactionIntervalMs).toBe(0)
    expect(buildOptions({ ...base, etcdCountMetricPollPeriod: '0' }).options.etcdCountMetricPollPeriodMs).toBe(0)
  })

  it.each([
    { name: 'missing etcd servers', over: { etcdServers: undefined }, problem: '--etcd-servers must be specified' },
    { name: 'an etcd server that is not a URL', over: { etcdServers: 'etcd:2379' }, problem: '--etcd-servers: "etcd:2379" is not an http(s)://host:port URL' },
    { name: 'plain HTTP not asked for', over: { insecureServePlainHttp: false }, problem: 'TLS serving is not implemented yet' },
    { name: 'plain HTTP on a public address', over: { bindAddress: '0.0.0.0' }, problem: 'refuses the non-loopback --bind-address 0.0.0.0' },
    { name: 'a bad service CIDR', over: { serviceClusterIpRange: '10.96.0.0/40' }, problem: '--service-cluster-ip-range' },
    { name: 'a reversed port range', over: { serviceNodePortRange: '32767-30000' }, problem: '--service-node-port-range' },
    { name: 'a bad duration', over: { requestTimeout: 'soon' }, problem: '--request-timeout: invalid duration' },
    { name: 'a relative prefix', over: { etcdPrefix: 'registry' }, problem: '--etcd-prefix must start with "/"' },
    { name: 'a negative inflight limit', over: { maxRequestsInflight: -1 }, problem: '--max-requests-inflight' }
  ])('reports $name', ({ over, problem }) => {
    const { problems } = buildOptions({ ...base, ...over } as RawOptions)
    expect(problems).toEqual([expect.stringContaining(problem)])
  })

  it('reports every problem at once', () => {
    expect(buildOptions({ ...base, etcdServers: '', insecureServePlainHttp: false, requestTimeout: 'x' }).problems).toHaveLength(3)
  })

  it.each([
    { address: '127.0.0.1', want: true },
    { address: '127.1.2.3', want: true },
    { address: '::1', want: true },
    { address: 'localhost', want: true },
    { address: '0.0.0.0', want: false },
    { address: '10.0.0.1', want: false }
  ])('treats $address as loopback: $want', ({ address, want }) => {
    expect(isLoopback(address)).toBe(want)
  })
})
