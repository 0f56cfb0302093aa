import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { defaultConfig } from '../../src/config/load-config.js'
import { boundNode, cpuSpec, createNode, getPod, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('kube-scheduler nominated pods', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('only', { cpu: '1' }))
    // a 5 s first backoff keeps the preemptor waiting while the freed room is up for grabs
    c.startScheduler({}, { config: { ...defaultConfig(), podInitialBackoffSeconds: 5, podMaxBackoffSeconds: 10 } })
  })
  afterAll(async () => { await c.stop() })

  it('keeps the room a preemption freed for the preemptor when a lower-priority pod arrives right after', async () => {
    const pods = c.client.resource<Pod>(resources.pods)
    await pods.create('default', pod('victim', { ...cpuSpec('800m'), priority: 1 }))
    expect(await boundNode(c.client, 'victim')).toBe('only')
    await pods.create('default', pod('preemptor', { ...cpuSpec('800m'), priority: 1000 }))
    const victim = await waitFor('the victim to be terminating', async () => {
      const v = await getPod(c.client, 'victim')
      return v?.metadata?.deletionTimestamp != null ? v : undefined
    })
    expect(victim.status?.conditions?.find(x => x.type === 'DisruptionTarget')).toMatchObject({
      status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod'
    })
    await waitFor('the preemptor to be nominated', async () => (await getPod(c.client, 'preemptor'))?.status?.nominatedNodeName === 'only' ? true : undefined)
    // the kubelet confirms the deletion, then a low-priority pod that fits the freed room shows up at once
    await pods.delete('default', 'victim', { gracePeriodSeconds: 0 })
    await pods.create('default', pod('latecomer', { ...cpuSpec('500m'), priority: 0 }))
    await waitFor('the latecomer to be found unschedulable', async () => {
      const p = await getPod(c.client, 'latecomer')
      return p?.status?.conditions?.some(x => x.type === 'PodScheduled' && x.status === 'False') === true ? true : undefined
    })
    expect((await getPod(c.client, 'latecomer'))?.spec?.nodeName).toBeUndefined()
    expect(await boundNode(c.client, 'preemptor')).toBe('only')
    expect((await getPod(c.client, 'latecomer'))?.spec?.nodeName).toBeUndefined()
  })
})
