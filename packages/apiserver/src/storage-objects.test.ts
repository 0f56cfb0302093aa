import pino from 'pino'
import { Registry } from 'prom-client'
import { schemaForResource } from '@kube-ts/api'
import { createApiMetrics } from './metrics.js'
import { objectKey } from './registry/keys.js'
import { resourceLabel, runStorageObjectsMetric, updateStorageObjects } from './storage-objects.js'
import { MemoryStorage } from './storage/memory-storage.js'

const pods = schemaForResource('', 'v1', 'pods')
const deployments = schemaForResource('apps', 'v1', 'deployments')
const obj = (kind: string, name: string) => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'ns' } })

async function gaugeValues (registry: Registry): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('apiserver_storage_objects')?.get()
  return Object.fromEntries((metric?.values ?? []).map(v => [String(v.labels.resource), v.value]))
}

describe('apiserver_storage_objects', () => {
  it('labels resources as upstream GroupResources', () => {
    expect(resourceLabel(pods)).toBe('pods')
    expect(resourceLabel(deployments)).toBe('deployments.apps')
  })

  it('counts the stored objects of each resource once', async () => {
    const storage = new MemoryStorage()
    await storage.create(objectKey('/registry', pods, 'ns', 'a'), obj('Pod', 'a'))
    await storage.create(objectKey('/registry', pods, 'other', 'b'), obj('Pod', 'b'))
    const metrics = createApiMetrics(new Registry())
    const failed = await updateStorageObjects(storage, [pods, deployments, pods], '/registry', metrics.storageObjects)
    expect(failed).toBe(0)
    expect(await gaugeValues(metrics.registry)).toEqual({ pods: 2, 'deployments.apps': 0 })
  })

  it('reads -1 for a resource whose count fails', async () => {
    const metrics = createApiMetrics(new Registry())
    const failing = { count: async () => { throw new Error('etcd down') } }
    expect(await updateStorageObjects(failing, [pods], '/registry', metrics.storageObjects)).toBe(1)
    expect(await gaugeValues(metrics.registry)).toEqual({ pods: -1 })
  })

  it('polls at once and then every period until aborted', async () => {
    const metrics = createApiMetrics(new Registry())
    let calls = 0
    const storage = { count: async () => ++calls }
    const ctl = new AbortController()
    const run = runStorageObjectsMetric({ storage, schemas: [pods], prefix: '/registry', gauge: metrics.storageObjects, logger: pino({ level: 'silent' }) }, 20, ctl.signal)
    await new Promise(resolve => setTimeout(resolve, 70))
    ctl.abort()
    await run
    expect(calls).toBeGreaterThanOrEqual(2)
    expect((await gaugeValues(metrics.registry)).pods).toBe(calls)
  })

  it('does nothing with a period of 0', async () => {
    const metrics = createApiMetrics(new Registry())
    let calls = 0
    await runStorageObjectsMetric({ storage: { count: async () => ++calls }, schemas: [pods], prefix: '/registry', gauge: metrics.storageObjects, logger: pino({ level: 'silent' }) }, 0, new AbortController().signal)
    expect(calls).toBe(0)
  })
})
