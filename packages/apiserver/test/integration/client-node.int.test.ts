import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

// The official JavaScript client is ESM-only, so it runs in a child node process (client-node/smoke.mjs).
describe('@kubernetes/client-node against the apiserver', () => {
  let server: RunningApiServer
  let dir: string
  beforeAll(async () => {
    server = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', `/kube-ts-client-node-${randomUUID()}`)
    dir = await mkdtemp(join(tmpdir(), 'kube-ts-client-node-'))
    await writeFile(join(dir, 'kubeconfig'), [
      'apiVersion: v1', 'kind: Config',
      // client-node refuses plain http unless insecure-skip-tls-verify is set (TLS comes with the security issue)
      `clusters: [{name: t, cluster: {server: "${server.url}", insecure-skip-tls-verify: true}}]`,
      'users: [{name: u, user: {}}]',
      'contexts: [{name: t, context: {cluster: t, user: u}}]',
      'current-context: t', ''
    ].join('\n'))
    for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  })
  afterAll(async () => {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('does CRUD, conflicts, merge patch and an informer like against upstream', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(__dirname, 'client-node', 'smoke.mjs'), join(dir, 'kubeconfig')], { timeout: 30000 }, (err, out, errOut) => {
        if (err !== null) reject(new Error(`${err.message}\n${errOut}`)); else resolve(out)
      })
    })
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
    expect(out).toMatchObject({
      createdUid: true,
      read: { k: 'v1' },
      replacedRvChanged: true,
      staleUpdate: 409,
      patched: { k: 'v3' },
      listed: ['cn-smoke'],
      afterDelete: 404
    })
    expect(out.informer[0]).toBe('add:cn-smoke')
    expect(out.informer).toEqual(expect.arrayContaining(['update:cn-smoke:v2', 'update:cn-smoke:v3', 'delete:cn-smoke']))
  })
})
