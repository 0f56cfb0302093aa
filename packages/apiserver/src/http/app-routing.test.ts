import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps, namespaces, nodes, pods, podsFoobar } from './testing/fixtures.js'

const cm = (name: string, ns = 'default'): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { k: 'v' } })

describe('resource routing', () => {
  it.each([
    { name: 'lists pods, not foobar, for /pods', path: '/api/v1/namespaces/ns1/pods', resource: 'pods', namespace: 'ns1' },
    { name: 'lists foobar, not pods, for /foobar', path: '/api/v1/namespaces/ns1/foobar', resource: 'foobar', namespace: 'ns1' },
    { name: 'keeps ns10 apart from ns1', path: '/api/v1/namespaces/ns10/pods', resource: 'pods', namespace: 'ns10' },
    { name: 'lists pods across namespaces', path: '/api/v1/pods', resource: 'pods', namespace: '' },
    { name: 'lists cluster-scoped nodes', path: '/api/v1/nodes', resource: 'nodes', namespace: '' }
  ])('$name', async ({ path, resource, namespace }) => {
    const { app, store } = newTestApp()
    const res = await request(app).get(path)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(store.calls).toEqual([expect.objectContaining({ method: 'list', resource, namespace })])
  })

  it('gets an item from exactly its namespace', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'ns1' }, cm('a', 'ns1'))
    expect((await request(app).get('/api/v1/namespaces/ns1/configmaps/a')).body.metadata.name).toBe('a')
    const miss = await request(app).get('/api/v1/namespaces/ns10/configmaps/a')
    expect(miss.status).toBe(404)
    expect(miss.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'configmaps "a" not found', details: { name: 'a', kind: 'configmaps' } })
  })

  it.each([
    { name: 'a cluster-scoped resource under a namespaced path', method: 'get', path: '/api/v1/namespaces/default/nodes' },
    { name: 'a cluster-scoped item under a namespaced path', method: 'get', path: '/api/v1/namespaces/default/nodes/n1' },
    { name: 'a namespaced item without a namespace', method: 'get', path: '/api/v1/pods/p1' },
    { name: 'an unknown resource', method: 'get', path: '/api/v1/namespaces/default/foos' },
    { name: 'a prefix of a resource name', method: 'get', path: '/api/v1/namespaces/default/po' },
    { name: 'an unknown group version', method: 'get', path: '/apis/apps/v2/namespaces/default/deployments' },
    { name: 'an undeclared subresource', method: 'get', path: '/api/v1/namespaces/default/configmaps/a/status' },
    { name: 'an unknown top-level path', method: 'get', path: '/nothing/here' }
  ])('answers 404 for $name', async ({ path }) => {
    const { app, store } = newTestApp()
    const res = await request(app).get(path)
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 })
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'POST to an item', method: 'post' as const, path: '/api/v1/namespaces/default/configmaps/a' },
    { name: 'PUT to a collection', method: 'put' as const, path: '/api/v1/namespaces/default/configmaps' },
    { name: 'POST to the all-namespaces collection', method: 'post' as const, path: '/api/v1/pods' },
    { name: 'a verb the kind does not serve', method: 'delete' as const, path: '/apis/example.com/v1/namespaces/default/reports/r' },
    { name: 'DELETE on a status subresource', method: 'delete' as const, path: '/api/v1/namespaces/default/pods/p/status' }
  ])('answers 405 for $name', async ({ method, path }) => {
    const { app } = newTestApp()
    const res = await request(app)[method](path).set('Content-Type', 'application/json').send('{}')
    expect(res.status).toBe(405)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 })
  })

  it('creates with 201, fills the namespace from the URL and passes the write options', async () => {
    const { app, store } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/ns1/configmaps?fieldManager=kubectl-create&fieldValidation=Strict')
      .set('Content-Type', 'application/json').send({ metadata: { name: 'a' }, data: { k: 'v' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'ns1' } })
    expect(store.calls[0]).toMatchObject({ method: 'create', namespace: 'ns1', opts: { dryRun: false, fieldManager: 'kubectl-create' } })
  })

  it('creates cluster-scoped objects without a namespace', async () => {
    const { app, store } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces').send({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1', namespace: 'x' } })
    expect(res.status).toBe(201)
    expect(res.body.metadata.namespace).toBeUndefined()
    expect(store.calls[0]).toMatchObject({ method: 'create', resource: 'namespaces', namespace: '' })
  })

  it('honours dryRun=All', async () => {
    const { app, store } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/default/configmaps?dryRun=All').send(cm('a'))
    expect(res.status).toBe(201)
    expect(store.calls[0]).toMatchObject({ opts: { dryRun: true } })
    expect((await request(app).get('/api/v1/namespaces/default/configmaps/a')).status).toBe(404)
  })

  it('accepts YAML bodies', async () => {
    const { app } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/default/configmaps').set('Content-Type', 'application/yaml')
      .send('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndata:\n  k: v\n')
    expect(res.status).toBe(201)
    expect(res.body.data).toEqual({ k: 'v' })
  })

  it('updates with PUT and answers 409 on a stale resourceVersion', async () => {
    const { app, store } = newTestApp()
    const seeded = store.seed({ schema: configmaps, namespace: 'default' }, cm('a'))
    const ok = await request(app).put('/api/v1/namespaces/default/configmaps/a')
      .send({ ...cm('a'), metadata: { name: 'a', resourceVersion: seeded.metadata.resourceVersion }, data: { k: 'v2' } })
    expect(ok.status).toBe(200)
    expect(ok.body.data).toEqual({ k: 'v2' })
    const stale = await request(app).put('/api/v1/namespaces/default/configmaps/a')
      .send({ ...cm('a'), metadata: { name: 'a', resourceVersion: seeded.metadata.resourceVersion } })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ reason: 'Conflict' })
  })

  it('creates on PUT only for kinds that allow it', async () => {
    const { app } = newTestApp()
    const event = await request(app).put('/api/v1/namespaces/default/events/e1').send({ metadata: { name: 'e1' } })
    expect(event.status).toBe(201)
    const configMap = await request(app).put('/api/v1/namespaces/default/configmaps/nope').send(cm('nope'))
    expect(configMap.status).toBe(404)
  })

  it('refuses a PUT whose body names another object', async () => {
    const { app } = newTestApp()
    const res = await request(app).put('/api/v1/namespaces/default/configmaps/a').send(cm('b'))
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('the name of the object (b) does not match the name on the URL (a)')
  })

  it.each([
    { name: 'merge patch', type: 'application/merge-patch+json', body: '{"metadata":{"labels":{"tier":"web"}}}', want: { tier: 'web' } },
    { name: 'JSON patch', type: 'application/json-patch+json', body: '[{"op":"add","path":"/metadata/labels","value":{"tier":"db"}}]', want: { tier: 'db' } },
    { name: 'strategic merge patch', type: 'application/strategic-merge-patch+json', body: '{"metadata":{"labels":{"tier":"smp"}}}', want: { tier: 'smp' } }
  ])('applies a $name', async ({ type, body, want }) => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, cm('a'))
    const res = await request(app).patch('/api/v1/namespaces/default/configmaps/a?fieldManager=kubectl-label').set('Content-Type', type).send(body)
    expect(res.status).toBe(200)
    expect(res.body.metadata.labels).toEqual(want)
    expect(res.body.data).toEqual({ k: 'v' })
  })

  it('answers 404 when patching a missing object', async () => {
    const { app } = newTestApp()
    const res = await request(app).patch('/api/v1/namespaces/default/configmaps/nope').set('Content-Type', 'application/merge-patch+json').send('{"data":{}}')
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('configmaps "nope" not found')
  })

  it('answers 409 when a merge patch carries a stale resourceVersion', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, cm('a'))
    const res = await request(app).patch('/api/v1/namespaces/default/configmaps/a').set('Content-Type', 'application/merge-patch+json')
      .send('{"metadata":{"labels":{"x":"y"},"resourceVersion":"1"}}')
    expect(res.status).toBe(409)
  })

  it.each([
    { name: 'pods (the deleted object)', schema: pods, path: '/api/v1/namespaces/default/pods/p', obj: { metadata: { name: 'p' } }, kind: 'Pod' },
    { name: 'configmaps (a Success status)', schema: configmaps, path: '/api/v1/namespaces/default/configmaps/p', obj: cm('p'), kind: 'Status' }
  ])('deletes $name', async ({ schema, path, obj, kind }) => {
    const { app, store } = newTestApp()
    store.seed({ schema, namespace: 'default' }, obj as never)
    const res = await request(app).delete(path).set('Content-Type', 'application/json').send('{"propagationPolicy":"Background"}')
    expect(res.status).toBe(200)
    expect(res.body.kind).toBe(kind)
    if (kind === 'Status') expect(res.body).toMatchObject({ status: 'Success', details: { name: 'p', kind: 'configmaps', uid: 'uid-p' } })
    expect(store.calls.at(-1)).toMatchObject({ method: 'delete', opts: { propagationPolicy: 'Background', dryRun: false } })
  })

  it('returns the object with its deletionTimestamp while finalizers hold it', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, { ...cm('f'), metadata: { name: 'f', finalizers: ['x/y'] } } as never)
    const res = await request(app).delete('/api/v1/namespaces/default/configmaps/f')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ kind: 'ConfigMap', metadata: { deletionTimestamp: '2026-11-23T09:00:00Z' } })
  })

  it('reads delete options from the query string', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, cm('q'))
    await request(app).delete('/api/v1/namespaces/default/configmaps/q?gracePeriodSeconds=0&propagationPolicy=Foreground&dryRun=All')
    expect(store.calls.at(-1)).toMatchObject({ opts: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: true } })
  })

  it('deletes a collection with DELETE on the collection path', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, { ...cm('a'), metadata: { name: 'a', labels: { app: 'x' } } } as never)
    store.seed({ schema: configmaps, namespace: 'default' }, cm('b'))
    const res = await request(app).delete('/api/v1/namespaces/default/configmaps?labelSelector=app%3Dx')
    expect(res.status).toBe(200)
    expect(res.body.items.map((o: { metadata: { name: string } }) => o.metadata.name)).toEqual(['a'])
    expect(store.calls.at(-1)).toMatchObject({ method: 'deleteCollection', query: { labelSelector: 'app=x' } })
  })

  it('passes list options through', async () => {
    const { app, store } = newTestApp()
    await request(app).get('/api/v1/namespaces/default/pods?labelSelector=a%3Db&fieldSelector=spec.nodeName%3Dn1&limit=500&resourceVersion=0&continue=')
    expect(store.calls[0]).toMatchObject({ query: { labelSelector: 'a=b', fieldSelector: 'spec.nodeName=n1', limit: 500, resourceVersion: '0' } })
  })

  it('serves cluster-scoped namespaces and their status subresource', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: namespaces, namespace: '' }, { metadata: { name: 'team' }, status: { phase: 'Active' } })
    expect((await request(app).get('/api/v1/namespaces/team')).body.metadata.name).toBe('team')
    const status = await request(app).get('/api/v1/namespaces/team/status')
    expect(status.body.status).toEqual({ phase: 'Active' })
    expect(store.calls.at(-1)).toMatchObject({ method: 'get', resource: 'namespaces', namespace: '', name: 'team' })
  })

  it('writes status through the status subresource', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: nodes, namespace: '' }, { metadata: { name: 'n1' } })
    const res = await request(app).patch('/api/v1/nodes/n1/status').set('Content-Type', 'application/merge-patch+json').send('{"status":{"phase":"Running"}}')
    expect(res.status).toBe(200)
    expect(store.calls.at(-1)).toMatchObject({ method: 'update', resource: 'nodes', opts: { subresource: 'status' } })
  })

  it('keeps foobar objects separate from pods', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: podsFoobar, namespace: 'default' }, { metadata: { name: 'x' } })
    expect((await request(app).get('/api/v1/namespaces/default/pods/x')).status).toBe(404)
    expect((await request(app).get('/api/v1/namespaces/default/foobar/x')).status).toBe(200)
  })
})
