import { schemaForResource, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import { QuotaAdmission, usageOf } from './quota-admission.js'
import { caught } from './registry-harness.js'

function schema (resource: string, group = ''): ResourceSchema {
  const s = schemaForResource(group, 'v1', resource)
  if (s === undefined) throw new Error(`no ${resource}`)
  return s
}
const pods = schema('pods')
const configmaps = schema('configmaps')
const services = schema('services')
const quotas = schema('resourcequotas')
const deployments = schema('deployments', 'apps')

const quota = (name: string, hard: Record<string, string>, used: Record<string, string> | undefined, spec: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'demo' }, spec: { hard, ...spec }, status: { hard, ...(used !== undefined ? { used } : {}) } })
const pod = (containers: Array<Record<string, unknown>>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'demo' }, spec: { containers } })
const cm = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'demo' } })
const withCpu = (cpu: string): Record<string, unknown> => ({ name: 'c', image: 'x', resources: { requests: { cpu } } })

async function setup (items: KubeObject[]): Promise<{ storage: MemoryStorage, admission: QuotaAdmission }> {
  const storage = new MemoryStorage()
  for (const q of items) await storage.create(`/registry/resourcequotas/demo/${q.metadata.name ?? ''}`, q)
  return { storage, admission: new QuotaAdmission(storage, '/registry') }
}
const usedOf = async (storage: MemoryStorage, name: string): Promise<unknown> => (await storage.get(`/registry/resourcequotas/demo/${name}`))?.status

describe('ResourceQuota admission on create', () => {
  it.each([
    { name: 'a pod counts once under pods and count/pods, with its requests and limits', s: pods, obj: pod([{ name: 'a', image: 'x', resources: { requests: { cpu: '100m' }, limits: { memory: '1Gi' } } }, withCpu('200m')]), want: { 'count/pods': '1', pods: '1', cpu: '300m', 'requests.cpu': '300m', 'limits.memory': '1Gi' } },
    { name: 'a deployment counts under count/deployments.apps only', s: deployments, obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }, want: { 'count/deployments.apps': '1' } },
    { name: 'a NodePort service counts its ports as node ports', s: services, obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 1 }, { port: 2 }] } }, want: { 'count/services': '1', services: '1', 'services.nodeports': '2' } }
  ])('$name', ({ s, obj, want }) => {
    expect(Object.fromEntries([...usageOf(s, obj as KubeObject)].map(([k, q]) => [k, q.toString()]))).toEqual(want)
  })

  it('reserves the new usage in status.used before the object is stored', async () => {
    const { storage, admission } = await setup([quota('rq', { pods: '2', 'requests.cpu': '1' }, { pods: '1', 'requests.cpu': '100m' })])
    await admission.admitCreate(pods, 'demo', pod([withCpu('200m')]), false)
    expect(await usedOf(storage, 'rq')).toEqual({ hard: { pods: '2', 'requests.cpu': '1' }, used: { pods: '2', 'requests.cpu': '300m' } })
  })

  it('reserves nothing for a dry run', async () => {
    const { storage, admission } = await setup([quota('rq', { configmaps: '5' }, { configmaps: '1' })])
    await admission.admitCreate(configmaps, 'demo', cm(), true)
    expect(await usedOf(storage, 'rq')).toEqual({ hard: { configmaps: '5' }, used: { configmaps: '1' } })
  })

  it.each([
    { name: 'a create past the hard limit', items: [quota('rq', { pods: '2' }, { pods: '2' })], obj: pod([withCpu('1')]), message: 'pods "p" is forbidden: exceeded quota: rq, requested: pods=1, used: pods=2, limited: pods=2' },
    { name: 'a pod past a cpu limit, naming only what is exceeded', items: [quota('rq', { pods: '9', 'requests.cpu': '1' }, { pods: '1', 'requests.cpu': '900m' })], obj: pod([withCpu('200m')]), message: 'pods "p" is forbidden: exceeded quota: rq, requested: requests.cpu=200m, used: requests.cpu=900m, limited: requests.cpu=1' },
    { name: 'a pod without the cpu request a quota tracks', items: [quota('compute', { 'requests.cpu': '1', 'limits.memory': '1Gi' }, { 'requests.cpu': '0', 'limits.memory': '0' })], obj: pod([{ name: 'web', image: 'x' }]), message: 'pods "p" is forbidden: failed quota: compute: must specify limits.memory for: web; requests.cpu for: web' },
    { name: 'a create before the quota controller has counted usage', items: [quota('rq', { configmaps: '2' }, undefined)], obj: cm(), message: 'configmaps "c" is forbidden: status unknown for quota: rq, resources: configmaps' }
  ])('refuses $name with 403', async ({ items, obj, message }) => {
    const { storage, admission } = await setup(items)
    const s = obj.kind === 'Pod' ? pods : configmaps
    const before = await usedOf(storage, items[0]?.metadata.name ?? '')
    expect(await caught(admission.admitCreate(s, 'demo', obj, false))).toMatchObject({ code: 403, reason: 'Forbidden', message })
    expect(await usedOf(storage, items[0]?.metadata.name ?? '')).toEqual(before)
  })

  it('leaves objects a quota does not track, and scoped quotas, alone', async () => {
    const { storage, admission } = await setup([quota('rq', { pods: '0' }, { pods: '0' }), quota('scoped', { configmaps: '0' }, { configmaps: '0' }, { scopes: ['BestEffort'] })])
    await admission.admitCreate(configmaps, 'demo', cm(), false)
    expect(await usedOf(storage, 'scoped')).toEqual({ hard: { configmaps: '0' }, used: { configmaps: '0' } })
  })

  it('sees a quota written through the registry at once, though the listing was cached a moment before', async () => {
    const { storage, admission } = await setup([])
    await admission.admitCreate(configmaps, 'demo', cm(), false)
    admission.noteWrite(quotas, 'demo')
    await storage.create('/registry/resourcequotas/demo/rq', quota('rq', { configmaps: '0' }, { configmaps: '0' }))
    expect(await caught(admission.admitCreate(configmaps, 'demo', cm(), false))).toMatchObject({ code: 403 })
  })
})
