import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'
import { pdbs, pods } from './testing/fixtures.js'

const evict = (t: TestApp, name = 'web-1', body?: unknown): request.Test =>
  request(t.app).post(`/api/v1/namespaces/default/pods/${name}/eviction`)
    .send(body ?? { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } })

function cluster (pod: { phase?: string, ready?: boolean } = {}, budgets: Array<Record<string, unknown>> = []): TestApp {
  const t = newTestApp()
  t.store.seed({ schema: pods, namespace: 'default' }, {
    metadata: { name: 'web-1', labels: { app: 'web' } },
    spec: {},
    status: { phase: pod.phase ?? 'Running', conditions: [{ type: 'Ready', status: pod.ready === false ? 'False' : 'True' }] }
  })
  budgets.forEach((status, i) => {
    t.store.seed({ schema: pdbs, namespace: 'default' }, { metadata: { name: `pdb-${i}`, generation: 1 }, spec: { selector: { matchLabels: { app: 'web' } } }, status: { observedGeneration: 1, ...status } })
  })
  return t
}

const podExists = async (t: TestApp): Promise<boolean> => (await request(t.app).get('/api/v1/namespaces/default/pods/web-1')).status === 200

describe('eviction subresource', () => {
  it('deletes a pod without a disruption budget and marks it as a disruption target first', async () => {
    const t = cluster()
    const res = await evict(t)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Success' })
    expect(await podExists(t)).toBe(false)
    const statusWrite = t.store.calls.find((c) => c.method === 'update' && c.resource === 'pods')
    expect(statusWrite).toMatchObject({ opts: { subresource: 'status' } })
    expect(t.store.calls.at(-2)).toMatchObject({ method: 'delete', opts: { preconditions: { uid: 'uid-web-1' } } })
  })

  it('spends one disruption of the matching budget', async () => {
    const t = cluster({}, [{ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 }])
    expect((await evict(t)).status).toBe(201)
    const pdb = await request(t.app).get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/pdb-0')
    expect(pdb.body.status.disruptionsAllowed).toBe(0)
    expect(Object.keys(pdb.body.status.disruptedPods)).toEqual(['web-1'])
    expect(await podExists(t)).toBe(false)
  })

  it('answers 429 with the budget cause when no disruption is allowed, and keeps the pod', async () => {
    const t = cluster({}, [{ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 }])
    const res = await evict(t)
    expect(res.status).toBe(429)
    expect(res.body).toMatchObject({
      reason: 'TooManyRequests',
      message: 'Cannot evict pod as it would violate the pod\'s disruption budget.',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget pdb-0 needs 2 healthy pods and has 2 currently' }] }
    })
    expect(await podExists(t)).toBe(true)
  })

  it('answers 429 while the budget status is older than its spec', async () => {
    const t = cluster({}, [{ disruptionsAllowed: 3, observedGeneration: 0 }])
    const res = await evict(t)
    expect(res.status).toBe(429)
    expect(res.body.details.causes[0].message).toBe('The disruption budget pdb-0 is still being processed by the server.')
  })

  it.each([
    { name: 'a pending pod', pod: { phase: 'Pending' } },
    { name: 'a succeeded pod', pod: { phase: 'Succeeded' } },
    { name: 'an unready pod when the budget is met', pod: { ready: false }, budget: { disruptionsAllowed: 0, currentHealthy: 3, desiredHealthy: 2 } }
  ])('evicts $name without spending budget', async ({ pod, budget }) => {
    const t = cluster(pod, [budget ?? { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }])
    expect((await evict(t)).status).toBe(201)
    expect(await podExists(t)).toBe(false)
  })

  it('refuses a pod covered by two budgets with 500, as upstream', async () => {
    const t = cluster({}, [{ disruptionsAllowed: 1 }, { disruptionsAllowed: 1 }])
    const res = await evict(t)
    expect(res.status).toBe(500)
    expect(res.body.message).toContain('more than one PodDisruptionBudget')
  })

  it('honours dryRun without deleting or spending', async () => {
    const t = cluster({}, [{ disruptionsAllowed: 1 }])
    expect((await request(t.app).post('/api/v1/namespaces/default/pods/web-1/eviction?dryRun=All').send({ metadata: { name: 'web-1' } })).status).toBe(201)
    expect(await podExists(t)).toBe(true)
    const pdb = await request(t.app).get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/pdb-0')
    expect(pdb.body.status.disruptionsAllowed).toBe(1)
  })

  it.each([
    { name: 'a name that differs from the URL', body: { metadata: { name: 'other' } }, code: 400 },
    { name: 'another kind', body: { kind: 'Binding', metadata: { name: 'web-1' } }, code: 400 }
  ])('rejects $name', async ({ body, code }) => {
    expect((await evict(cluster(), 'web-1', body)).status).toBe(code)
  })

  it('answers 404 for a missing pod', async () => {
    expect((await evict(cluster(), 'nope', { metadata: { name: 'nope' } })).status).toBe(404)
  })
})
