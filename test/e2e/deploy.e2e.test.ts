// deploy/: the systemd install script (dry run into a temporary root, units verified) and the compose demo.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describeRun, freePort, repoRoot, run } from './support/cluster-harness.js'

const daemons = ['apiserver', 'controller-manager', 'scheduler', 'cloud-controller-manager', 'kubelet', 'kube-proxy', 'coredns-lite']

function commandExists (name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('deploy/systemd/install.sh --root', () => {
  let root: string

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kube-ts-install-'))
    const result = await run(join(repoRoot, 'deploy/systemd/install.sh'), ['--root', root], { ...process.env, KUBE_TS_API_PORT: '7443' })
    if (result.code !== 0) throw new Error(describeRun('install.sh --root', result))
  }, 300_000)

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it.each(daemons)('installs a runnable %s under /opt/kube-ts', (daemon) => {
    const main = join(root, 'opt/kube-ts/packages', daemon, 'dist/main.js')
    expect(existsSync(main)).toBe(true)
  })

  it('installs the apiserver with production dependencies that load', () => {
    const help = execFileSync(join(root, 'opt/kube-ts/bin/node'), [join(root, 'opt/kube-ts/packages/apiserver/dist/main.js'), '--help'], { encoding: 'utf8' })
    expect(help).toContain('--etcd-servers')
    expect(existsSync(join(root, 'opt/kube-ts/node_modules/typescript'))).toBe(false)
  })

  it.each([...daemons, 'etcd'])('writes an env file for %s with its arguments', (daemon) => {
    const env = readFileSync(join(root, 'etc/kube-ts', `${daemon}.env`), 'utf8')
    expect(env).toMatch(daemon === 'etcd' ? /^ETCD_ARGS="--name .+"$/m : /^KUBE_TS_ARGS="--.+"$/m)
  })

  it('points the apiserver at etcd and the chosen port, and every kubeconfig at the apiserver', () => {
    expect(readFileSync(join(root, 'etc/kube-ts/apiserver.env'), 'utf8')).toContain('--secure-port=7443')
    const admin = parse(readFileSync(join(root, 'etc/kube-ts/admin.kubeconfig'), 'utf8')) as { clusters: Array<{ cluster: { server: string } }> }
    expect(admin.clusters[0]?.cluster.server).toBe('http://127.0.0.1:7443')
    for (const daemon of daemons.slice(1)) {
      expect(readFileSync(join(root, 'etc/kube-ts/kubelet.env'), 'utf8')).toContain('--kubeconfig=/etc/kube-ts/kubelet.kubeconfig')
      expect(existsSync(join(root, 'etc/kube-ts', `${daemon}.kubeconfig`))).toBe(true)
    }
  })

  it('turns service account tokens on with a private signing key in /etc/kube-ts/pki, as scripts/cluster up does', () => {
    const env = readFileSync(join(root, 'etc/kube-ts/apiserver.env'), 'utf8')
    expect(env).toContain('--service-account-issuer=https://kubernetes.default.svc.cluster.local')
    expect(env).toContain('--service-account-signing-key-file=/etc/kube-ts/pki/sa.key')
    expect(env).toContain('--service-account-key-file=/etc/kube-ts/pki/sa.pub')
    for (const file of ['sa.key', 'sa.pub']) expect(statSync(join(root, 'etc/kube-ts/pki', file)).mode & 0o777).toBe(0o600)
  })

  it('installs one unit per daemon, each restarting always and reading its env file', () => {
    const units = readdirSync(join(root, 'etc/systemd/system')).sort()
    expect(units).toEqual([
      'kube-ts-apiserver.service', 'kube-ts-cloud-controller-manager.service', 'kube-ts-controller-manager.service',
      'kube-ts-coredns-lite.service', 'kube-ts-etcd.service', 'kube-ts-kubelet.service', 'kube-ts-proxy.service',
      'kube-ts-scheduler.service'
    ])
    for (const unit of units) {
      const text = readFileSync(join(root, 'etc/systemd/system', unit), 'utf8')
      expect(text).toContain('Restart=always')
      expect(text).toMatch(/^EnvironmentFile=\/etc\/kube-ts\/[a-z-]+\.env$/m)
      if (unit !== 'kube-ts-etcd.service') expect(text).toMatch(/^After=.*kube-ts-(etcd|apiserver)\.service/m)
    }
  })

  it('passes systemd-analyze verify with the paths of the installed tree', () => {
    if (!commandExists('systemd-analyze')) {
      // Without systemd-analyze the units were still checked for their keys above.
      return
    }
    const dir = join(root, 'verify')
    mkdirSync(dir)
    for (const unit of readdirSync(join(root, 'etc/systemd/system'))) {
      const text = readFileSync(join(root, 'etc/systemd/system', unit), 'utf8').replaceAll('/opt/kube-ts', join(root, 'opt/kube-ts'))
      writeFileSync(join(dir, unit), text)
    }
    const units = readdirSync(dir).map((unit) => join(dir, unit))
    const output = execFileSync('sh', ['-c', 'systemd-analyze verify "$@" 2>&1; echo "exit=$?"', 'verify', ...units], { encoding: 'utf8' })
    expect(output.trim().split('\n').filter((line) => !/^exit=/.test(line) && !/etcd.*is not executable/.test(line))).toEqual([])
  })
})

