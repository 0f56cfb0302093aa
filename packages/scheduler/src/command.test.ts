import { createSchedulerCommand } from './command.js'
import { optionsFromFlags, validateOptions } from './options.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

function parse (...args: string[]): Record<string, unknown> {
  const cmd = createSchedulerCommand(ctx).exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} })
  cmd.action(() => {})
  cmd.parse(['node', 'kube-scheduler', ...args])
  return cmd.opts()
}

describe('kube-scheduler command', () => {
  it.each([
    '--kubeconfig', '--master', '--config', '--leader-elect', '--leader-elect-lease-duration', '--leader-elect-renew-deadline',
    '--leader-elect-retry-period', '--leader-elect-resource-name', '--secure-port', '--bind-address', '--kube-api-qps', '--log-format', '-v, --v'
  ])('lists %s in --help', (flag) => {
    expect(createSchedulerCommand(ctx).helpInformation()).toContain(flag)
  })

  it('defaults to upstream values', () => {
    expect(optionsFromFlags(parse())).toEqual({
      logFormat: 'json', v: 0, config: undefined, kubeconfig: undefined, master: undefined, bindAddress: '0.0.0.0', securePort: 10259,
      kubeApiQps: 50, kubeApiBurst: 100, podMaxInUnschedulablePodsDurationMs: 300_000,
      leaderElection: { enabled: true, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, resourceLock: 'leases', resourceName: 'kube-scheduler', resourceNamespace: 'kube-system' }
    })
  })

  it.each([
    { name: 'accepts the defaults', args: [], problems: [] },
    { name: 'rejects a lease shorter than the renew deadline', args: ['--leader-elect-lease-duration=5s'], problems: ['--leader-elect-lease-duration must be greater than --leader-elect-renew-deadline'] },
    { name: 'rejects a zero QPS', args: ['--kube-api-qps=0'], problems: ['--kube-api-qps must be greater than zero'] }
  ])('$name', ({ args, problems }) => {
    expect(validateOptions(optionsFromFlags(parse(...args)))).toEqual(problems)
  })

  it('rejects a port out of range while parsing', () => {
    expect(() => parse('--secure-port=70000')).toThrow(/outside/)
  })
})
