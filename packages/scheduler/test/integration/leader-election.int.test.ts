import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { resources } from '@kube-ts/client'
import { boundNode, createNode, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const election = { enabled: true, leaseDurationMs: 2000, renewDeadlineMs: 1500, retryPeriodMs: 500, resourceLock: 'leases', resourceName: 'kube-scheduler', resourceNamespace: 'kube-system' }

async function attempts (port: number): Promise<number> {
  const body = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
  return body.split('\n').filter(l => l.startsWith('scheduler_schedule_attempts_total{')).reduce((a, l) => a + Number(l.split(' ').at(-1)), 0)
}

describe('kube-scheduler leader election', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('n1'))
  })
  afterAll(async () => { await c.stop() })

  const holder = async (): Promise<string | undefined> =>
    (await c.client.resource<Lease>(resources.leases).get('kube-system', 'kube-scheduler')).spec?.holderIdentity

  it('only the leader schedules, and a leader that shuts down releases the lease so the standby takes over within a retry period', async () => {
    const a = c.startScheduler({ leaderElection: election }, { identity: 'sched-a' })
    await waitFor('sched-a to lead', async () => (await holder()) === 'sched-a' ? true : undefined)
    const b = c.startScheduler({ leaderElection: election }, { identity: 'sched-b' })
    const [portA, portB] = [await a.port, await b.port]
    for (let i = 0; i < 3; i++) {
      await c.client.resource(resources.pods).create('default', pod(`led-${i}`))
      expect(await boundNode(c.client, `led-${i}`)).toBe('n1')
    }
    expect(await attempts(portA)).toBe(3)
    expect(await attempts(portB)).toBe(0)
    expect(await holder()).toBe('sched-a')

    // a clean shutdown releases the lease (upstream ReleaseOnCancel): nobody holds it, or the standby already does
    await a.stop()
    const stoppedAt = Date.now()
    expect([undefined, 'sched-b']).toContain(await holder())
    await c.client.resource(resources.pods).create('default', pod('after-failover'))
    expect(await boundNode(c.client, 'after-failover')).toBe('n1')
    // one retry period (0.5 s, jittered) plus informer sync, well under the 2 s lease an unreleased lease would need
    expect(Date.now() - stoppedAt).toBeLessThan(2000)
    expect(await holder()).toBe('sched-b')
    expect(await attempts(portB)).toBe(1)
  })
})
