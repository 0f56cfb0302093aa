import http from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { newTestApp } from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'
import { configmaps, pods } from './testing/fixtures.js'

interface Stream { status: number, headers: http.IncomingHttpHeaders, lines: () => unknown[], ended: Promise<void>, close: () => void, next: (n: number) => Promise<unknown[]> }

async function openStream (server: Server, path: string, accept = 'application/json'): Promise<Stream> {
  const { port } = server.address() as AddressInfo
  return await new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Accept: accept } }, (res) => {
      let buf = ''
      const lines: unknown[] = []
      const waiters: Array<() => void> = []
      res.on('data', (c: Buffer) => {
        buf += c.toString()
        let i
        while ((i = buf.indexOf('\n')) >= 0) {
          lines.push(JSON.parse(buf.slice(0, i)))
          buf = buf.slice(i + 1)
        }
        for (const w of waiters.splice(0)) w()
      })
      const ended = once(res, 'end').then(() => undefined).catch(() => undefined)
      const next = async (n: number): Promise<unknown[]> => {
        while (lines.length < n) await new Promise<void>((r) => waiters.push(r))
        return lines.slice(0, n)
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, lines: () => lines, ended, close: () => req.destroy(), next })
    })
    req.on('error', reject)
  })
}

describe('watch over HTTP', () => {
  let t: TestApp
  let server: Server
  beforeEach(async () => {
    t = newTestApp()
    server = t.app.listen(0, '127.0.0.1')
    await once(server, 'listening')
  })
  afterEach(() => { server.close(); server.closeAllConnections() })

  it('streams newline-delimited events as they happen', async () => {
    t.store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'old' } })
    const s = await openStream(server, '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0')
    expect(s.status).toBe(200)
    expect(s.headers['content-type']).toBe('application/json')
    expect(s.headers['transfer-encoding']).toBe('chunked')
    expect(await s.next(1)).toEqual([expect.objectContaining({ type: 'ADDED', object: expect.objectContaining({ kind: 'ConfigMap', metadata: expect.objectContaining({ name: 'old' }) }) })])
    t.store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'new' } })
    const [, second] = await s.next(2)
    expect(second).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'new' } } })
    s.close()
  })

  it('ends the registry watch when the client disconnects', async () => {
    const s = await openStream(server, '/api/v1/namespaces/default/configmaps?watch=1')
    await new Promise((r) => setTimeout(r, 100))
    expect(t.store.activeWatches).toBe(1)
    s.close()
    await new Promise((r) => setTimeout(r, 100))
    expect(t.store.activeWatches).toBe(0)
    const gauge = await t.metrics.longRunning.get()
    expect(gauge.values.every((v) => v.value === 0)).toBe(true)
  })

  it('ends the stream after timeoutSeconds', async () => {
    const start = Date.now()
    const s = await openStream(server, '/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1')
    await s.ended
    expect(Date.now() - start).toBeGreaterThanOrEqual(900)
    expect(Date.now() - start).toBeLessThan(5000)
  })

  it('serves the legacy /watch/ prefix for one object through a name field selector', async () => {
    const s = await openStream(server, '/api/v1/watch/namespaces/default/configmaps/one')
    expect(s.status).toBe(200)
    expect(t.store.calls.at(-1)).toMatchObject({ method: 'watch', query: { fieldSelector: 'metadata.name=one' } })
    s.close()
  })

  it('watches pods across all namespaces', async () => {
    const s = await openStream(server, '/api/v1/pods?watch=true')
    t.store.seed({ schema: pods, namespace: 'other' }, { metadata: { name: 'p' } })
    expect(await s.next(1)).toEqual([expect.objectContaining({ type: 'ADDED', object: expect.objectContaining({ metadata: expect.objectContaining({ namespace: 'other' }) }) })])
    s.close()
  })

  it('sends Table events with headers only on the first', async () => {
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'a' } })
    const s = await openStream(server, '/api/v1/namespaces/default/pods?watch=true&resourceVersion=0', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json')
    await s.next(1)
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'b' } })
    const [first, second] = await s.next(2) as Array<{ object: { kind: string, columnDefinitions: unknown, rows: Array<{ cells: unknown[] }> } }>
    expect(first?.object.kind).toBe('Table')
    expect(first?.object.columnDefinitions).toHaveLength(3)
    expect(second?.object.columnDefinitions).toBeNull()
    expect(second?.object.rows[0]?.cells[0]).toBe('b')
    s.close()
  })

  it('answers a watch the registry refuses at once with that HTTP status', async () => {
    const { errBadRequest } = await import('@kube-ts/api')
    t.store.failWith = errBadRequest('unable to parse requirement: found \'!\'')
    const s = await openStream(server, '/api/v1/namespaces/default/configmaps?watch=true&labelSelector=!!')
    expect(s.status).toBe(400)
    await s.ended
  })

  it('reports a too-old resourceVersion as an in-stream ERROR event', async () => {
    const { errGone } = await import('@kube-ts/api')
    t.store.failWith = errGone('too old resource version: 1 (50)')
    const s = await openStream(server, '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1')
    expect(s.status).toBe(200)
    await s.ended
    expect(s.lines()).toEqual([{ type: 'ERROR', object: expect.objectContaining({ kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (50)' }) }])
  })
})
