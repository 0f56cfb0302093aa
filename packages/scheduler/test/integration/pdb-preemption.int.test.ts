import type { Pod } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { resources } from '@kube-ts/client'
import { boundNode, cpuSpec, createNode, finalizeTerminatingPods, getPod, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('kube-scheduler PDB-aware preemption', () => {
  let c: Cluster
  let stopKubelet = (): void => {}
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('guarded', { cpu: '1' }))
    await createNode(c.client, node('open', { cpu: '1' }))
    const pdbs = c.client.resource<PodDisruptionBudget>(resources.podDisruptionBudgets)
    const created = await pdbs.create('default', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } })
    // what the disruption controller would report for one healthy db pod
    await pdbs.updateStatus('default', { ...created, status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1, observedGeneration: created.metadata?.generation } })
    c.startScheduler()
    stopKubelet = finalizeTerminatingPods(c.client)
  })
  afterAll(async () => { stopKubelet(); await c.stop() })

  it('evicts the unprotected pod even though the PDB-protected one has lower priority', async () => {
    const pods = c.client.resource<Pod>(resources.pods)
    // without the PDB, the node with the lowest-priority victim (db, priority 1) would be chosen
    await pods.create('default', pod('db', { ...cpuSpec('800m'), priority: 1, nodeName: 'guarded' }, { app: 'db' }))
    await pods.create('default', pod('batch', { ...cpuSpec('800m'), priority: 5, nodeName: 'open' }))
    await pods.create('default', pod('preemptor', { ...cpuSpec('800m'), priority: 1000 }))
    expect(await boundNode(c.client, 'preemptor')).toBe('open')
    expect(await getPod(c.client, 'batch')).toBeUndefined()
    expect((await getPod(c.client, 'db'))?.metadata?.deletionTimestamp).toBeUndefined()
    const events = await waitFor('the Preempted event', async () => {
      const list = await c.client.resource<{ reason?: string, message?: string, involvedObject?: { name?: string } }>(resources.events).list('default')
      const e = list.items.find(x => x.reason === 'Preempted')
      return e === undefined ? undefined : list.items
    })
    const preemptor = await getPod(c.client, 'preemptor')
    expect(events.filter(e => e.reason === 'Preempted').map(e => [e.involvedObject?.name, e.message])).toEqual([['batch', `Preempted by pod ${preemptor?.metadata?.uid ?? ''} on node open`]])
  })
})
