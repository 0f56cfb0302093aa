import http from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps } from './testing/fixtures.js'

const cmPath = '/api/v1/namespaces/default/configmaps'
const seedCm = (store: ReturnType<typeof newTestApp>['store']): void => {
  store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'a' }, data: { k: 'v' } })
}

describe('bad input', () => {
  it('answers 413 for a body over 3 MiB with Content-Length', async () => {
    const { app, store } = newTestApp()
    const big = `{"metadata":{"name":"a"},"data":{"k":"${'x'.repeat(3 * 1024 * 1024)}"}}`
    const res = await request(app).post(cmPath).set('Content-Type', 'application/json').send(big)
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'RequestEntityTooLarge', code: 413, message: 'Request entity too large: limit is 3145728' })
    expect(store.calls).toEqual([])
  })

  it('answers 413 for a chunked body over 3 MiB without Content-Length', async () => {
    const { app, store } = newTestApp()
    const server = app.listen(0, '127.0.0.1')
    await once(server, 'listening')
    try {
      const { port } = server.address() as AddressInfo
      const res = await new Promise<{ status: number, body: string }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: cmPath, headers: { 'Content-Type': 'application/json' } }, (r) => {
          let body = ''
          r.on('data', (c: Buffer) => { body += c.toString() })
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }))
        })
        req.on('error', reject)
        const chunk = 'x'.repeat(64 * 1024)
        req.write('{"metadata":{"name":"a"},"data":{"k":"')
        let sent = 0
        const pump = (): void => {
          while (sent < 4 * 1024 * 1024) {
            sent += chunk.length
            if (!req.write(chunk)) { req.once('drain', pump); return }
          }
          req.end('"}}')
        }
        pump()
      })
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413 })
      expect(store.calls).toEqual([])
    } finally {
      server.close()
    }
  })

  it.each([
    { name: 'PUT', method: 'put' as const, path: `${cmPath}/a`, type: 'application/json' },
    { name: 'PATCH', method: 'patch' as const, path: `${cmPath}/a`, type: 'application/merge-patch+json' },
    { name: 'DELETE', method: 'delete' as const, path: `${cmPath}/a`, type: 'application/json' }
  ])('answers 413 for an oversized $name body', async ({ method, path, type }) => {
    const { app } = newTestApp()
    const res = await request(app)[method](path).set('Content-Type', type).send(`{"a":"${'x'.repeat(3 * 1024 * 1024 + 1)}"}`)
    expect(res.status).toBe(413)
  })

  it('answers 413 for a JSON patch with more than 10,000 operations', async () => {
    const { app, store } = newTestApp()
    seedCm(store)
    const ops = JSON.stringify(Array.from({ length: 10001 }, () => ({ op: 'add', path: '/x', value: 'y' })))
    const res = await request(app).patch(`${cmPath}/a`).set('Content-Type', 'application/json-patch+json').send(ops)
    expect(res.status).toBe(413)
    expect(res.body.message).toBe('Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001')
  })

  it('answers 400 for a nesting bomb without overflowing the stack', async () => {
    const { app } = newTestApp()
    const n = 1_500_000
    const res = await request(app).post(cmPath).set('Content-Type', 'application/json').send(`{"a":${'['.repeat(n)}${']'.repeat(n)}}`)
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('json: exceeded max depth of 10000')
  })

  it('answers 400 for a YAML alias bomb', async () => {
    const { app, store } = newTestApp()
    const bomb = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a: &a "lol"\n  b: *a\n'
    const res = await request(app).post(cmPath).set('Content-Type', 'application/yaml').send(bomb)
    expect(res.status).toBe(400)
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'a create body', method: 'post' as const, path: cmPath, type: 'application/json', body: '{"metadata":{"name":"p"},"__proto__":{"polluted":"yes"},"data":{"constructor":{"prototype":{"polluted":"yes"}}}}' },
    { name: 'a merge patch', method: 'patch' as const, path: `${cmPath}/a`, type: 'application/merge-patch+json', body: '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}' },
    { name: 'a strategic merge patch', method: 'patch' as const, path: `${cmPath}/a`, type: 'application/strategic-merge-patch+json', body: '{"metadata":{"__proto__":{"polluted":"yes"}}}' },
    { name: 'a JSON patch path', method: 'patch' as const, path: `${cmPath}/a`, type: 'application/json-patch+json', body: '[{"op":"add","path":"/__proto__/polluted","value":"yes"}]' },
    { name: 'a YAML body', method: 'post' as const, path: cmPath, type: 'application/yaml', body: 'metadata:\n  name: y\n__proto__:\n  polluted: yes\n' }
  ])('never pollutes Object.prototype through $name', async ({ method, path, type, body }) => {
    const { app, store } = newTestApp()
    seedCm(store)
    const res = await request(app)[method](path).set('Content-Type', type).send(body)
    expect(res.status).toBeLessThan(500)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('answers 422 with causes for an invalid name', async () => {
    const { app } = newTestApp()
    const res = await request(app).post(cmPath).send({ metadata: { name: 'Bad_Name' } })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({
      reason: 'Invalid',
      details: { name: 'Bad_Name', kind: 'ConfigMap', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] }
    })
    expect(res.body.message).toMatch(/^ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/)
  })

  it('answers 400 for a server-side apply body without apiVersion and kind', async () => {
    const { app } = newTestApp()
    const res = await request(app).patch(`${cmPath}/a?fieldManager=me`).set('Content-Type', 'application/apply-patch+yaml').send(Buffer.from('{}'))
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 })
  })

  it.each([
    { name: 'text on create', method: 'post' as const, path: cmPath, type: 'text/plain', body: 'hello' },
    { name: 'plain JSON on PATCH', method: 'patch' as const, path: `${cmPath}/a`, type: 'application/json', body: '{}' },
    { name: 'no Content-Type on PATCH', method: 'patch' as const, path: `${cmPath}/a`, type: '', body: '{}' }
  ])('answers 415 for $name', async ({ method, path, type, body }) => {
    const { app } = newTestApp()
    const req = request(app)[method](path)
    if (type !== '') req.set('Content-Type', type)
    const res = await req.send(Buffer.from(body))
    expect(res.status).toBe(415)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'UnsupportedMediaType', code: 415 })
  })

  it.each([
    { name: 'malformed JSON', body: '{"metadata":', type: 'application/json', message: /^error decoding JSON/ },
    { name: 'an array body', body: '[]', type: 'application/json', message: /must be a JSON object/ },
    { name: 'a string body', body: '"x"', type: 'application/json', message: /must be a JSON object/ },
    { name: 'an empty body', body: '', type: 'application/json', message: /empty/ },
    { name: 'an apiVersion of another group', body: '{"apiVersion":"apps/v1","kind":"ConfigMap","metadata":{"name":"a"}}', type: 'application/json', message: /^the API version in the data \(apps\/v1\) does not match the expected API version \(v1\)$/ },
    { name: 'another kind', body: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"a"}}', type: 'application/json', message: /kind in the data \(Secret\)/ },
    { name: 'another namespace', body: '{"metadata":{"name":"a","namespace":"other"}}', type: 'application/json', message: /^the namespace of the provided object does not match the namespace sent on the request$/ },
    { name: 'metadata that is not an object', body: '{"metadata":"x"}', type: 'application/json', message: /metadata must be an object/ },
    { name: 'malformed YAML', body: 'a: [1, 2\n', type: 'application/yaml', message: /^error converting YAML to JSON/ }
  ])('answers 400 for $name', async ({ body, type, message }) => {
    const { app, store } = newTestApp()
    const res = await request(app).post(cmPath).set('Content-Type', type).send(body)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 })
    expect(res.body.message).toMatch(message)
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'a non-numeric limit', query: 'limit=abc', code: 400 },
    { name: 'a non-boolean watch', query: 'watch=maybe', code: 400 },
    { name: 'a negative resourceVersion', query: 'resourceVersion=-1', code: 400 },
    { name: 'a resourceVersion too large', query: 'resourceVersion=99999999999999999999', code: 400 },
    { name: 'a non-numeric resourceVersion', query: 'resourceVersion=abc', code: 400 },
    { name: 'resourceVersionMatch=Exact with resourceVersion=0', query: 'resourceVersionMatch=Exact&resourceVersion=0', code: 422 },
    { name: 'resourceVersionMatch without resourceVersion', query: 'resourceVersionMatch=NotOlderThan', code: 422 },
    { name: 'an unknown resourceVersionMatch', query: 'resourceVersionMatch=Newest&resourceVersion=5', code: 422 },
    { name: 'a non-numeric timeoutSeconds on watch', query: 'watch=true&timeoutSeconds=soon', code: 400 },
    { name: 'an unknown includeObject', query: 'includeObject=Everything', code: 400, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
    { name: 'a malformed timeout', query: 'timeout=forever', code: 400 }
  ])('rejects list parameters: $name', async ({ query, code, accept }) => {
    const { app, store } = newTestApp()
    const req = request(app).get(`${cmPath}?${query}`)
    if (accept !== undefined) req.set('Accept', accept)
    const res = await req
    expect(res.status).toBe(code)
    expect(res.body.kind).toBe('Status')
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'dryRun other than All', query: 'dryRun=Some', field: 'dryRun' },
    { name: 'an unknown fieldValidation', query: 'fieldValidation=Loose', field: 'fieldValidation' },
    { name: 'a fieldManager over 128 bytes', query: `fieldManager=${'m'.repeat(129)}`, field: 'fieldManager' }
  ])('rejects write options: $name', async ({ query, field }) => {
    const { app, store } = newTestApp()
    const res = await request(app).post(`${cmPath}?${query}`).send({ metadata: { name: 'a' } })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ reason: 'Invalid', details: { kind: 'CreateOptions', group: 'meta.k8s.io', causes: [{ field }] } })
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'an unknown propagationPolicy', body: '{"propagationPolicy":"Sideways"}', code: 422 },
    { name: 'orphanDependents together with propagationPolicy', body: '{"orphanDependents":true,"propagationPolicy":"Background"}', code: 422 },
    { name: 'a non-integer gracePeriodSeconds', body: '{"gracePeriodSeconds":"soon"}', code: 400 },
    { name: 'a non-object body', body: '[1]', code: 400 }
  ])('rejects delete options: $name', async ({ body, code }) => {
    const { app, store } = newTestApp()
    seedCm(store)
    const res = await request(app).delete(`${cmPath}/a`).set('Content-Type', 'application/json').send(body)
    expect(res.status).toBe(code)
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'a JSON patch that is not an array', type: 'application/json-patch+json', body: '{"op":"add"}', code: 400 },
    { name: 'a merge patch that is an array', type: 'application/merge-patch+json', body: '[1]', code: 400 },
    { name: 'a JSON patch whose test fails', type: 'application/json-patch+json', body: '[{"op":"test","path":"/data/k","value":"other"}]', code: 422 },
    { name: 'force on a non-apply patch', type: 'application/merge-patch+json', body: '{}', code: 422, query: '?force=true' },
    { name: 'a patch renaming the object', type: 'application/merge-patch+json', body: '{"metadata":{"name":"b"}}', code: 400 }
  ])('rejects patches: $name', async ({ type, body, code, query }) => {
    const { app, store } = newTestApp()
    seedCm(store)
    const res = await request(app).patch(`${cmPath}/a${query ?? ''}`).set('Content-Type', type).send(body)
    expect(res.status).toBe(code)
    expect(res.body.kind).toBe('Status')
  })

  it('turns unexpected errors into a 500 Status without internals', async () => {
    const { app, store } = newTestApp()
    store.failWith = new Error('secret internal detail at /etc/kube-ts')
    const res = await request(app).get(cmPath)
    expect(res.status).toBe(500)
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'InternalError', code: 500 })
    expect(JSON.stringify(res.body)).not.toContain('secret internal detail')
  })

  it('passes storage ApiErrors through with their code', async () => {
    const { app, store } = newTestApp()
    const { errServiceUnavailable } = await import('@kube-ts/api')
    store.failWith = errServiceUnavailable('etcd is unavailable')
    const res = await request(app).get(cmPath)
    expect(res.status).toBe(503)
    expect(res.body.message).toBe('etcd is unavailable')
  })
})
