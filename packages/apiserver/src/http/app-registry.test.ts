import request from 'supertest'
import { allSchemas } from '@kube-ts/api'
import { createApp } from '../app.js'
import { MemoryStorage } from '../storage/memory-storage.js'
import { GenericRegistry } from '../registry/generic-registry.js'
import { defaultPatchEngines } from './patch-engines.js'

/** The real stack below HTTP (GenericRegistry over MemoryStorage, the real schemas), without etcd. */
function realApp (): ReturnType<typeof createApp> {
  const storage = new MemoryStorage()
  const store = new GenericRegistry({ storage })
  return createApp({ store, schemas: allSchemas(), healthy: async () => await storage.healthy(), patch: defaultPatchEngines() })
}

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
const pod = (name: string): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }] } })

describe('createApp over GenericRegistry and MemoryStorage', () => {
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    app = realApp()
    expect((await request(app).post('/api/v1/namespaces').send({ metadata: { name: 'default' } })).status).toBe(201)
  })

  it('creates a pod and lists it as the upstream pod table', async () => {
    expect((await request(app).post('/api/v1/namespaces/default/pods').send(pod('web'))).status).toBe(201)
    const res = await request(app).get('/api/v1/namespaces/default/pods').set('Accept', tableAccept)
    expect(res.body.columnDefinitions.slice(0, 5).map((c: { name: string }) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age'])
    expect(res.body.rows[0].cells.slice(0, 4)).toEqual(['web', '0/1', 'Pending', '0'])
  })

  it('answers an invalid name with 422 and field causes from the real validation', async () => {
    const res = await request(app).post('/api/v1/namespaces/default/configmaps').send({ metadata: { name: 'Not_Valid' } })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ reason: 'Invalid', details: { name: 'Not_Valid', kind: 'ConfigMap', causes: [expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' })] } })
  })

  it('refuses objects in a namespace that does not exist', async () => {
    const res = await request(app).post('/api/v1/namespaces/nope/configmaps').send({ metadata: { name: 'a' } })
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('namespaces "nope" not found')
  })

  it('scales a deployment and keeps its selector', async () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } }
    }
    expect((await request(app).post('/apis/apps/v1/namespaces/default/deployments').send(dep)).status).toBe(201)
    const scaled = await request(app).patch('/apis/apps/v1/namespaces/default/deployments/d/scale').set('Content-Type', 'application/merge-patch+json').send('{"spec":{"replicas":4}}')
    expect(scaled.status).toBe(200)
    expect(scaled.body).toMatchObject({ spec: { replicas: 4 }, status: { selector: 'a=b' } })
    const negative = await request(app).put('/apis/apps/v1/namespaces/default/deployments/d/scale').send({ spec: { replicas: -2 } })
    expect(negative.status).toBe(422)
  })

  it('answers 409 for a stale resourceVersion and 404 for a missing object', async () => {
    const created = await request(app).post('/api/v1/namespaces/default/configmaps').send({ metadata: { name: 'a' }, data: { x: '1' } })
    await request(app).patch('/api/v1/namespaces/default/configmaps/a').set('Content-Type', 'application/merge-patch+json').send('{"data":{"x":"2"}}')
    const stale = await request(app).put('/api/v1/namespaces/default/configmaps/a').send(created.body)
    expect(stale.status).toBe(409)
    expect((await request(app).get('/api/v1/namespaces/default/configmaps/zzz')).status).toBe(404)
  })

  it('deletes with a Success status for configmaps and the object for pods', async () => {
    await request(app).post('/api/v1/namespaces/default/configmaps').send({ metadata: { name: 'a' } })
    const cm = await request(app).delete('/api/v1/namespaces/default/configmaps/a')
    expect(cm.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'a', kind: 'configmaps' } })
    await request(app).post('/api/v1/namespaces/default/pods').send(pod('p'))
    const p = await request(app).delete('/api/v1/namespaces/default/pods/p?gracePeriodSeconds=0')
    expect(p.status).toBe(200)
    expect(p.body.kind).toBe('Pod')
  })

  it('evicts through the real registry, honouring a PodDisruptionBudget', async () => {
    await request(app).post('/api/v1/namespaces/default/pods').send({ ...pod('p'), metadata: { name: 'p', labels: { app: 'p' } } })
    const running = await request(app).patch('/api/v1/namespaces/default/pods/p/status').set('Content-Type', 'application/merge-patch+json')
      .send('{"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}')
    expect(running.status).toBe(200)
    const pdb = await request(app).post('/apis/policy/v1/namespaces/default/poddisruptionbudgets').send({ metadata: { name: 'b' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'p' } } } })
    expect(pdb.status).toBe(201)
    const setStatus = async (allowed: number): Promise<void> => {
      const res = await request(app).patch('/apis/policy/v1/namespaces/default/poddisruptionbudgets/b/status').set('Content-Type', 'application/merge-patch+json')
        .send(JSON.stringify({ status: { observedGeneration: pdb.body.metadata.generation ?? 1, disruptionsAllowed: allowed, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } }))
      expect(res.status).toBe(200)
    }
    await setStatus(0)
    const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'p' } }
    expect((await request(app).post('/api/v1/namespaces/default/pods/p/eviction').send(eviction)).status).toBe(429)
    await setStatus(1)
    expect((await request(app).post('/api/v1/namespaces/default/pods/p/eviction').send(eviction)).status).toBe(201)
    const after = await request(app).get('/api/v1/namespaces/default/pods/p')
    // pods get a graceful delete: either gone or marked for deletion, and marked as a disruption target
    if (after.status === 200) {
      expect(after.body.metadata.deletionTimestamp).toBeDefined()
      expect(after.body.status.conditions).toContainEqual(expect.objectContaining({ type: 'DisruptionTarget', status: 'True' }))
    } else {
      expect(after.status).toBe(404)
    }
    const spent = await request(app).get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/b')
    expect(spent.body.status.disruptionsAllowed).toBe(0)
  })
})
