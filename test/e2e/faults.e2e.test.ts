// Fault scenarios from reliability.md (F1, F2) on a cluster from scripts/cluster up, injected the way a user
// or an outage would: kill -9 by pid, then scripts/cluster up to bring the missing part back.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ClusterHarness, describeRun, eventually, isAlive, kubectlPath } from './support/cluster-harness.js'

const upTimeoutMs = 900_000

function runPid (cluster: ClusterHarness, file: string): number {
  return Number.parseInt(readFileSync(join(cluster.home, 'run', file), 'utf8').trim(), 10)
}

/** GET on the apiserver: status, parsed body and how long the answer took. */
async function apiGet (cluster: ClusterHarness, path: string): Promise<{ status: number, body: Record<string, unknown>, ms: number }> {
  const started = Date.now()
  const response = await fetch(`http://127.0.0.1:${cluster.port('KUBE_TS_API_PORT')}${path}`, { signal: AbortSignal.timeout(70_000) })
  const text = await response.text()
  let body: Record<string, unknown> = {}
  try { body = JSON.parse(text) as Record<string, unknown> } catch { body = { text } }
  return { status: response.status, body, ms: Date.now() - started }
}

async function readyzStatus (cluster: ClusterHarness): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${cluster.port('KUBE_TS_API_PORT')}/readyz`, { signal: AbortSignal.timeout(5000) })).status
  } catch {
    return 0
  }
}

describe('faults on a cluster from scripts/cluster up', () => {
  let cluster: ClusterHarness

  beforeAll(async () => { cluster = await ClusterHarness.up('faults') }, upTimeoutMs)
  afterAll(async () => { await cluster?.destroy() }, 120_000)

  it('fails requests fast with a 503 Status while etcd is down, and recovers once up restarts etcd', async () => {
    const apiserver = runPid(cluster, 'kube-apiserver.child.pid')
    // the supervisor first, so nothing restarts etcd behind the test's back
    process.kill(runPid(cluster, 'etcd.pid'), 'SIGKILL')
    process.kill(runPid(cluster, 'etcd.child.pid'), 'SIGKILL')

    await eventually('/readyz to fail', async () => (await readyzStatus(cluster)) === 500, 10_000)
    const during = await apiGet(cluster, '/api/v1/namespaces/default/configmaps')
    expect(during.status).toBe(503)
    expect(during.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'ServiceUnavailable', code: 503 })
    expect(during.ms).toBeLessThan(10_000)

    const up = await cluster.cluster('up')
    expect(up.code).toBe(0)
    expect(up.stderr).toContain('starting etcd')
    await eventually('/readyz to pass again', async () => (await readyzStatus(cluster)) === 200, 30_000)
    expect(runPid(cluster, 'kube-apiserver.child.pid')).toBe(apiserver)
    expect((await cluster.kubectl('create', 'configmap', 'after-etcd-outage', '--from-literal=k=v')).code).toBe(0)
  }, 180_000)

  it('ends kubectl get --watch promptly when the apiserver is killed', async () => {
    const watcher = spawn(kubectlPath, ['--kubeconfig', cluster.kubeconfig, 'get', 'configmaps', '--watch'], { env: cluster.env, stdio: 'ignore' })
    const exited = new Promise<number | null>((done) => watcher.once('exit', (code) => done(code)))
    await new Promise((done) => setTimeout(done, 2000))
    expect(watcher.exitCode).toBeNull()
    process.kill(runPid(cluster, 'kube-apiserver.child.pid'), 'SIGKILL')
    const code = await Promise.race([exited, new Promise<string>((done) => setTimeout(() => done('still watching'), 15_000))])
    if (code === 'still watching') watcher.kill('SIGKILL')
    expect(code).toBe(0)
    await eventually('the supervisor to bring the apiserver back', async () => (await readyzStatus(cluster)) === 200, 60_000)
  }, 120_000)

  it('restarts a daemon whose supervisor was killed, instead of starting a second copy beside it', async () => {
    const orphan = runPid(cluster, 'kube-apiserver.child.pid')
    process.kill(runPid(cluster, 'kube-apiserver.pid'), 'SIGKILL')
    const up = await cluster.cluster('up')
    if (up.code !== 0) throw new Error(describeRun('scripts/cluster up', up))
    expect(up.stderr).toContain(`kube-apiserver (pid ${orphan}) is running without its supervisor`)
    expect(isAlive(orphan)).toBe(false)
    const replacement = runPid(cluster, 'kube-apiserver.child.pid')
    expect(replacement).not.toBe(orphan)
    expect((await cluster.kubectl('get', 'configmap', 'after-etcd-outage')).code).toBe(0)

    const pids = cluster.recordedPids()
    expect((await cluster.cluster('down')).code).toBe(0)
    expect([...pids, orphan].filter(isAlive)).toEqual([])
  }, 300_000)
})
