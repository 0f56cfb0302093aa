import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { boundNode, cpuSpec, createNode, finalizeTerminatingPods, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('kube-scheduler preemption and requeueing', () => {
  let c: Cluster
  let stopKubelet = (): void => {}
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('only', { cpu: '1' }))
    c.startScheduler()
    stopKubelet = finalizeTerminatingPods(c.client)
  })
  afterAll(async () => { stopKubelet(); await c.stop() })

  it('evicts a lower-priority pod, nominates the node, and then binds the preemptor there', async () => {
    await c.client.resource<Pod>(resources.pods).create('default', pod('victim', { ...cpuSpec('800m'), priority: 1 }))
    expect(await boundNode(c.client, 'victim')).toBe('only')
    await c.client.resource<Pod>(resources.pods).create('default', pod('preemptor', { ...cpuSpec('800m'), priority: 1000 }))
    await waitFor('the victim to be gone', async () => {
      try { await c.client.resource<Pod>(resources.pods).get('default', 'victim'); return undefined } catch (err) { return (err as { reason?: string }).reason === 'NotFound' ? true : undefined }
    })
    expect(await boundNode(c.client, 'preemptor')).toBe('only')
    const events = await c.client.resource<{ reason?: string, involvedObject?: { name?: string } }>(resources.events).list('default')
    expect(events.items.some(e => e.reason === 'Preempted' && e.involvedObject?.name === 'victim')).toBe(true)
  })

  it('schedules a waiting pod once the pod holding its resources is deleted', async () => {
    await c.client.resource<Pod>(resources.pods).create('default', pod('waiter', { ...cpuSpec('800m'), priority: 0 }))
    await waitFor('waiter to be unschedulable', async () => {
      const p = await c.client.resource<Pod>(resources.pods).get('default', 'waiter')
      return p.status?.conditions?.some(x => x.type === 'PodScheduled' && x.status === 'False') === true ? true : undefined
    })
    await c.client.resource<Pod>(resources.pods).delete('default', 'preemptor', { gracePeriodSeconds: 0 })
    expect(await boundNode(c.client, 'waiter')).toBe('only')
  })
})
