// Runs the repository's scripts the way a user does, under a temporary KUBE_TS_HOME and free ports,
// so e2e clusters never collide with a developer's cluster or with each other.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '../../..')
export const kubectlPath = process.env.KUBECTL ?? '/usr/bin/kubectl'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Runs a command to completion; never rejects, so tests can assert on the exit code and output. */
export async function run (file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 600_000): Promise<RunResult> {
  return await new Promise((done) => {
    execFile(file, args, { env, cwd: repoRoot, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1
      done({ code, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort (): Promise<number> {
  return await new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => done(port))
    })
  })
}

const portVariables = [
  'KUBE_TS_ETCD_PORT', 'KUBE_TS_ETCD_PEER_PORT', 'KUBE_TS_API_PORT', 'KUBE_TS_SCHEDULER_PORT',
  'KUBE_TS_CONTROLLER_MANAGER_PORT', 'KUBE_TS_CLOUD_CONTROLLER_MANAGER_PORT', 'KUBE_TS_KUBELET_HEALTHZ_PORT',
  'KUBE_TS_KUBELET_PORT', 'KUBE_TS_KUBE_PROXY_HEALTHZ_PORT', 'KUBE_TS_KUBE_PROXY_METRICS_PORT', 'KUBE_TS_DNS_PORT',
  'KUBE_TS_DNS_HEALTH_PORT', 'KUBE_TS_REGISTRY_PORT'
] as const

export class ClusterHarness {
  readonly home: string
  readonly env: NodeJS.ProcessEnv
  readonly kubeconfig: string

  private constructor (home: string, env: NodeJS.ProcessEnv) {
    this.home = home
    this.env = env
    this.kubeconfig = join(home, 'kubeconfig')
  }

  /** A harness with its own home and ports; nothing is started yet. */
  static async create (name: string): Promise<ClusterHarness> {
    const home = mkdtempSync(join(tmpdir(), `kube-ts-e2e-${name}-`))
    const env: NodeJS.ProcessEnv = { ...process.env, KUBE_TS_HOME: home, KUBECACHEDIR: join(home, 'kubectl-cache') }
    for (const variable of portVariables) env[variable] = String(await freePort())
    // A node name of its own, so a kubelet (once it exists) never adopts another cluster's containers.
    env.KUBE_TS_NODE_NAME = `e2e-${name}-${process.pid}`
    return new ClusterHarness(home, env)
  }

  /** A harness whose cluster is up; on failure it is torn down and the error says why. */
  static async up (name: string): Promise<ClusterHarness> {
    const cluster = await ClusterHarness.create(name)
    const up = await cluster.cluster('up')
    if (up.code !== 0) {
      await cluster.destroy()
      throw new Error(describeRun('scripts/cluster up', up))
    }
    return cluster
  }

  port (variable: typeof portVariables[number]): number {
    return Number(this.env[variable])
  }

  async cluster (...args: string[]): Promise<RunResult> {
    return await run(join(repoRoot, 'scripts/cluster'), args, this.env)
  }

  async kubectl (...args: string[]): Promise<RunResult> {
    return await run(kubectlPath, ['--kubeconfig', this.kubeconfig, '--request-timeout=20s', ...args], this.env, 60_000)
  }

  /** kubectl's stdout; a non-zero exit throws with the whole run in the message. */
  async k (...args: string[]): Promise<string> {
    const r = await this.kubectl(...args)
    if (r.code !== 0) throw new Error(describeRun(`kubectl ${args.join(' ')}`, r))
    return r.stdout
  }

  /** kubectl with extra environment, e.g. KUBE_EDITOR for `kubectl edit`. */
  async kubectlEnv (extra: NodeJS.ProcessEnv, ...args: string[]): Promise<RunResult> {
    return await run(kubectlPath, ['--kubeconfig', this.kubeconfig, '--request-timeout=20s', ...args], { ...this.env, ...extra }, 60_000)
  }

  async kubectlWithInput (input: string, ...args: string[]): Promise<RunResult> {
    return await new Promise((done) => {
      const child = execFile(kubectlPath, ['--kubeconfig', this.kubeconfig, ...args], { env: this.env, timeout: 60_000 },
        (err, stdout, stderr) => {
          const code = err === null ? 0 : typeof err.code === 'number' ? err.code : 1
          done({ code, stdout: String(stdout), stderr: String(stderr) })
        })
      child.stdin?.end(input)
    })
  }

  /** Every pid recorded in $KUBE_TS_HOME/run/*.pid right now. */
  recordedPids (): number[] {
    const runDir = join(this.home, 'run')
    let files: string[] = []
    try { files = readdirSync(runDir).filter((file) => file.endsWith('.pid')) } catch { return [] }
    return files
      .map((file) => Number.parseInt(readFileSync(join(runDir, file), 'utf8').trim(), 10))
      .filter((pid) => Number.isInteger(pid) && pid > 0)
  }

  log (name: string): string {
    try { return readFileSync(join(this.home, 'logs', `${name}.log`), 'utf8').split('\n').slice(-40).join('\n') } catch { return '' }
  }

  /** Stops whatever is left and deletes the home. Safe to call twice. */
  async destroy (): Promise<void> {
    await this.cluster('down', '--purge')
    rmSync(this.home, { recursive: true, force: true })
  }
}

export function isAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Formats a failed command for an assertion message. */
export function describeRun (what: string, result: RunResult): string {
  return `${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr.slice(-6000)}`
}

/** Polls `fn` every 250 ms until it is true; throws naming `what` after `timeoutMs`. */
export async function eventually (what: string, fn: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
