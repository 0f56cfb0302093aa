// The official client libraries against a cluster from scripts/cluster up, each loading the kubeconfig `up`
// wrote, as a new user's program would. Both run as child processes (client-node is ESM-only; the Python
// client is Debian's python3-kubernetes, which scripts/test installs).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ClusterHarness, describeRun, run } from './support/cluster-harness.js'

const python = '/usr/bin/python3'

async function runCheck (cluster: ClusterHarness, command: string, script: string, name: string): Promise<Record<string, unknown>> {
  const result = await run(command, [join(__dirname, 'support', script), cluster.kubeconfig, name], cluster.env, 120_000)
  if (result.code !== 0) throw new Error(describeRun(`${command} ${script}`, result))
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>
}

describe('client libraries against a cluster from scripts/cluster up', () => {
  let cluster: ClusterHarness

  beforeAll(async () => { cluster = await ClusterHarness.up('clients') }, 900_000)
  afterAll(async () => { await cluster?.destroy() }, 120_000)

  it('@kubernetes/client-node: CRUD, every patch strategy, paging, Watch and an informer with a label selector', async () => {
    const out = await runCheck(cluster, process.execPath, 'client-node-check.mjs', 'js-check')
    expect(out.duplicate).toEqual({ code: 409, reason: 'AlreadyExists' })
    expect(out.patched).toEqual([
      { k: 'v2', keep: 'yes' }, { k: 'v3', keep: 'yes' }, { k: 'v4', keep: 'yes' }, { k: 'v5', keep: 'yes' }
    ])
    // a forced apply takes .data.k from the manager that last updated it; .data.keep stays with that manager
    expect(out.managers).toEqual(['e2e-apply/Apply', 'node-fetch/Update'])
    expect(out.missing).toEqual({ code: 404, reason: 'NotFound' })
    expect(out.pages).toEqual([1, 1, ''])
    expect(out.scale).toEqual({ kind: 'Scale', replicas: 3 })
    expect(out.pods).toBe(3)
    expect(out.replicaSets).toBe(1)
    const history = ['ADDED:js-check:v1', 'MODIFIED:js-check:v2', 'MODIFIED:js-check:v3', 'MODIFIED:js-check:v4', 'MODIFIED:js-check:v5', 'DELETED:js-check:v5']
    expect(out.watched).toEqual(history)
    expect(out.informed).toEqual(['add:js-check', 'update:js-check:v2', 'update:js-check:v3', 'update:js-check:v4', 'update:js-check:v5', 'delete:js-check'])
  }, 180_000)

  const withPython = existsSync(python) ? it : it.skip
  withPython('the Python kubernetes client: list, watch with a label selector, both patch kinds and a 404', async () => {
    const out = await runCheck(cluster, python, 'python-client-check.py', 'py-check')
    expect(out.listed).toEqual(['py-check'])
    expect(out.strategic).toEqual({ k: 'v2' })
    expect(out.json).toEqual({ k: 'v3' })
    expect(out.missing).toEqual([404, 'NotFound'])
    expect(out.version).toMatch(/^v1\.32\./)
    expect(out.events).toEqual(['ADDED:py-check:v1', 'MODIFIED:py-check:v2', 'MODIFIED:py-check:v3', 'DELETED:py-check:v3'])
  }, 180_000)
})
