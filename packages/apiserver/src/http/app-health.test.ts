import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps } from './testing/fixtures.js'
import type { KubeObject } from '@kube-ts/api'

describe('health and metrics', () => {
  it.each(['/healthz', '/livez', '/readyz'])('answers ok on %s while storage is healthy', async (path) => {
    const res = await request(newTestApp().app).get(path)
    expect(res.status).toBe(200)
    expect(res.text).toBe('ok')
  })

  it('fails readyz and healthz, but not livez, while storage is down', async () => {
    const t = newTestApp()
    t.health.ok = false
    const ready = await request(t.app).get('/readyz')
    expect(ready.status).toBe(500)
    expect(ready.text).toContain('[-]etcd failed')
    expect(ready.text).toContain('readyz check failed')
    expect((await request(t.app).get('/healthz')).status).toBe(500)
    expect((await request(t.app).get('/livez')).status).toBe(200)
  })

  it('fails readyz and healthz, but not livez, until the bootstrap objects are in place', async () => {
    let done = false
    const t = newTestApp({ bootstrapped: () => done })
    const ready = await request(t.app).get('/readyz')
    expect(ready.status).toBe(500)
    expect(ready.text).toContain('[-]poststarthook/bootstrap-controller failed')
    expect((await request(t.app).get('/healthz')).status).toBe(500)
    expect((await request(t.app).get('/livez')).status).toBe(200)
    done = true
    expect((await request(t.app).get('/readyz?verbose')).text).toBe('[+]ping ok\n[+]etcd ok\n[+]poststarthook/bootstrap-controller ok\nreadyz check passed\n')
  })

  it('lists every check with ?verbose', async () => {
    const res = await request(newTestApp().app).get('/readyz?verbose')
    expect(res.text).toBe('[+]ping ok\n[+]etcd ok\nreadyz check passed\n')
  })

  it('serves a single check', async () => {
    const t = newTestApp()
    t.health.ok = false
    expect((await request(t.app).get('/readyz/ping')).status).toBe(200)
    expect((await request(t.app).get('/readyz/etcd')).status).toBe(500)
  })

  it('counts requests by verb, resource, scope and code', async () => {
    const t = newTestApp()
    await request(t.app).get('/api/v1/namespaces/default/configmaps')
    await request(t.app).get('/api/v1/namespaces/default/configmaps/missing')
    const text = (await request(t.app).get('/metrics')).text
    expect(text).toContain('apiserver_request_total{verb="LIST",dry_run="",group="",version="v1",resource="configmaps",subresource="",scope="namespace",component="apiserver",code="200"} 1')
    expect(text).toContain('apiserver_request_total{verb="GET",dry_run="",group="",version="v1",resource="configmaps",subresource="",scope="resource",component="apiserver",code="404"} 1')
    expect(text).toContain('apiserver_request_duration_seconds_bucket')
    expect(text).toContain('apiserver_longrunning_requests')
  })

  it('labels dry-run writes dry_run="All" and real ones dry_run=""', async () => {
    const t = newTestApp()
    const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } })
    expect((await request(t.app).post('/api/v1/namespaces/default/configmaps?dryRun=All').send(cm('a'))).status).toBe(201)
    expect((await request(t.app).post('/api/v1/namespaces/default/configmaps').send(cm('b'))).status).toBe(201)
    const text = (await request(t.app).get('/metrics')).text
    expect(text).toContain('apiserver_request_total{verb="POST",dry_run="All",group="",version="v1",resource="configmaps",subresource="",scope="namespace",component="apiserver",code="201"} 1')
    expect(text).toContain('apiserver_request_total{verb="POST",dry_run="",group="",version="v1",resource="configmaps",subresource="",scope="namespace",component="apiserver",code="201"} 1')
  })
})

describe('overload protection', () => {
  it('answers 429 with Retry-After when read-only requests exceed the budget, and exempts health checks', async () => {
    const t = newTestApp({ limits: { maxRequestsInflight: 1 } })
    const s = t.store
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => { release = resolve })
    const original = s.list.bind(s)
    s.list = async (scope, query) => { await gate; return await original(scope, query) }
    const slow = request(t.app).get('/api/v1/namespaces/default/configmaps').then((r) => r)
    await new Promise((r) => setTimeout(r, 50))
    const rejected = await request(t.app).get('/api/v1/namespaces/default/configmaps')
    expect(rejected.status).toBe(429)
    expect(rejected.headers['retry-after']).toBe('1')
    expect(rejected.body).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 1 } })
    expect((await request(t.app).get('/readyz')).status).toBe(200)
    // mutating requests have their own budget
    const created = await request(t.app).post('/api/v1/namespaces/default/configmaps').send({ metadata: { name: 'x' } })
    expect(created.status).toBe(201)
    release()
    expect((await slow).status).toBe(200)
    expect((await request(t.app).get('/api/v1/namespaces/default/configmaps')).status).toBe(200)
  })

  it('answers 504 when a request outlives the request timeout', async () => {
    const t = newTestApp({ limits: { requestTimeoutMs: 100 } })
    t.store.get = async () => await new Promise<KubeObject>((resolve) => setTimeout(() => resolve({ metadata: { name: 'late' } }), 400))
    const res = await request(t.app).get('/api/v1/namespaces/default/configmaps/late')
    expect(res.status).toBe(504)
    expect(res.body).toMatchObject({ reason: 'Timeout', code: 504 })
  })

  it('uses a shorter ?timeout= from the client', async () => {
    const t = newTestApp()
    t.store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'a' } })
    t.store.get = async () => await new Promise<KubeObject>((resolve) => setTimeout(() => resolve({ metadata: { name: 'a' } }), 400))
    const res = await request(t.app).get('/api/v1/namespaces/default/configmaps/a?timeout=100ms')
    expect(res.status).toBe(504)
  })
})
