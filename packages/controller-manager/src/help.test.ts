import { createControllerManagerCommand } from './command.js'

const ctx = { signal: new AbortController().signal, createLogger: () => { throw new Error('not used') } }

describe('kube-controller-manager --help', () => {
  it.each([
    '--kubeconfig', '--master', '--controllers', '--leader-elect', '--leader-elect-lease-duration', '--leader-elect-renew-deadline',
    '--leader-elect-retry-period', '--secure-port', '--bind-address', '--concurrent-replicaset-syncs', '--concurrent-deployment-syncs',
    '--allocate-node-cidrs', '--cluster-cidr', '--node-monitor-grace-period', '--log-format', '-v, --v'
  ])('lists %s', (flag) => {
    expect(createControllerManagerCommand(ctx).helpInformation()).toContain(flag)
  })
})
