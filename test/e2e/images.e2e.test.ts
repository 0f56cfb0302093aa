// scripts/images (local, reproducible images) and scripts/registry (a local registry the images are pushed to).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, repoRoot, run } from './support/cluster-harness.js'

describe('scripts/images', () => {
  it('builds busybox and pause, and imports nothing again when the inputs did not change', async () => {
    const first = await run(join(repoRoot, 'scripts/images'), [], process.env)
    expect(first.code).toBe(0)
    const second = await run(join(repoRoot, 'scripts/images'), [], process.env)
    expect(second.code).toBe(0)
    expect(second.stderr).toContain('kube-ts/busybox:1.36 is up to date')
    expect(second.stderr).toContain('kube-ts/pause:3.10 is up to date')
  }, 120_000)

  it('makes a busybox image whose applets, users and /tmp work', async () => {
    const result = await run('docker', ['run', '--rm', 'kube-ts/busybox:1.36', 'sh', '-c', 'id -un; stat -c %a /tmp; which httpd nc nslookup wget'], process.env, 60_000)
    expect(result.code).toBe(0)
    expect(result.stdout.trim().split('\n')).toEqual(['root', '1777', '/usr/sbin/httpd', '/usr/bin/nc', '/usr/bin/nslookup', '/usr/bin/wget'])
  }, 60_000)

  it('makes a pause image that exits 0 on SIGTERM', async () => {
    const started = await run('docker', ['run', '-d', '--label', 'io.kube-ts.e2e=images', 'kube-ts/pause:3.10'], process.env, 60_000)
    const id = started.stdout.trim()
    try {
      expect(started.code).toBe(0)
      expect((await run('docker', ['stop', '-t', '10', id], process.env, 60_000)).code).toBe(0)
      const code = await run('docker', ['inspect', '-f', '{{.State.ExitCode}}', id], process.env, 60_000)
      expect(code.stdout.trim()).toBe('0')
    } finally {
      await run('docker', ['rm', '-f', id], process.env, 60_000)
    }
  }, 60_000)
})

describe('scripts/registry', () => {
  let env: NodeJS.ProcessEnv
  let home: string
  let port: number

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kube-ts-registry-'))
    port = await freePort()
    env = { ...process.env, KUBE_TS_HOME: home, KUBE_TS_REGISTRY_PORT: String(port) }
  })

  afterAll(async () => {
    await run(join(repoRoot, 'scripts/registry'), ['down'], env)
    rmSync(home, { recursive: true, force: true })
  })

  it('serves the pushed images on 127.0.0.1 so a pull is a real pull, and stops on down', async () => {
    const up = await run(join(repoRoot, 'scripts/registry'), ['up'], env)
    expect(up.code).toBe(0)
    const catalog = await run('node', [join(repoRoot, 'scripts/lib/http-ok.js'), `http://127.0.0.1:${port}/v2/_catalog`], env)
    expect(JSON.parse(catalog.stdout).repositories).toEqual(expect.arrayContaining(['kube-ts/busybox', 'kube-ts/pause']))
    const image = `127.0.0.1:${port}/kube-ts/busybox:1.36`
    await run('docker', ['rmi', image], env, 60_000)
    const pulled = await run('docker', ['pull', image], env, 60_000)
    expect(pulled.code).toBe(0)
    await run('docker', ['rmi', image], env, 60_000)
    const down = await run(join(repoRoot, 'scripts/registry'), ['down'], env)
    expect(down.code).toBe(0)
    const status = await run(join(repoRoot, 'scripts/registry'), ['status'], env)
    expect(status.code).toBe(1)
    expect(status.stdout.trim()).toBe('registry stopped')
  }, 180_000)
})
