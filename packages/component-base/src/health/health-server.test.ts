import { Counter, Registry } from 'prom-client'
import { startHealthServer } from './health-server.js'
import type { HealthServer } from './health-server.js'
import type { HealthCheck } from './health-checks.js'

const silent = { info: () => {}, warn: () => {}, error: () => {} }

async function get (srv: HealthServer, path: string): Promise<{ status: number, body: string, type: string }> {
  const res = await fetch(`http://127.0.0.1:${srv.port}${path}`)
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' }
}

describe('startHealthServer', () => {
  let ctl: AbortController
  let healthy: boolean
  let srv: HealthServer
  const registry = new Registry()
  new Counter({ name: 'test_things_total', help: 'Things counted by the test.', registers: [registry] }).inc(3)

  beforeEach(async () => {
    ctl = new AbortController()
    healthy = true
    const checks: HealthCheck[] = [
      { name: 'etcd', check: async () => healthy },
      { name: 'throws', check: () => { if (!healthy) throw new Error('x'); return true } }
    ]
    const readyChecks: HealthCheck[] = [{ name: 'informer-sync', check: () => true }]
    srv = await startHealthServer({ port: 0, bindAddress: '127.0.0.1', checks, readyChecks, registry, logger: silent, signal: ctl.signal })
  })
  afterEach(async () => { ctl.abort(); await srv.close() })

  it.each(['/healthz', '/livez', '/readyz'])('answers ok on %s when every check passes', async (path) => {
    expect(await get(srv, path)).toMatchObject({ status: 200, body: 'ok' })
  })

  it('lists every check with ?verbose', async () => {
    const r = await get(srv, '/readyz?verbose')
    expect(r.status).toBe(200)
    expect(r.body).toBe('[+]ping ok\n[+]etcd ok\n[+]throws ok\n[+]informer-sync ok\n[+]shutdown ok\nreadyz check passed\n')
  })

  it('fails with 500 and names the failing checks', async () => {
    healthy = false
    const r = await get(srv, '/healthz')
    expect(r.status).toBe(500)
    expect(r.body).toBe('[+]ping ok\n[-]etcd failed: reason withheld\n[-]throws failed: reason withheld\nhealthz check failed\n')
  })

  it('excludes checks named in ?exclude', async () => {
    healthy = false
    const r = await get(srv, '/livez?exclude=etcd&exclude=throws')
    expect(r).toMatchObject({ status: 200, body: 'ok' })
  })

  it('serves a single check under the probe path', async () => {
    expect(await get(srv, '/healthz/etcd')).toMatchObject({ status: 200, body: 'ok' })
    healthy = false
    expect(await get(srv, '/healthz/etcd')).toMatchObject({ status: 500, body: 'internal server error: etcd check failed\n' })
    expect((await get(srv, '/healthz/nope')).status).toBe(404)
  })

  it('serves Prometheus text on /metrics', async () => {
    const r = await get(srv, '/metrics')
    expect(r.status).toBe(200)
    expect(r.type).toContain('text/plain')
    expect(r.body).toContain('test_things_total 3')
  })

  it('answers 404 for unknown paths', async () => {
    expect((await get(srv, '/nope')).status).toBe(404)
  })

  it('reports shutdown on /readyz once the signal aborts and then stops listening', async () => {
    const port = srv.port
    ctl.abort()
    await srv.close()
    await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow()
  })
})
