import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import { defaultConfig } from '../../src/config/load-config.js'
import type { PermitPlugin } from '../../src/framework/interface.js'
import type { PluginFactory } from '../../src/framework/registry.js'
import { Code, Status } from '../../src/framework/status.js'
import { WaitingPods } from '../../src/framework/waiting-pods.js'
import { boundNode, createNode, getPod, node, pod, startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const PLUGIN = 'TestPermit'

/** Test-only Permit plugin: pods labelled `gate` wait `gate` ms on their first attempt and are allowed after that. */
class GatePlugin implements PermitPlugin {
  readonly attempts = new Map<string, number>()
  name (): string { return PLUGIN }
  permit (_s: unknown, p: Pod): { status: Status, timeoutMs?: number } {
    const name = p.metadata?.name ?? ''
    const n = (this.attempts.get(name) ?? 0) + 1
    this.attempts.set(name, n)
    const gate = p.metadata?.labels?.gate
    return gate === undefined || n > 1 ? { status: Status.success() } : { status: new Status(Code.Wait), timeoutMs: Number(gate) }
  }
}

describe('kube-scheduler Permit Wait', () => {
  let c: Cluster
  const plugin = new GatePlugin()
  let waiting: WaitingPods | undefined
  const factory: PluginFactory = (_args, deps) => { waiting = deps.waitingPods; return plugin }
  beforeAll(async () => {
    c = await startCluster()
    await createNode(c.client, node('n1'))
    const config = { ...defaultConfig(), profiles: [{ schedulerName: 'default-scheduler', plugins: { permit: { enabled: [{ name: PLUGIN }] } } }] }
    c.startScheduler({}, { config, outOfTreeRegistry: new Map([[PLUGIN, factory]]) })
  })
  afterAll(async () => { await c.stop() })

  it('parks a pod at Permit and binds it once the plugin allows it', async () => {
    const created = await c.client.resource<Pod>(resources.pods).create('default', pod('held', {}, { gate: '60000' }))
    const wp = await waitFor('the pod to wait at Permit', async () => waiting?.get(created.metadata?.uid ?? ''))
    expect(wp.pendingPlugins()).toEqual([PLUGIN])
    await new Promise(resolve => setTimeout(resolve, 300))
    expect((await getPod(c.client, 'held'))?.spec?.nodeName).toBeUndefined()
    wp.allow(PLUGIN)
    expect(await boundNode(c.client, 'held')).toBe('n1')
  })

  it('rejects a pod at the timeout with upstream message and schedules it again on the next cluster event', async () => {
    await c.client.resource<Pod>(resources.pods).create('default', pod('slow', {}, { gate: '1000' }))
    const msg = 'rejected due to timeout after waiting 1s at plugin TestPermit'
    await waitFor('the FailedScheduling event', async () => {
      const list = await c.client.resource<{ reason?: string, message?: string, involvedObject?: { name?: string } }>(resources.events).list('default')
      return list.items.some(e => e.reason === 'FailedScheduling' && e.involvedObject?.name === 'slow' && e.message === msg) ? true : undefined
    })
    const p = await getPod(c.client, 'slow')
    expect(p?.spec?.nodeName).toBeUndefined()
    expect(p?.status?.conditions?.find(x => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg })
    expect(plugin.attempts.get('slow')).toBe(1)
    await createNode(c.client, node('n2'))
    await boundNode(c.client, 'slow')
    expect(plugin.attempts.get('slow')).toBe(2)
  })
})
