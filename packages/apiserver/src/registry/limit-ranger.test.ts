import { schemaForResource, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import { LimitRanger } from './limit-ranger.js'
import { caught } from './registry-harness.js'

function schema (resource: string): ResourceSchema {
  const s = schemaForResource('', 'v1', resource)
  if (s === undefined) throw new Error(`no ${resource}`)
  return s
}
const pods = schema('pods')
const limitRanges = schema('limitranges')

const lr = (name: string, limits: Array<Record<string, unknown>>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'demo' }, spec: { limits } })
const pod = (containers: Array<Record<string, unknown>>, init: Array<Record<string, unknown>> = []): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'demo' }, spec: { containers, ...(init.length > 0 ? { initContainers: init } : {}) } })
const defaults = lr('defaults', [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '64Mi' } }])

async function setup (ranges: KubeObject[]): Promise<{ storage: MemoryStorage, ranger: LimitRanger, clock: { t: number } }> {
  const storage = new MemoryStorage()
  for (const r of ranges) await storage.create(`/registry/limitranges/demo/${r.metadata.name ?? ''}`, r)
  const clock = { t: 1000 }
  return { storage, ranger: new LimitRanger(storage, '/registry', { now: () => clock.t }), clock }
}

describe('LimitRanger admission on pod create', () => {
  it.each([
    {
      name: 'fills a container without resources from the Container defaults and notes it',
      ranges: [defaults],
      pod: pod([{ name: 'c', image: 'nginx' }]),
      resources: [{ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '64Mi' } }],
      annotation: 'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c'
    },
    {
      name: 'keeps what a container sets and takes a request from its own limit before the default request',
      ranges: [defaults],
      pod: pod([{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }]),
      resources: [{ limits: { cpu: '1', memory: '256Mi' }, requests: { cpu: '1', memory: '64Mi' } }],
      annotation: 'LimitRanger plugin set: memory request for container c; memory limit for container c'
    },
    {
      name: 'defaults init containers too, named as such',
      ranges: [lr('r', [{ type: 'Container', defaultRequest: { cpu: '100m' } }])],
      pod: pod([{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1' } } }], [{ name: 'i', image: 'busybox' }]),
      resources: [{ requests: { cpu: '1' } }],
      annotation: 'LimitRanger plugin set: cpu request for init container i'
    },
    {
      name: 'leaves a pod alone when the namespace has no limit range',
      ranges: [],
      pod: pod([{ name: 'c', image: 'nginx' }]),
      resources: [undefined],
      annotation: undefined
    }
  ])('$name', async ({ ranges, pod: p, resources, annotation }) => {
    const { ranger } = await setup(ranges)
    await ranger.admitCreate(pods, 'demo', p)
    expect((p.spec as { containers: Array<{ resources?: unknown }> }).containers.map((c) => c.resources)).toEqual(resources)
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(annotation)
  })

  it.each([
    {
      name: 'a limit above the Container max',
      limits: [{ type: 'Container', max: { cpu: '1' } }],
      containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '2' } } }],
      message: 'pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2'
    },
    {
      name: 'a request below the Container min, next to a missing limit under a max',
      limits: [{ type: 'Container', min: { memory: '64Mi' } }, { type: 'Pod', max: { memory: '1Gi' } }],
      containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '32Mi' } } }],
      message: 'pods "p" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, maximum memory usage per Pod is 1Gi.  No limit is specified]'
    },
    {
      name: 'a pod whose containers add up past the Pod max',
      limits: [{ type: 'Pod', max: { cpu: '1' } }],
      containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '600m' } } }, { name: 'b', image: 'x', resources: { limits: { cpu: '600m' } } }],
      message: 'pods "p" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m'
    },
    {
      name: 'a limit too far above its request',
      limits: [{ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }],
      containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' }, limits: { cpu: '500m' } } }],
      message: 'pods "p" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000'
    }
  ])('refuses $name with 403 Forbidden', async ({ limits, containers, message }) => {
    const { ranger } = await setup([lr('r', limits)])
    const err = await caught(ranger.admitCreate(pods, 'demo', pod(containers)))
    expect(err).toMatchObject({ code: 403, reason: 'Forbidden', message })
  })

  it('sees a LimitRange written through the registry at once, though the listing was cached a moment before', async () => {
    const { storage, ranger } = await setup([])
    await ranger.admitCreate(pods, 'demo', pod([{ name: 'c', image: 'x' }]))
    ranger.noteWrite(limitRanges, 'demo')
    await storage.create('/registry/limitranges/demo/defaults', defaults)
    const p = pod([{ name: 'c', image: 'x' }])
    await ranger.admitCreate(pods, 'demo', p)
    expect(p.metadata.annotations?.['kubernetes.io/limit-ranger']).toBeDefined()
  })

  it('does nothing when turned off with --disable-admission-plugins=LimitRanger', async () => {
    const storage = new MemoryStorage()
    await storage.create('/registry/limitranges/demo/defaults', defaults)
    const p = pod([{ name: 'c', image: 'x' }])
    await new LimitRanger(storage, '/registry', { enabled: false }).admitCreate(pods, 'demo', p)
    expect(p.metadata.annotations).toBeUndefined()
  })
})
