import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

// Debian's python3-kubernetes (installed by scripts/test) lives in the system interpreter, not in a pyenv or venv one.
const PYTHON = '/usr/bin/python3'

describe('the official Python client (python3-kubernetes) against the apiserver', () => {
  let server: RunningApiServer
  let dir: string
  beforeAll(async () => {
    server = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', `/kube-ts-python-client-${randomUUID()}`)
    dir = await mkdtemp(join(tmpdir(), 'kube-ts-python-client-'))
    await writeFile(join(dir, 'kubeconfig'), [
      'apiVersion: v1', 'kind: Config',
      `clusters: [{name: t, cluster: {server: "${server.url}"}}]`,
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

  it('does CRUD, conflicts, strategic merge and JSON patches, scale and a watch like against upstream', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(PYTHON, [join(__dirname, 'python-client', 'smoke.py'), join(dir, 'kubeconfig')], { timeout: 60_000 }, (err, out, errOut) => {
        if (err !== null) reject(new Error(`${err.message}\n${errOut}`)); else resolve(out)
      })
    })
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
    expect(out).toEqual({
      createdUid: true,
      duplicateCreate: 409,
      read: { k: 'v1' },
      replacedRvChanged: true,
      staleUpdate: 409,
      strategicPatched: { k: 'v3' },
      jsonPatched: { k: 'v3', extra: 'x' },
      listed: ['py-smoke'],
      scaledReplicas: 3,
      deploymentReplicas: 3,
      invalid: 422,
      afterDelete: 404,
      watched: ['ADDED:py-smoke:v1', 'MODIFIED:py-smoke:v2', 'MODIFIED:py-smoke:v3', 'MODIFIED:py-smoke:v3', 'DELETED:py-smoke:v3']
    })
  })
})