describe('deploy/compose', () => {
  const composeFile = join(repoRoot, 'deploy/compose/docker-compose.yml')

  it('is a valid docker-compose 1.29 file with etcd, a control plane and two worker nodes', async () => {
    const result = await run('docker-compose', ['-f', composeFile, 'config'], process.env, 60_000)
    expect(result.code).toBe(0)
    const config = parse(result.stdout) as { services: Record<string, { image: string, init?: boolean, cap_add?: string[], cap_drop?: string[] }> }
    expect(Object.keys(config.services).sort()).toEqual(['control-plane', 'etcd', 'node-1', 'node-2'])
    for (const node of ['node-1', 'node-2']) {
      expect(config.services[node]).toMatchObject({ image: 'kube-ts/worker:dev', init: true, cap_add: ['ALL'], cap_drop: ['SYS_RESOURCE'] })
    }
  })

  describe('a smoke run of the images build.sh makes', () => {
    const project = `ktse2e${process.pid}`
    let env: NodeJS.ProcessEnv
    let home: string

    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'kube-ts-compose-'))
      env = { ...process.env, KUBE_TS_HOME: home, KUBE_TS_COMPOSE_API_PORT: String(await freePort()) }
      const built = await run(join(repoRoot, 'deploy/compose/build.sh'), [], env)
      if (built.code !== 0) throw new Error(describeRun('deploy/compose/build.sh', built))
      const up = await run('docker-compose', ['-p', project, '-f', composeFile, 'up', '-d'], env, 180_000)
      if (up.code !== 0) throw new Error(describeRun('docker-compose up', up))
    }, 600_000)

    afterAll(async () => {
      await run('docker-compose', ['-p', project, '-f', composeFile, 'down', '-v', '-t', '5'], env, 180_000)
      rmSync(home, { recursive: true, force: true })
    }, 180_000)

    it('serves the API to kubectl through the published control-plane port', async () => {
      let result = { code: 1, stdout: '', stderr: '' }
      for (let attempt = 0; attempt < 60 && result.code !== 0; attempt++) {
        await new Promise((done) => setTimeout(done, 1000))
        result = await run('/usr/bin/kubectl', ['--kubeconfig', join(home, 'compose.kubeconfig'), 'get', 'ns', '-o', 'name'], env, 30_000)
      }
      expect(result.stdout).toContain('namespace/kube-system')
    }, 120_000)

    it('issues service account tokens with the key the control plane keeps in its volume', async () => {
      const kubectl = async (...args: string[]): Promise<{ code: number, stdout: string }> =>
        await run('/usr/bin/kubectl', ['--kubeconfig', join(home, 'compose.kubeconfig'), ...args], env, 30_000)
      if ((await kubectl('get', 'serviceaccount', 'default')).code !== 0) await kubectl('create', 'serviceaccount', 'default')
      const token = await kubectl('create', 'token', 'default')
      expect(token.code).toBe(0)
      expect(token.stdout.trim().split('.')).toHaveLength(3)
    }, 60_000)

    it('runs a Docker daemon inside each worker with the node pod CIDR as its bridge', async () => {
      for (const [node, cidr] of [['node-1', '10.244.1.1/24'], ['node-2', '10.244.2.1/24']] as const) {
        let bridge = ''
        for (let attempt = 0; attempt < 60 && !bridge.includes(cidr); attempt++) {
          await new Promise((done) => setTimeout(done, 1000))
          const result = await run('docker-compose', ['-p', project, '-f', composeFile, 'exec', '-T', node, 'ip', '-4', 'addr', 'show', 'docker0'], env, 30_000)
          bridge = result.stdout
        }
        expect(bridge).toContain(`inet ${cidr}`)
        const info = await run('docker-compose', ['-p', project, '-f', composeFile, 'exec', '-T', node, 'docker', 'info', '--format', '{{.ServerVersion}}'], env, 30_000)
        expect(info.stdout.trim()).toMatch(/^\d+\.\d+/)
      }
    }, 180_000)
  })
})
