import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isConflict, isNotFound } from '@kube-ts/api'
import { RestClient } from './rest-client.js'
import { deployments, nodes, pods } from './resources.js'

interface Seen { method: string, url: string, headers: IncomingMessage['headers'], body: string }
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

async function fakeServer (handler: Handler): Promise<{ server: Server, url: string, seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      handler(req, res, body)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

function json (res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

const okPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', resourceVersion: '5' } }

describe('RestClient paths and verbs', () => {
  let srv: Awaited<ReturnType<typeof fakeServer>>
  let client: RestClient
  beforeAll(async () => {
    srv = await fakeServer((_req, res) => json(res, 200, okPod))
    client = new RestClient({ server: srv.url, namespace: 'default', token: 's3cret' }, { component: 'tester', qps: 0 })
  })
  afterAll(async () => { client.close(); await new Promise(resolve => srv.server.close(resolve)) })
  beforeEach(() => { srv.seen.length = 0 })

  it.each([
    { name: 'gets a namespaced core object', call: async () => await client.resource(pods).get('ns', 'p'), method: 'GET', url: '/api/v1/namespaces/ns/pods/p' },
    { name: 'lists across all namespaces with selectors and paging', call: async () => await client.resource(pods).list('', { labelSelector: 'app=web', fieldSelector: 'spec.nodeName=n1', limit: 500, continue: 'tok' }), method: 'GET', url: '/api/v1/pods?labelSelector=app%3Dweb&fieldSelector=spec.nodeName%3Dn1&limit=500&continue=tok' },
    { name: 'lists a grouped resource in one namespace', call: async () => await client.resource(deployments).list('ns', { resourceVersion: '0' }), method: 'GET', url: '/apis/apps/v1/namespaces/ns/deployments?resourceVersion=0' },
    { name: 'ignores the namespace of a cluster-scoped resource', call: async () => await client.resource(nodes).get('ignored', 'n1'), method: 'GET', url: '/api/v1/nodes/n1' },
    { name: 'creates with a field manager and dry run', call: async () => await client.resource(pods).create('ns', okPod, { fieldManager: 'kube-ts', dryRun: true }), method: 'POST', url: '/api/v1/namespaces/ns/pods?fieldManager=kube-ts&dryRun=All' },
    { name: 'updates by the object name', call: async () => await client.resource(pods).update('ns', okPod), method: 'PUT', url: '/api/v1/namespaces/ns/pods/p' },
    { name: 'updates the status subresource', call: async () => await client.resource(pods).updateStatus('ns', okPod), method: 'PUT', url: '/api/v1/namespaces/ns/pods/p/status' },
    { name: 'server-side applies with force', call: async () => await client.resource(deployments).patch('ns', 'd', 'apply', { spec: {} }, { fieldManager: 'me', force: true }), method: 'PATCH', url: '/apis/apps/v1/namespaces/ns/deployments/d?fieldManager=me&force=true' },
    { name: 'deletes by name', call: async () => await client.resource(pods).delete('ns', 'p', { gracePeriodSeconds: 0 }), method: 'DELETE', url: '/api/v1/namespaces/ns/pods/p' },
    { name: 'deletes a collection by label', call: async () => await client.resource(pods).deleteCollection('ns', { labelSelector: 'a=b' }), method: 'DELETE', url: '/api/v1/namespaces/ns/pods?labelSelector=a%3Db' },
    { name: 'creates a subresource', call: async () => await client.resource(pods).subresource('binding').create('ns', 'p', { target: { name: 'n1' } }), method: 'POST', url: '/api/v1/namespaces/ns/pods/p/binding' },
    { name: 'escapes names in paths', call: async () => await client.resource(pods).get('ns', 'a b'), method: 'GET', url: '/api/v1/namespaces/ns/pods/a%20b' },
    { name: 'sends raw requests', call: async () => await client.raw('GET', '/version'), method: 'GET', url: '/version' }
  ])('$name', async ({ call, method, url }) => {
    await call()
    expect(srv.seen[0]).toMatchObject({ method, url })
  })

  it.each([
    { type: 'merge' as const, contentType: 'application/merge-patch+json' },
    { type: 'json' as const, contentType: 'application/json-patch+json' },
    { type: 'strategic' as const, contentType: 'application/strategic-merge-patch+json' }
  ])('sends a $type patch as $contentType', async ({ type, contentType }) => {
    await client.resource(pods).patch('ns', 'p', type, { metadata: { labels: { a: 'b' } } })
    expect(srv.seen[0]?.headers['content-type']).toBe(contentType)
    expect(JSON.parse(srv.seen[0]?.body ?? '')).toEqual({ metadata: { labels: { a: 'b' } } })
  })

  it('sends bearer token, user agent and JSON accept headers', async () => {
    await client.resource(pods).get('ns', 'p')
    expect(srv.seen[0]?.headers).toMatchObject({ authorization: 'Bearer s3cret', accept: 'application/json' })
    expect(srv.seen[0]?.headers['user-agent']).toMatch(/^tester\/v0\.1\.0 \(/)
  })

  it('sends DeleteOptions as the delete body', async () => {
    await client.resource(pods).delete('ns', 'p', { propagationPolicy: 'Foreground', preconditions: { uid: 'u1' } })
    expect(JSON.parse(srv.seen[0]?.body ?? '')).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground', preconditions: { uid: 'u1' } })
  })

  it('refuses server-side apply without a field manager', async () => {
    await expect(client.resource(pods).patch('ns', 'p', 'apply', {})).rejects.toThrow(/fieldManager/)
  })

  it('decodes the response JSON', async () => {
    expect(await client.resource(pods).get('ns', 'p')).toEqual(okPod)
  })
})

describe('RestClient errors', () => {
  it.each([
    {
      name: 'turns a Status body into an ApiError with its reason',
      reply: (res: ServerResponse) => json(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "p" not found', reason: 'NotFound', details: { name: 'p', kind: 'pods' }, code: 404 }),
      check: (e: unknown) => { expect(isNotFound(e)).toBe(true); expect((e as Error).message).toBe('pods "p" not found') }
    },
    {
      name: 'maps a conflict Status to a Conflict error',
      reply: (res: ServerResponse) => json(res, 409, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'conflict', reason: 'Conflict', code: 409 }),
      check: (e: unknown) => { expect(isConflict(e)).toBe(true) }
    },
    {
      name: 'turns an HTML 404 into the generic NotFound client-go reports',
      reply: (res: ServerResponse) => { res.writeHead(404, { 'Content-Type': 'text/html' }); res.end('<html>nope</html>') },
      check: (e: unknown) => {
        expect(e).toMatchObject({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' })
        expect((e as { details: { causes: Array<{ reason: string }> } }).details.causes[0]?.reason).toBe('UnexpectedServerResponse')
      }
    },
    {
      name: 'reports an unknown status code with the body in the message',
      reply: (res: ServerResponse) => { res.writeHead(418); res.end('teapot') },
      check: (e: unknown) => { expect(e).toMatchObject({ code: 418, reason: 'Unknown' }); expect((e as Error).message).toContain('teapot') }
    }
  ])('$name', async ({ reply, check }) => {
    const srv = await fakeServer((_req, res) => reply(res))
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    try {
      let caught: unknown
      try { await client.resource(pods).get('ns', 'p') } catch (err) { caught = err }
      expect(caught).toBeDefined()
      check(caught)
    } finally { client.close(); srv.server.close() }
  })

  it('retries a 429 that carries Retry-After', async () => {
    let calls = 0
    const srv = await fakeServer((_req, res) => {
      calls++
      if (calls === 1) { res.writeHead(429, { 'Retry-After': '0', 'Content-Type': 'application/json' }); res.end('{"kind":"Status","code":429,"reason":"TooManyRequests"}'); return }
      json(res, 200, okPod)
    })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    try {
      expect(await client.resource(pods).get('ns', 'p')).toEqual(okPod)
      expect(calls).toBe(2)
    } finally { client.close(); srv.server.close() }
  })

  it('times out a request that takes too long', async () => {
    const srv = await fakeServer(() => { /* never answers */ })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0, timeoutMs: 50 })
    try {
      await expect(client.resource(pods).get('ns', 'p')).rejects.toMatchObject({ name: 'TimeoutError' })
    } finally { client.close(); srv.server.closeAllConnections(); srv.server.close() }
  })

  it('aborts a request when the signal fires', async () => {
    const srv = await fakeServer(() => { /* never answers */ })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    const ctl = new AbortController()
    try {
      const p = client.resource(pods).get('ns', 'p', { signal: ctl.signal })
      setTimeout(() => ctl.abort(), 20)
      await expect(p).rejects.toMatchObject({ name: 'AbortError' })
    } finally { client.close(); srv.server.closeAllConnections(); srv.server.close() }
  })

  it('rejects a connection failure with the network error', async () => {
    const client = new RestClient({ server: 'http://127.0.0.1:1', namespace: 'default' }, { qps: 0 })
    await expect(client.raw('GET', '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    client.close()
  })

  it('keeps a server path prefix', async () => {
    const srv = await fakeServer((_req, res) => json(res, 200, {}))
    const client = new RestClient({ server: `${srv.url}/prefix/`, namespace: 'default' }, { qps: 0 })
    try {
      await client.resource(pods).get('ns', 'p')
      expect(srv.seen[0]?.url).toBe('/prefix/api/v1/namespaces/ns/pods/p')
    } finally { client.close(); srv.server.close() }
  })
})

describe('RestClient watch', () => {
  it('streams events written in pieces and stops when the server ends the response', async () => {
    const srv = await fakeServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const text = '{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}\n{"type":"BOOKMARK","object":{"metadata":{"resourceVersion":"3"}}}\n'
      res.write(text.slice(0, 30))
      setTimeout(() => { res.write(text.slice(30)); res.end() }, 10)
    })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    try {
      const types: string[] = []
      for await (const ev of client.resource(pods).watch('ns', { resourceVersion: '1', allowWatchBookmarks: true, timeoutSeconds: 300 })) types.push(ev.type)
      expect(types).toEqual(['ADDED', 'BOOKMARK'])
      expect(srv.seen[0]?.url).toBe('/api/v1/namespaces/ns/pods?resourceVersion=1&allowWatchBookmarks=true&timeoutSeconds=300&watch=true')
    } finally { client.close(); srv.server.close() }
  })

  it('throws the ApiError of a watch answered with 410', async () => {
    const srv = await fakeServer((_req, res) => json(res, 410, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 1 (5)', reason: 'Expired', code: 410 }))
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    try {
      const it = client.resource(pods).watch('ns', { resourceVersion: '1' })
      await expect(it.next()).rejects.toMatchObject({ code: 410, reason: 'Expired' })
    } finally { client.close(); srv.server.close() }
  })

  it('ends quietly once timeoutSeconds plus grace passes on a silent connection', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const srv = await fakeServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n') })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    try {
      const types: string[] = []
      const done = (async () => { for await (const ev of client.resource(pods).watch('ns', { timeoutSeconds: 1 })) types.push(ev.type) })()
      for (let i = 0; i < 50 && types.length === 0; i++) await new Promise(resolve => setImmediate(resolve))
      expect(types).toEqual(['ADDED'])
      jest.advanceTimersByTime(6000)
      await done
      expect(types).toEqual(['ADDED'])
    } finally { jest.useRealTimers(); client.close(); srv.server.closeAllConnections(); srv.server.close() }
  })

  it('ends quietly when the signal aborts an open watch', async () => {
    const srv = await fakeServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n') })
    const client = new RestClient({ server: srv.url, namespace: 'default' }, { qps: 0 })
    const ctl = new AbortController()
    try {
      const types: string[] = []
      for await (const ev of client.resource(pods).watch('ns', {}, ctl.signal)) { types.push(ev.type); ctl.abort() }
      expect(types).toEqual(['ADDED'])
    } finally { client.close(); srv.server.closeAllConnections(); srv.server.close() }
  })
})
