import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformerFactory } from '../../controller-utils/testing/fake-informers.js'
import { EndpointsController } from './endpoints-controller.js'

const svc = (spec: Partial<Service['spec']> = {}): Service => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'ns', uid: 'svc-uid' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec }
})
const pod = (name: string, ip: string, ready: boolean, deleting = false): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `${name}-uid`, labels: { app: 'web' }, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] }
})

function fixture (services: Service[], pods: Pod[], endpoints: Endpoints[] = []) {
  const client = new FakeClient(() => 0)
  for (const e of endpoints) client.seed(resources.endpoints, e)
  const f = new FakeInformerFactory({ services, pods, endpoints })
  const c = new EndpointsController({
    client, serviceInformer: f.forResource(resources.services), podInformer: f.forResource(resources.pods),
    endpointsInformer: f.forResource(resources.endpoints), logger: noopLogger, clock: new FakeClock(0)
  })
  return { client, c }
}

const addrs = (a: Array<{ ip: string }> | undefined): string[] => (a ?? []).map((x) => x.ip)

describe('EndpointsController.sync', () => {
  it.each<{ name: string, service: Service, pods: Pod[], ready: string[], notReady: string[] }>([
    { name: 'lists ready pods as addresses and unready ones as notReadyAddresses', service: svc(), pods: [pod('b', '10.0.0.2', false), pod('a', '10.0.0.1', true)], ready: ['10.0.0.1'], notReady: ['10.0.0.2'] },
    { name: 'drops terminating pods', service: svc(), pods: [pod('a', '10.0.0.1', true, true)], ready: [], notReady: [] },
    { name: 'keeps terminating and unready pods as ready with publishNotReadyAddresses', service: svc({ publishNotReadyAddresses: true }), pods: [pod('a', '10.0.0.1', false, true)], ready: ['10.0.0.1'], notReady: [] }
  ])('$name', async ({ service, pods, ready, notReady }) => {
    const { client, c } = fixture([service], pods)
    await c.sync('ns/web')
    const [a] = client.actions
    expect(a?.verb).toBe('create')
    const ep = a?.object as Endpoints
    expect(addrs(ep.subsets?.[0]?.addresses)).toEqual(ready)
    expect(addrs(ep.subsets?.[0]?.notReadyAddresses)).toEqual(notReady)
    if (ready.length + notReady.length > 0) expect(ep.subsets?.[0]?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
  })

  it('writes an unnamed service port without a name, as upstream serializes it', async () => {
    const { client, c } = fixture([svc({ ports: [{ port: 80 }] })], [pod('a', '10.0.0.1', true)])
    await c.sync('ns/web')
    expect((client.actions[0]?.object as Endpoints).subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }])
  })

  it('leaves services without a selector alone and deletes endpoints of deleted services', async () => {
    const manual: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'ns' }, subsets: [] }
    const noSel = fixture([svc({ selector: undefined })], [], [manual])
    await noSel.c.sync('ns/web')
    expect(noSel.client.actions).toEqual([])
    const gone = fixture([], [], [manual])
    await gone.c.sync('ns/web')
    expect(gone.client.actions.map((a) => a.verb)).toEqual(['delete'])
  })

  it('writes nothing when the endpoints are already current', async () => {
    const first = fixture([svc()], [pod('a', '10.0.0.1', true)])
    await first.c.sync('ns/web')
    const existing = { ...(first.client.actions[0]?.object as Endpoints) }
    const again = fixture([svc()], [pod('a', '10.0.0.1', true)], [existing])
    await again.c.sync('ns/web')
    expect(again.client.actions).toEqual([])
  })
})
