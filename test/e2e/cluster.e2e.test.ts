// The README's first command, end to end: scripts/cluster up, the real kubectl against it, then down.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ClusterHarness, describeRun, isAlive } from './support/cluster-harness.js'

const upTimeoutMs = 900_000

describe('a cluster brought up with scripts/cluster up', () => {
  let cluster: ClusterHarness
  let firstPids: number[] = []

  beforeAll(async () => {
    cluster = await ClusterHarness.create('main')
    const up = await cluster.cluster('up')
    if (up.code !== 0) {
      await cluster.destroy()
      throw new Error(describeRun('scripts/cluster up', up))
    }
    firstPids = cluster.recordedPids()
  }, upTimeoutMs)

  afterAll(async () => {
    await cluster?.destroy()
  }, 120_000)

  it('writes a kubeconfig and says how to use it', () => {
    expect(existsSync(cluster.kubeconfig)).toBe(true)
    const config = parse(readFileSync(cluster.kubeconfig, 'utf8')) as {
      'current-context': string
      clusters: Array<{ name: string, cluster: { server: string, 'insecure-skip-tls-verify'?: boolean } }>
      users: Array<{ name: string }>
    }
    expect(config['current-context']).toBe('kube-ts')
    // plain HTTP until TLS lands; the flag lets @kubernetes/client-node accept http://
    expect(config.clusters[0]).toEqual({ name: 'kube-ts', cluster: { server: `http://127.0.0.1:${cluster.port('KUBE_TS_API_PORT')}`, 'insecure-skip-tls-verify': true } })
    expect(config.users.map((user) => user.name)).toEqual(['admin'])
  })

  it('answers kubectl version with a 1.32 server', async () => {
    const result = await cluster.kubectl('version', '-o', 'json')
    expect(result.code).toBe(0)
    const version = JSON.parse(result.stdout) as { serverVersion?: { major: string, minor: string, gitVersion: string } }
    expect(version.serverVersion?.major).toBe('1')
    expect(version.serverVersion?.minor.replace('+', '')).toBe('32')
    expect(version.serverVersion?.gitVersion).toMatch(/^v1\.32\./)
  })

  it('lists the four system namespaces with kubectl get ns', async () => {
    const result = await cluster.kubectl('get', 'ns')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^NAME\s+STATUS\s+AGE/)
    const names = result.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[0])
    expect(names).toEqual(expect.arrayContaining(['default', 'kube-node-lease', 'kube-public', 'kube-system']))
  })

  it('creates a ConfigMap from a manifest, shows it, labels, annotates and deletes it', async () => {
    const manifest = join(cluster.home, 'configmap.yaml')
    writeFileSync(manifest, [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: e2e-settings', '  namespace: default',
      'data:', '  color: blue', '  greeting: hello world', ''
    ].join('\n'))
    const created = await cluster.kubectl('create', '-f', manifest)
    expect(created.code).toBe(0)
    expect(created.stdout.trim()).toBe('configmap/e2e-settings created')

    const shown = await cluster.kubectl('get', 'cm', 'e2e-settings', '-o', 'yaml')
    expect(shown.code).toBe(0)
    const object = parse(shown.stdout) as { kind: string, data: Record<string, string>, metadata: { name: string, uid?: string, resourceVersion?: string } }
    expect(object.kind).toBe('ConfigMap')
    expect(object.data).toEqual({ color: 'blue', greeting: 'hello world' })
    expect(object.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(object.metadata.resourceVersion).toMatch(/^\d+$/)

    const labelled = await cluster.kubectl('label', 'cm', 'e2e-settings', 'tier=e2e')
    expect(labelled.stdout.trim()).toBe('configmap/e2e-settings labeled')
    const annotated = await cluster.kubectl('annotate', 'cm', 'e2e-settings', 'owner=kube-ts')
    expect(annotated.stdout.trim()).toBe('configmap/e2e-settings annotated')
    const selected = await cluster.kubectl('get', 'cm', '-l', 'tier=e2e', '-o', 'jsonpath={.items[*].metadata.name} {.items[*].metadata.annotations.owner}')
    expect(selected.stdout.trim()).toBe('e2e-settings kube-ts')

    const deleted = await cluster.kubectl('delete', '-f', manifest)
    expect(deleted.stdout.trim()).toBe('configmap "e2e-settings" deleted')
    const gone = await cluster.kubectl('get', 'cm', 'e2e-settings')
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('Error from server (NotFound): configmaps "e2e-settings" not found')
  })

  it('reports etcd and the apiserver as running and healthy in scripts/cluster status', async () => {
    const status = await cluster.cluster('status')
    expect(status.code).toBe(0)
    expect(status.stdout).toMatch(/^etcd\s+running\s+pid=\d+\s+health=ok/m)
    expect(status.stdout).toMatch(/^kube-apiserver\s+running\s+pid=\d+\s+health=ok/m)
    expect(status.stdout).toMatch(/^dockerd\s+running/m)
  })

  it('leaves a running cluster alone when up runs a second time', async () => {
    const again = await cluster.cluster('up')
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('etcd already running')
    expect(again.stderr).toContain('kube-apiserver already running')
    expect(cluster.recordedPids().sort()).toEqual([...firstPids].sort())
    expect((await cluster.kubectl('get', 'ns', 'default')).code).toBe(0)
  }, upTimeoutMs)

  it('restarts the apiserver when it crashes', async () => {
    const before = Number(readFileSync(join(cluster.home, 'run/kube-apiserver.child.pid'), 'utf8'))
    process.kill(before, 'SIGKILL')
    let answered = false
    for (let attempt = 0; attempt < 60 && !answered; attempt++) {
      await new Promise((done) => setTimeout(done, 500))
      answered = (await cluster.kubectl('get', 'ns', 'default')).code === 0
    }
    expect(answered).toBe(true)
    const after = Number(readFileSync(join(cluster.home, 'run/kube-apiserver.child.pid'), 'utf8'))
    expect(after).not.toBe(before)
  }, 60_000)

  it('stops every process it started with scripts/cluster down', async () => {
    const pids = cluster.recordedPids()
    expect(pids.length).toBeGreaterThanOrEqual(4) // etcd and the apiserver, each with its supervisor
    const down = await cluster.cluster('down')
    expect(down.code).toBe(0)
    expect(pids.filter(isAlive)).toEqual([])
    expect(cluster.recordedPids()).toEqual([])
    const status = await cluster.cluster('status')
    expect(status.code).not.toBe(0)
    expect(status.stdout).toMatch(/^etcd\s+stopped/m)
    expect(status.stdout).toMatch(/^kube-apiserver\s+stopped/m)
  }, 120_000)
})

