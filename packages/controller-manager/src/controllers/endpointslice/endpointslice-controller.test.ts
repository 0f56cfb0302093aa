import type { Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformerFactory } from '../../controller-utils/testing/fake-informers.js'
import { EndpointSliceController, managedByLabel, managedByValue, serviceNameLabel } from './endpointslice-controller.js'

const svc = (spec: Service['spec'] = {}): Service => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'ns', uid: 'svc-uid', labels: { team: 'a' } },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' as unknown as number }], ...spec }
})

const pod = (name: string, o: { ip?: string, ready?: boolean, deleting?: boolean, labels?: Record<string, string>, phase?: string, node?: string } = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `${name}-uid`, labels: o.labels ?? { app: 'web' }, ...(o.deleting === true ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: { nodeName: o.node ?? 'n1', containers: [{ name: 'c', image: 'busybox', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: o.phase ?? 'Running', ...(o.ip === '' ? {} : { podIP: o.ip ?? '10.244.0.5' }), conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] }
})

const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'topology.kubernetes.io/zone': 'z1' } } }

function fixture (services: Service[], pods: Pod[], slices: EndpointSlice[] = [], max?: number) {
  const client = new FakeClient(() => 0)
  for (const s of slices) client.seed(resources.endpointSlices, s)
  const f = new FakeInformerFactory({ services, pods, nodes: [node], endpointslices: slices })
  const c = new EndpointSliceController({
    client,
    serviceInformer: f.forResource(resources.services),
    podInformer: f.forResource(resources.pods),
    nodeInformer: f.forResource(resources.nodes),
    sliceInformer: f.forResource(resources.endpointSlices),
    logger: noopLogger,
    clock: new FakeClock(0),
    ...(max === undefined ? {} : { maxEndpointsPerSlice: max })
  })
  return { client, c }
}

const created = (client: FakeClient): EndpointSlice[] => client.actions.filter((a) => a.verb === 'create').map((a) => a.object as EndpointSlice)

describe('EndpointSliceController.sync', () => {
  it.each<{ name: string, pods: Pod[], service?: Service, want: Array<{ ip: string, ready: boolean, serving: boolean, terminating: boolean }>, ports: unknown[] }>([
    { name: 'puts a ready pod in a slice with the named target port resolved', pods: [pod('a')], want: [{ ip: '10.244.0.5', ready: true, serving: true, terminating: false }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    { name: 'marks an unready pod not ready and not serving', pods: [pod('a', { ready: false })], want: [{ ip: '10.244.0.5', ready: false, serving: false, terminating: false }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    { name: 'keeps a terminating ready pod as serving and terminating but not ready', pods: [pod('a', { deleting: true })], want: [{ ip: '10.244.0.5', ready: false, serving: true, terminating: true }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    { name: 'publishes not-ready addresses as ready when the service asks', service: svc({ publishNotReadyAddresses: true }), pods: [pod('a', { ready: false })], want: [{ ip: '10.244.0.5', ready: true, serving: false, terminating: false }], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    { name: 'leaves out pods without an IP, finished pods and pods the selector misses', pods: [pod('a', { ip: '' }), pod('b', { phase: 'Succeeded' }), pod('c', { labels: { app: 'db' } })], want: [], ports: [] }
  ])('$name', async ({ pods, service, want, ports }) => {
    const { client, c } = fixture([service ?? svc()], pods)
    await c.sync('ns/web')
    const slices = created(client)
    expect(slices).toHaveLength(1)
    const s = slices[0] as EndpointSlice
    expect(s.metadata?.labels).toEqual({ team: 'a', [serviceNameLabel]: 'web', [managedByLabel]: managedByValue })
    expect(s.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'Service', name: 'web', uid: 'svc-uid', controller: true })])
    expect(s.ports).toEqual(ports)
    expect(s.endpoints.map((e) => ({ ip: e.addresses[0], ...e.conditions }))).toEqual(want)
    for (const e of s.endpoints) expect(e).toMatchObject({ nodeName: 'n1', zone: 'z1', targetRef: { kind: 'Pod' } })
  })

  it('splits 250 endpoints into slices of at most 100', async () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(`p${String(i).padStart(3, '0')}`, { ip: `10.244.${Math.floor(i / 200)}.${i % 200}` }))
    const { client, c } = fixture([svc()], pods)
    await c.sync('ns/web')
    expect(created(client).map((s) => s.endpoints.length)).toEqual([100, 100, 50])
  })

  it('does nothing more when the cached slice already matches', async () => {
    const first = fixture([svc()], [pod('a')])
    await first.c.sync('ns/web')
    const slice = { ...(created(first.client)[0] as EndpointSlice), metadata: { ...created(first.client)[0]?.metadata, name: 'web-abc', resourceVersion: '5' } }
    const { client, c } = fixture([svc()], [pod('a')], [slice])
    await c.sync('ns/web')
    expect(client.actions.filter((a) => a.verb !== 'get' && a.verb !== 'list')).toEqual([])
  })

  it('updates a slice in place when a pod turns unready, and deletes slices of a removed service', async () => {
    const first = fixture([svc()], [pod('a')])
    await first.c.sync('ns/web')
    const slice = { ...(created(first.client)[0] as EndpointSlice), metadata: { ...created(first.client)[0]?.metadata, name: 'web-abc', resourceVersion: '5' } }
    const upd = fixture([svc()], [pod('a', { ready: false })], [slice])
    await upd.c.sync('ns/web')
    expect(upd.client.actions.map((a) => `${a.verb} ${a.name ?? ''}`)).toEqual(['update web-abc'])
    const gone = fixture([], [pod('a')], [slice])
    await gone.c.sync('ns/web')
    expect(gone.client.actions.map((a) => `${a.verb} ${a.name ?? ''}`)).toEqual(['delete web-abc'])
  })

  it('waits for the cache instead of creating a second slice', async () => {
    const { client, c } = fixture([svc()], [pod('a')])
    await c.sync('ns/web')
    await c.sync('ns/web')
    expect(created(client)).toHaveLength(1)
  })
})
