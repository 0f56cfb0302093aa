import type { ConfigMap, Namespace, Pod, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1.js'
import type { Deployment } from 'kubernetes-types/apps/v1.js'
import { isNotFound } from '@kube-ts/api'
import { resources } from '@kube-ts/client'
import { startCluster, waitFor } from './harness.js'
import type { Cluster } from './harness.js'

jest.setTimeout(120_000)

describe('namespace and serviceaccount controllers against the real apiserver', () => {
  let c: Cluster
  beforeAll(async () => {
    c = await startCluster()
    c.startControllerManager({ controllers: ['namespace-controller', 'serviceaccount-controller'] })
  })
  afterAll(async () => { await c.stop() })

  it('gives a new namespace its default ServiceAccount', async () => {
    await c.client.resource<Namespace>(resources.namespaces).create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sa-test' } })
    const sa = await waitFor('default account', async () => await c.client.resource<ServiceAccount>(resources.serviceAccounts).get('sa-test', 'default'), 10_000)
    expect(sa.metadata?.name).toBe('default')
  })

  it('deletes a namespace with 200 mixed objects and leaves nothing behind', async () => {
    const ns = 'doomed'
    await c.client.resource<Namespace>(resources.namespaces).create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
    const creates: Array<Promise<unknown>> = []
    for (let i = 0; i < 50; i++) {
      creates.push(c.client.resource<ConfigMap>(resources.configMaps).create(ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { i: String(i) } }))
      creates.push(c.client.resource<Secret>(resources.secrets).create(ns, { apiVersion: 'v1', kind: 'Secret', metadata: { name: `s-${i}` }, stringData: { i: String(i) } }))
      creates.push(c.client.resource<Pod>(resources.pods).create(ns, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}` }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }))
      if (i < 25) creates.push(c.client.resource<Service>(resources.services).create(ns, { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc-${i}` }, spec: { ports: [{ port: 80 }] } }))
      else creates.push(c.client.resource<Deployment>(resources.deployments).create(ns, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d-${i}` }, spec: { replicas: 0, selector: { matchLabels: { a: `d${i}` } }, template: { metadata: { labels: { a: `d${i}` } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } } }))
    }
    await Promise.all(creates)
    await c.client.resource<Namespace>(resources.namespaces).delete('', ns)
    const refused = await c.client.resource<ConfigMap>(resources.configMaps).create(ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late' } }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 403, reason: 'Forbidden' })
    await waitFor('namespace gone', async () => {
      try { await c.client.resource<Namespace>(resources.namespaces).get('', ns); return undefined } catch (err) { return isNotFound(err) ? true : undefined }
    }, 30_000)
    for (const r of [resources.configMaps, resources.secrets, resources.pods, resources.services, resources.deployments, resources.serviceAccounts]) {
      expect((await c.client.resource(r).list(ns)).items).toEqual([])
    }
  })

  it('reports the content and finalizers holding a namespace in its status conditions, then finishes once they go', async () => {
    const ns = 'held'
    const cms = c.client.resource<ConfigMap>(resources.configMaps)
    await c.client.resource<Namespace>(resources.namespaces).create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
    await cms.create(ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept', finalizers: ['example.com/hold'] } })
    await c.client.resource<Namespace>(resources.namespaces).delete('', ns)
    const held = await waitFor('the remaining-content conditions', async () => {
      const n = await c.client.resource<Namespace>(resources.namespaces).get('', ns)
      return n.status?.conditions?.some((x) => x.type === 'NamespaceContentRemaining' && x.status === 'True') === true ? n : undefined
    }, 10_000)
    expect(held.status?.phase).toBe('Terminating')
    expect(held.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: configmaps. has 1 resource instances'],
      ['NamespaceFinalizersRemaining', 'True', 'SomeFinalizerRemain', 'Some finalizers are remaining: example.com/hold in 1 resource instances']
    ])
    await cms.patch(ns, 'kept', 'merge', { metadata: { finalizers: null } })
    await waitFor('namespace gone', async () => {
      try { await c.client.resource<Namespace>(resources.namespaces).get('', ns); return undefined } catch (err) { return isNotFound(err) ? true : undefined }
    }, 30_000)
  })
})
