import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps, pods } from './testing/fixtures.js'

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'

describe('tables', () => {
  const seeded = (): ReturnType<typeof newTestApp> => {
    const t = newTestApp()
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'web', labels: { app: 'web' } }, spec: { nodeName: 'n1' }, status: { phase: 'Running' } })
    t.store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'cfg' } })
    return t
  }

  it('lists as a Table from the printer columns, with PartialObjectMetadata rows', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/pods?limit=500').set('Accept', tableAccept)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: expect.any(String) } })
    expect(res.body.columnDefinitions).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: 'the name', priority: 0 },
      { name: 'Status', type: 'string', format: '', description: 'the phase', priority: 0 },
      { name: 'Node', type: 'string', format: '', description: 'the node', priority: 1 }
    ])
    expect(res.body.rows).toEqual([{
      cells: ['web', 'Running', 'n1'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: expect.objectContaining({ name: 'web', namespace: 'default', labels: { app: 'web' } }) }
    }])
  })

  it.each([
    { name: 'the full object with includeObject=Object', query: '?includeObject=Object', want: expect.objectContaining({ kind: 'Pod', spec: { nodeName: 'n1' } }) },
    { name: 'no object with includeObject=None', query: '?includeObject=None', want: null }
  ])('embeds $name', async ({ query, want }) => {
    const res = await request(seeded().app).get(`/api/v1/namespaces/default/pods${query}`).set('Accept', tableAccept)
    expect(res.body.rows[0].object).toEqual(want)
  })

  it('answers a single GET with a one-row Table', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/pods/web').set('Accept', tableAccept)
    expect(res.body.kind).toBe('Table')
    expect(res.body.rows).toHaveLength(1)
    expect(res.body.metadata).toEqual({ resourceVersion: expect.any(String) })
  })

  it('uses the default Name / Created At columns for kinds without printer columns', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/configmaps').set('Accept', tableAccept)
    expect(res.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Created At'])
    expect(res.body.rows[0].cells).toEqual(['cfg', '2026-11-23T08:00:00Z'])
  })

  it('answers plain JSON when the Accept does not ask for a Table', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/pods').set('Accept', 'application/json')
    expect(res.body.kind).toBe('PodList')
  })

  it('serves the v1beta1 Table when only that is asked for', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/pods').set('Accept', 'application/json;as=Table;v=v1beta1;g=meta.k8s.io')
    expect(res.body.apiVersion).toBe('meta.k8s.io/v1beta1')
    expect(res.body.rows[0].object.apiVersion).toBe('meta.k8s.io/v1beta1')
  })

  it('answers 406 for a Table of an unknown group version with no fallback', async () => {
    const res = await request(seeded().app).get('/api/v1/namespaces/default/pods').set('Accept', 'application/json;as=Table;v=v2;g=meta.k8s.io')
    expect(res.status).toBe(406)
    expect(res.body.reason).toBe('NotAcceptable')
  })
})
