import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

const etcdUrl = (): string => {
  const url = process.env.KUBE_TS_TEST_ETCD
  if (url === undefined || url === '') throw new Error('KUBE_TS_TEST_ETCD is not set: run through the jest integration project')
  return url
}

/** A raw watch: the exact bytes of each line it received. */
interface RawWatch { lines: Buffer[], close: () => void }

async function rawWatch (server: RunningApiServer, path: string): Promise<RawWatch> {
  const lines: Buffer[] = []
  let req: http.ClientRequest | undefined
  await new Promise<void>((resolve, reject) => {
    req = http.get(`${server.url}${path}`, (res) => {
      let rest = Buffer.alloc(0)
      res.on('data', (c: Buffer) => {
        rest = Buffer.concat([rest, c])
        for (let i = rest.indexOf(10); i >= 0; i = rest.indexOf(10)) {
          lines.push(rest.subarray(0, i + 1))
          rest = rest.subarray(i + 1)
        }
      })
      resolve()
    })
    req.on('error', reject)
  })
  return { lines, close: () => req?.destroy() }
}

async function until (ok: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
}

describe('watch fan-out over HTTP with real etcd', () => {
  let server: RunningApiServer
  beforeAll(async () => { server = await startApiServer(etcdUrl(), `/kube-ts-test-${randomUUID()}`) })
  afterAll(async () => { await server.stop() })

  it('writes byte-identical frames to every watcher of an event and none to watchers of other namespaces', async () => {
    for (const name of ['fan-a', 'fan-b']) {
      const r = await fetch(`${server.url}/api/v1/namespaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name } }) })
      expect(r.status).toBe(201)
    }
    const rv = JSON.parse(await (await fetch(`${server.url}/api/v1/namespaces/fan-a/configmaps`)).text()).metadata.resourceVersion as string
    const watches = await Promise.all([
      ...Array.from({ length: 5 }, async () => await rawWatch(server, `/api/v1/namespaces/fan-a/configmaps?watch=true&resourceVersion=${rv}`)),
      rawWatch(server, `/api/v1/configmaps?watch=true&resourceVersion=${rv}`),
      rawWatch(server, `/api/v1/namespaces/fan-b/configmaps?watch=true&resourceVersion=${rv}`)
    ])
    try {
      const created = await fetch(`${server.url}/api/v1/namespaces/fan-a/configmaps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'shared' }, data: { k: 'v' } }) })
      expect(created.status).toBe(201)
      const matching = watches.slice(0, 6)
      await until(() => matching.every(w => w.lines.length >= 1))
      const frames = matching.map(w => w.lines[0]?.toString('utf8'))
      expect(new Set(frames).size).toBe(1)
      expect(JSON.parse(frames[0] ?? '{}')).toMatchObject({ type: 'ADDED', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'shared', namespace: 'fan-a' }, data: { k: 'v' } } })
      expect(watches[6]?.lines).toEqual([])
    } finally {
      for (const w of watches) w.close()
    }
  })
})
