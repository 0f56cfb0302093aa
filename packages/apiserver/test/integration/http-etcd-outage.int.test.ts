import { randomUUID } from 'node:crypto'
import { startEtcd } from '@kube-ts/testing'
import type { EtcdHandle } from '@kube-ts/testing'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

async function status (server: RunningApiServer, path: string, init?: RequestInit): Promise<number> {
  const res = await fetch(`${server.url}${path}`, init)
  await res.arrayBuffer()
  return res.status
}

async function eventuallyStatus (server: RunningApiServer, path: string, want: number, timeoutMs = 30000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  let last = 0
  while (Date.now() < deadline) {
    last = await status(server, path)
    if (last === want) return last
    await new Promise((r) => setTimeout(r, 250))
  }
  return last
}

const createCm = (name: string): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name } }) })

describe('etcd outage', () => {
  let etcd: EtcdHandle
  let server: RunningApiServer | undefined
  beforeEach(async () => { etcd = await startEtcd() })
  afterEach(async () => {
    await server?.stop()
    server = undefined
    await etcd.stop()
  })

  it('fails requests fast and readyz while etcd is down, and recovers without a restart', async () => {
    server = await startApiServer(etcd.url, `/outage-${randomUUID()}`)
    expect(await eventuallyStatus(server, '/api/v1/namespaces/default', 200)).toBe(200)
    expect(await status(server, '/api/v1/namespaces/default/configmaps', createCm('before'))).toBe(201)

    await etcd.kill9()
    const start = Date.now()
    const during = await status(server, '/api/v1/namespaces/default/configmaps/before')
    expect(during).toBeGreaterThanOrEqual(500)
    expect(Date.now() - start).toBeLessThan(10000)
    expect(await status(server, '/readyz')).toBe(500)
    expect(await status(server, '/livez')).toBe(200)

    await etcd.restart()
    expect(await eventuallyStatus(server, '/readyz', 200)).toBe(200)
    expect(await eventuallyStatus(server, '/api/v1/namespaces/default/configmaps/before', 200)).toBe(200)
    expect(await status(server, '/api/v1/namespaces/default/configmaps', createCm('after'))).toBe(201)
  })

  it('starts while etcd is down and creates the defaults once it is up', async () => {
    await etcd.kill9()
    server = await startApiServer(etcd.url, `/outage-${randomUUID()}`)
    expect(await status(server, '/readyz')).toBe(500)
    expect(await status(server, '/version')).toBe(200)
    await etcd.restart()
    expect(await eventuallyStatus(server, '/readyz', 200)).toBe(200)
    expect(await eventuallyStatus(server, '/api/v1/namespaces/kube-system', 200)).toBe(200)
    expect(await eventuallyStatus(server, '/api/v1/namespaces/default/services/kubernetes', 200)).toBe(200)
  })
})
