import { Command } from 'commander'
import {
  addClientConnectionFlags, addDurationFlag, addEnvToAllFlags, addKubeconfigFlags, addLeaderElectionFlags, leaderElectionFrom, validateLeaderElection
} from './common-flags.js'
import { parseHostPortFlag } from './flags.js'

function parse (cmd: Command, args: string[], env: Record<string, string> = {}): Record<string, unknown> {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    cmd.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
    cmd.parse(['node', 'x', ...args])
    return cmd.opts()
  } finally {
    for (const k of Object.keys(env)) if (saved[k] === undefined) Reflect.deleteProperty(process.env, k); else process.env[k] = saved[k]
  }
}

describe('leader election flags', () => {
  const make = (): Command => addLeaderElectionFlags(new Command('t'), 'kube-scheduler')

  it('defaults to the upstream 15s/10s/2s on a Lease in kube-system', () => {
    expect(leaderElectionFrom(parse(make(), []))).toEqual({
      enabled: true, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, resourceLock: 'leases', resourceName: 'kube-scheduler', resourceNamespace: 'kube-system'
    })
  })

  it('parses Go durations and =false', () => {
    const le = leaderElectionFrom(parse(make(), ['--leader-elect=false', '--leader-elect-lease-duration=1m', '--leader-elect-renew-deadline', '30s']))
    expect(le).toMatchObject({ enabled: false, leaseDurationMs: 60_000, renewDeadlineMs: 30_000 })
  })

  it('shows duration defaults in Go form in help', () => {
    expect(make().helpInformation()).toContain('(default: 15s)')
  })

  it.each([
    { name: 'accepts the defaults', args: [], problems: [] },
    { name: 'rejects a lease not longer than the renew deadline', args: ['--leader-elect-lease-duration=10s'], problems: ['--leader-elect-lease-duration must be greater than --leader-elect-renew-deadline'] },
    { name: 'rejects a renew deadline within 1.2 retry periods', args: ['--leader-elect-retry-period=9s'], problems: ['--leader-elect-renew-deadline must be greater than --leader-elect-retry-period*1.2'] },
    { name: 'skips the checks when leader election is off', args: ['--leader-elect=false', '--leader-elect-lease-duration=1s'], problems: [] }
  ])('$name', ({ args, problems }) => {
    expect(validateLeaderElection(leaderElectionFrom(parse(make(), args)))).toEqual(problems)
  })
})

describe('other common flags', () => {
  it('reads client connection settings with daemon defaults', () => {
    expect(parse(addClientConnectionFlags(new Command('t'), { qps: 20, burst: 30 }), ['--kube-api-qps=5.5'])).toMatchObject({ kubeApiQps: 5.5, kubeApiBurst: 30 })
  })

  it('adds --master only when asked', () => {
    expect(addKubeconfigFlags(new Command('t'), { master: false }).helpInformation()).not.toContain('--master')
    expect(addKubeconfigFlags(new Command('t'), { master: true }).helpInformation()).toContain('--master')
  })

  it('rejects a malformed duration', () => {
    expect(() => parse(addDurationFlag(new Command('t'), 'period', 'A period.', 1000), ['--period=5x'])).toThrow(/unknown unit/)
  })

  it('reads any flag from KUBE_TS_<FLAG> when not given on the command line', () => {
    const cmd = addEnvToAllFlags(addKubeconfigFlags(new Command('t'), { master: true }))
    expect(parse(cmd, [], { KUBE_TS_MASTER: 'http://127.0.0.1:8080' }).master).toBe('http://127.0.0.1:8080')
  })
})

describe('parseHostPortFlag', () => {
  it.each([
    { input: '0.0.0.0:10256', want: { host: '0.0.0.0', port: 10256 } },
    { input: ':10249', want: { host: '0.0.0.0', port: 10249 } },
    { input: '[::1]:10249', want: { host: '::1', port: 10249 } }
  ])('parses $input', ({ input, want }) => {
    expect(parseHostPortFlag(input)).toEqual(want)
  })

  it.each(['10256', 'host', 'a:99999'])('rejects %s', (input) => {
    expect(() => parseHostPortFlag(input)).toThrow()
  })
})
