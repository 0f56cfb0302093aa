import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// extensionless on purpose: jest's globalSetup loads this file without the module mapper that maps './x.js' to .ts
import { freePort } from './free-port'

export interface EtcdHarnessOptions {
  /** Path of the etcd binary; defaults to `$KUBE_TS_ETCD_BIN` or /usr/bin/etcd. */
  binary?: string
  /** How long to wait for /health after (re)start. */
  startTimeoutMs?: number
  /** Extra command-line flags (e.g. `--quota-backend-bytes=...`). */
  extraArgs?: string[]
}

export interface EtcdHandle {
  /** Client URL, e.g. http://127.0.0.1:41234. Stays the same across restart(). */
  readonly url: string
  readonly dataDir: string
  /** Pid of the current etcd process (changes on restart). */
  readonly pid: number
  /** SIGTERM, SIGKILL after 3 s, then removes the data dir. Idempotent. */
  stop: () => Promise<void>
  /** Simulates a crash: SIGKILL, keeping the data dir so restart() comes back with the same state. */
  kill9: () => Promise<void>
  /** Starts etcd again on the same ports and data dir (after kill9, or kills the running one first). */
  restart: () => Promise<void>
}

const KEEP_OUTPUT_CHARS = 8000

class EtcdProcess implements EtcdHandle {
  private child: ChildProcess | undefined
  private exited: Promise<void> = Promise.resolve()
  private output = ''
  private stopped = false

  constructor (
    readonly url: string,
    private readonly peerUrl: string,
    private readonly baseDir: string,
    private readonly opts: Required<Pick<EtcdHarnessOptions, 'binary' | 'startTimeoutMs'>> & { extraArgs: string[] }
  ) {}

  get dataDir (): string {
    return join(this.baseDir, 'data')
  }

  get pid (): number {
    return this.child?.pid ?? -1
  }

  async start (): Promise<void> {
    const args = [
      '--name', 'default',
      '--data-dir', this.dataDir,
      '--listen-client-urls', this.url,
      '--advertise-client-urls', this.url,
      '--listen-peer-urls', this.peerUrl,
      '--initial-advertise-peer-urls', this.peerUrl,
      '--initial-cluster', `default=${this.peerUrl}`,
      '--initial-cluster-state', 'new',
      '--logger', 'zap',
      '--log-level', 'warn',
      ...this.opts.extraArgs
    ]
    const child = spawn(this.opts.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    this.child = child
    const keep = (b: Buffer): void => { this.output = (this.output + b.toString()).slice(-KEEP_OUTPUT_CHARS) }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    this.exited = new Promise(resolve => {
      child.once('exit', () => resolve())
      child.once('error', (err) => { keep(Buffer.from(String(err))); resolve() })
    })
    await this.waitHealthy(child)
  }

  private async waitHealthy (child: ChildProcess): Promise<void> {
    const deadline = Date.now() + this.opts.startTimeoutMs
    let gone = false
    void this.exited.then(() => { gone = true })
    while (Date.now() < deadline) {
      if (gone || child.exitCode !== null) throw new Error(`etcd exited during startup:\n${this.output}`)
      if (await probeHealth(this.url)) return
      await sleep(50)
    }
    await this.kill('SIGKILL')
    throw new Error(`etcd did not become healthy within ${this.opts.startTimeoutMs} ms:\n${this.output}`)
  }

  /** Sends a signal and waits for the process to exit (escalating to SIGKILL after 3 s). */
  private async kill (signal: NodeJS.Signals): Promise<void> {
    const child = this.child
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return
    child.kill(signal)
    const escalate = setTimeout(() => { child.kill('SIGKILL') }, 3000)
    await this.exited
    clearTimeout(escalate)
  }

  async kill9 (): Promise<void> {
    await this.kill('SIGKILL')
  }

  async restart (): Promise<void> {
    if (this.stopped) throw new Error('etcd harness was stopped; start a new one')
    await this.kill('SIGTERM')
    await this.start()
  }

  async stop (): Promise<void> {
    this.stopped = true
    await this.kill('SIGTERM')
    await rm(this.baseDir, { recursive: true, force: true })
  }

  /** Recent etcd output, for diagnosing test failures. */
  recentOutput (): string {
    return this.output
  }
}

async function probeHealth (url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
    if (!res.ok) return false
    const body = await res.json() as { health?: string }
    return body.health === 'true'
  } catch {
    return false
  }
}

async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Starts a single-member etcd on free 127.0.0.1 ports with a fresh temp data dir and waits until /health says so.
 * A port grabbed by someone else between picking and binding makes etcd exit; that is retried with new ports.
 */
export async function startEtcd (opts: EtcdHarnessOptions = {}): Promise<EtcdHandle & { recentOutput: () => string }> {
  const resolved = {
    binary: opts.binary ?? process.env.KUBE_TS_ETCD_BIN ?? '/usr/bin/etcd',
    startTimeoutMs: opts.startTimeoutMs ?? 20000,
    extraArgs: opts.extraArgs ?? []
  }
  let lastErr: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    const baseDir = await mkdtemp(join(tmpdir(), 'kube-ts-etcd-'))
    const [clientPort, peerPort] = [await freePort(), await freePort()]
    const proc = new EtcdProcess(`http://127.0.0.1:${clientPort}`, `http://127.0.0.1:${peerPort}`, baseDir, resolved)
    try {
      await proc.start()
      return proc
    } catch (err) {
      lastErr = err
      await proc.stop()
    }
  }
  throw lastErr
}
