import type { ConfigMap, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1.js'
import { noopLogger, resources } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import { FakeInformerFactory } from '../../controller-utils/testing/fake-informers.js'
import { ResourceQuotaController } from './resource-quota-controller.js'

const pod = (name: string, cpu: string, memory: string, phase = 'Running'): Pod => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns' },
  spec: { containers: [{ name: 'a', image: 'x', resources: { requests: { cpu, memory }, limits: { cpu, memory } } }, { name: 'b', image: 'x', resources: { requests: { cpu: '100m' } } }] },
  status: { phase }
})
const quota = (hard: Record<string, string>): ResourceQuota => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'ns', uid: 'q-uid' }, spec: { hard } })
const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' } }
const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } }

describe('ResourceQuotaController.sync', () => {
  it.each<{ name: string, hard: Record<string, string>, want: Record<string, string> }>([
    { name: 'counts non-terminal pods and services', hard: { pods: '10', services: '5' }, want: { pods: '2', services: '1' } },
    { name: 'sums cpu and memory requests over running pods', hard: { 'requests.cpu': '4', 'requests.memory': '4Gi' }, want: { 'requests.cpu': '1200m', 'requests.memory': '1536Mi' } },
    { name: 'sums limits only where they are set', hard: { 'limits.cpu': '4' }, want: { 'limits.cpu': '1' } },
    { name: 'counts other kinds with a list', hard: { 'count/configmaps': '3' }, want: { 'count/configmaps': '1' } }
  ])('$name', async ({ hard, want }) => {
    const client = new FakeClient(() => 0)
    client.seed(resources.resourceQuotas, quota(hard))
    client.seed(resources.configMaps, cm)
    const pods = [pod('a', '500m', '1Gi'), pod('b', '500m', '512Mi'), pod('done', '8', '8Gi', 'Succeeded')]
    const f = new FakeInformerFactory({ resourcequotas: [quota(hard)], pods, services: [svc] })
    const c = new ResourceQuotaController({ client, quotaInformer: f.forResource(resources.resourceQuotas), podInformer: f.forResource(resources.pods), serviceInformer: f.forResource(resources.services), logger: noopLogger, clock: new FakeClock(0) })
    await c.sync('ns/q')
    const update = client.actions.find((a) => a.verb === 'update')
    expect(update?.subresource).toBe('status')
    expect((update?.object as ResourceQuota).status).toEqual({ hard, used: want })
  })
})
