import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

const etcdUrl = (): string => {
  const url = process.env.KUBE_TS_TEST_ETCD
  if (url === undefined || url === '') throw new Error('KUBE_TS_TEST_ETCD is not set: run through the jest integration project')
  return url
}

async function call (server: RunningApiServer, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number, body: any, text: string }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await res.text()
  let parsed: unknown
  try { parsed = JSON.parse(text) } catch { parsed = undefined }
  return { status: res.status, body: parsed, text }
}

async function eventually<T> (fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (ok(v) || Date.now() > deadline) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}

const deployment = (name: string, replicas: number): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }
  }
})

describe('apiserver over HTTP with real etcd', () => {
  let server: RunningApiServer
  beforeAll(async () => {
    server = await startApiServer(etcdUrl(), `/kube-ts-test-${randomUUID()}`)
  })
  afterAll(async () => { await server.stop() })

  it('creates the default namespaces and the kubernetes service at startup', async () => {
    const list = await eventually(async () => await call(server, 'GET', '/api/v1/namespaces'), (r) => r.body?.items?.length === 4)
    expect(list.body.items.map((n: { metadata: { name: string } }) => n.metadata.name).sort()).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    const svc = await eventually(async () => await call(server, 'GET', '/api/v1/namespaces/default/services/kubernetes'), (r) => r.status === 200)
    expect(svc.body.spec).toMatchObject({ clusterIP: '10.96.0.1', ports: [expect.objectContaining({ port: 443, targetPort: server.port })] })
  })

  it('binds a pod through pods/binding once, and refuses a second binding with 409', async () => {
    await eventually(async () => await call(server, 'GET', '/api/v1/namespaces/default'), (r) => r.status === 200)
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bind-me' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } }
    expect((await call(server, 'POST', '/api/v1/namespaces/default/pods', pod)).status).toBe(201)
    const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'bind-me' }, target: { apiVersion: 'v1', kind: 'Node', name: 'node-a' } }
    const bound = await call(server, 'POST', '/api/v1/namespaces/default/pods/bind-me/binding', binding)
    expect(bound.status).toBe(201)
    const stored = await call(server, 'GET', '/api/v1/namespaces/default/pods/bind-me')
    expect(stored.body.spec.nodeName).toBe('node-a')
    const again = await call(server, 'POST', '/api/v1/namespaces/default/pods/bind-me/binding', { ...binding, target: { ...binding.target, name: 'node-b' } })
    expect(again.status).toBe(409)
    expect((await call(server, 'GET', '/api/v1/namespaces/default/pods/bind-me')).body.spec.nodeName).toBe('node-a')
  })

  it('serves version, discovery and readiness', async () => {
    expect((await call(server, 'GET', '/version')).body.minor).toBe('32')
    const ready = await call(server, 'GET', '/readyz?verbose')
    expect(ready.status).toBe(200)
    expect(ready.text).toContain('[+]etcd ok')
    const apps = await call(server, 'GET', '/apis/apps/v1')
    expect(apps.body.resources).toContainEqual(expect.objectContaining({ name: 'deployments/scale', group: 'autoscaling', version: 'v1', kind: 'Scale' }))
  })

  it('creates, reads, patches and deletes a configmap, with resourceVersion conflicts', async () => {
    const ns = '/api/v1/namespaces/default/configmaps'
    const created = await call(server, 'POST', ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'crud' }, data: { a: '1' } })
    expect(created.status).toBe(201)
    const rv = created.body.metadata.resourceVersion
    const patched = await call(server, 'PATCH', `${ns}/crud`, '{"data":{"b":"2"}}', 'application/merge-patch+json')
    expect(patched.body.data).toEqual({ a: '1', b: '2' })
    const stale = await call(server, 'PUT', `${ns}/crud`, { ...created.body, metadata: { ...created.body.metadata, resourceVersion: rv } })
    expect(stale.status).toBe(409)
    expect(stale.body.reason).toBe('Conflict')
    const deleted = await call(server, 'DELETE', `${ns}/crud`, { propagationPolicy: 'Background' })
    expect(deleted.status).toBe(200)
    expect((await call(server, 'GET', `${ns}/crud`)).status).toBe(404)
  })

  it('streams watch events from etcd as they happen', async () => {
    const ns = '/api/v1/namespaces/default/configmaps'
    const list = await call(server, 'GET', ns)
    const lines: any[] = []
    const req = http.get(`${server.url}${ns}?watch=true&resourceVersion=${list.body.metadata.resourceVersion}`, (res) => {
      let buf = ''
      res.on('data', (c: Buffer) => {
        buf += c.toString()
        let i
        while ((i = buf.indexOf('\n')) >= 0) { lines.push(JSON.parse(buf.slice(0, i))); buf = buf.slice(i + 1) }
      })
    })
    try {
      await new Promise((r) => setTimeout(r, 300))
      await call(server, 'POST', ns, { metadata: { name: 'watched' } })
      await call(server, 'DELETE', `${ns}/watched`)
      await eventually(async () => lines, (l) => l.length >= 2, 10000)
      expect(lines.map((l) => l.type)).toEqual(['ADDED', 'DELETED'])
      expect(lines[0].object.metadata.name).toBe('watched')
    } finally {
      req.destroy()
    }
  })

  it('scales a deployment through /scale', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments'
    expect((await call(server, 'POST', path, deployment('web', 1))).status).toBe(201)
    const scale = await call(server, 'GET', `${path}/web/scale`)
    expect(scale.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { selector: 'app=web' } })
    const patched = await call(server, 'PATCH', `${path}/web/scale`, '{"spec":{"replicas":3}}', 'application/merge-patch+json')
    expect(patched.status).toBe(200)
    expect(patched.body.spec.replicas).toBe(3)
    expect((await call(server, 'GET', `${path}/web`)).body.spec.replicas).toBe(3)
  })

  it('answers bad input with Status errors and never crashes', async () => {
    const ns = '/api/v1/namespaces/default/configmaps'
    expect((await call(server, 'POST', ns, '{"metadata":')).status).toBe(400)
    expect((await call(server, 'POST', ns, { metadata: { name: 'Bad_Name' } })).status).toBe(422)
    expect((await call(server, 'POST', '/api/v1/namespaces/default/nodes', { metadata: { name: 'n' } })).status).toBe(404)
    expect((await call(server, 'GET', '/readyz')).status).toBe(200)
  })
})
