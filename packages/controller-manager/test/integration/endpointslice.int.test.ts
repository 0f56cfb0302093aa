import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import { resources } from '@kube-ts/client'
import { startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

const podSpec = (name: string): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox', ports: [{ name: 'http', containerPort: 8080 }] }] }
})

describe('endpointslice and endpoints controllers against the real apiserver', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    c.startControllerManager({ controllers: ['endpointslice-controller', 'endpoints-controller'] })
  })
  afterAll(async () => { await c.stop() })

  const slices = async (): Promise<EndpointSlice[]> =>
    (await c.client.resource<EndpointSlice>(resources.endpointSlices).list('default', { labelSelector: 'kubernetes.io/service-name=web' })).items
  const readyState = async (): Promise<string> => {
    const eps = (await slices()).flatMap((s) => s.endpoints ?? [])
    return eps.map((e) => `${e.targetRef?.name ?? ''}:${e.conditions?.ready === true ? 'ready' : 'unready'}`).sort().join(',')
  }
  const setReady = async (name: string, ip: string, ready: boolean): Promise<void> => {
    await c.client.resource<Pod>(resources.pods).patch('default', name, 'merge', { status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } }, { subresource: 'status' })
  }
  // the issue asks for the slice to follow pod changes within a second
  const within1s = async (want: string): Promise<void> => { await waitFor(want, async () => (await readyState()) === want ? true : undefined, 1000) }

  it('follows pods becoming ready, unready and deleted within a second, and mirrors Endpoints', async () => {
    await c.client.resource<Service>(resources.services).create('default', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] }
    })
    const placeholder = await waitFor('an empty slice', async () => { const s = await slices(); return s.length === 1 ? s[0] : undefined }, 5000)
    expect(placeholder.metadata?.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' })
    for (const n of ['a', 'b']) await c.client.resource<Pod>(resources.pods).create('default', podSpec(n))
    await setReady('a', '10.244.0.10', true)
    await setReady('b', '10.244.0.11', false)
    await within1s('a:ready,b:unready')
    const [s] = await slices()
    expect(s?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    await setReady('b', '10.244.0.11', true)
    await within1s('a:ready,b:ready')
    await setReady('a', '10.244.0.10', false)
    await within1s('a:unready,b:ready')
    await c.client.resource<Pod>(resources.pods).delete('default', 'b', { gracePeriodSeconds: 0 } as never)
    await within1s('a:unready')
    const ep = await waitFor('endpoints mirror', async () => {
      const e = await c.client.resource<Endpoints>(resources.endpoints).get('default', 'web')
      return e.subsets?.[0]?.notReadyAddresses?.[0]?.ip === '10.244.0.10' && e.subsets[0].addresses === undefined ? e : undefined
    }, 2000)
    expect(ep.subsets?.[0]?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }])
    expect((await slices())).toHaveLength(1)
  })

  it('points the kubernetes Service at the apiserver from the kubeconfig', async () => {
    const port = Number(new URL(c.url).port)
    const slice = await waitFor('kubernetes slice', async () => await c.client.resource<EndpointSlice>(resources.endpointSlices).get('default', 'kubernetes'), 5000)
    expect(slice).toMatchObject({ addressType: 'IPv4', endpoints: [{ addresses: ['127.0.0.1'] }], ports: [{ name: 'https', port, protocol: 'TCP' }] })
    expect(slice.metadata?.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' })
    const ep = await c.client.resource<Endpoints>(resources.endpoints).get('default', 'kubernetes')
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port, protocol: 'TCP' }] }])
  })
})