// Table: the part whose port is squatted, and the variable that moves it.
describe.each([
  ['etcd', 'KUBE_TS_ETCD_PORT'],
  ['kube-apiserver', 'KUBE_TS_API_PORT']
] as const)('scripts/cluster up when the %s port is taken', (part, variable) => {
  let cluster: ClusterHarness
  let squatter: Server

  beforeAll(async () => {
    cluster = await ClusterHarness.create(`busy-${part}`)
    squatter = createServer(() => undefined)
    await new Promise<void>((done) => squatter.listen(cluster.port(variable), '127.0.0.1', done))
  })

  afterAll(async () => {
    await new Promise((done) => squatter.close(done))
    await cluster.destroy()
  }, 120_000)

  it('refuses at once with the port and the variable that moves it, and starts nothing on it', async () => {
    const up = await cluster.cluster('up')
    expect(up.code).not.toBe(0)
    expect(up.stderr).toContain(`port ${cluster.port(variable)} is already in use`)
    expect(up.stderr).toContain(`not by this cluster's ${part}`)
    expect(up.stderr).toContain(`pick another port with ${variable}`)
    expect(up.stderr).not.toContain(`starting ${part}`)
    expect(existsSync(join(cluster.home, 'run', `${part}.pid`))).toBe(false)
  }, upTimeoutMs)
})
