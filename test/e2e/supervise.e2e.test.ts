// The supervisor every `cluster up` daemon runs under (scripts/lib/supervise), with real processes.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isAlive, repoRoot } from './support/cluster-harness.js'

const supervise = join(repoRoot, 'scripts/lib/supervise')

async function until (what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

function readText (file: string): string {
  try { return readFileSync(file, 'utf8') } catch { return '' }
}

function readPid (file: string): number {
  try { return Number.parseInt(readFileSync(file, 'utf8').trim(), 10) } catch { return 0 }
}

describe('scripts/lib/supervise', () => {
  let dir: string
  const started: number[] = []

  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'kube-ts-supervise-')) })
  afterEach(() => {
    for (const pid of started.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  function start (name: string, command: string[], env: NodeJS.ProcessEnv = {}): number {
    const child = spawn(supervise, [name, dir, join(dir, `${name}.log`), '--', ...command], {
      env: { ...process.env, KUBE_TS_SUPERVISE_MAX_BACKOFF: '1', ...env }, stdio: 'ignore', detached: true
    })
    child.unref()
    started.push(child.pid ?? 0)
    return child.pid ?? 0
  }

  it('restarts a child that dies and records the new pid', async () => {
    const supervisor = start('sleeper', ['sleep', '300'])
    const childFile = join(dir, 'sleeper.child.pid')
    await until('the first child', () => readPid(childFile) > 0)
    const first = readPid(childFile)
    started.push(first)
    process.kill(first, 'SIGKILL')
    await until('a restarted child', () => readPid(childFile) > 0 && readPid(childFile) !== first)
    const second = readPid(childFile)
    started.push(second)
    expect(isAlive(second)).toBe(true)
    expect(readPid(join(dir, 'sleeper.pid'))).toBe(supervisor)
    expect(readFileSync(join(dir, 'sleeper.state'), 'utf8').trim()).toBe('running 1')
    expect(readFileSync(join(dir, 'sleeper.log'), 'utf8')).toMatch(/exited with code 137 after \d+s; restart 1 in 1s/)
  })

  it('stops its child and removes its pid files on SIGTERM', async () => {
    const supervisor = start('stopper', ['sleep', '300'])
    const childFile = join(dir, 'stopper.child.pid')
    await until('the child', () => readPid(childFile) > 0)
    const child = readPid(childFile)
    started.push(child)
    process.kill(supervisor, 'SIGTERM')
    await until('both processes to exit', () => !isAlive(supervisor) && !isAlive(child))
    expect(existsSync(join(dir, 'stopper.pid'))).toBe(false)
    expect(existsSync(childFile)).toBe(false)
    expect(readFileSync(join(dir, 'stopper.state'), 'utf8').trim()).toBe('stopped 0')
  })

  it('does not restart a daemon that exits at once saying it is not implemented', async () => {
    const supervisor = start('skeleton', ['sh', '-c', 'echo "kube-scheduler: run() is not implemented yet" >&2; exit 1'])
    await until('the supervisor to give up', () => !isAlive(supervisor))
    expect(readFileSync(join(dir, 'skeleton.state'), 'utf8').trim()).toBe('not-implemented 0')
    expect(existsSync(join(dir, 'skeleton.pid'))).toBe(false)
    expect(readFileSync(join(dir, 'skeleton.log'), 'utf8').match(/started pid/g)).toHaveLength(1)
  })

  it('keeps restarting a crashing daemon with backoff instead of giving up', async () => {
    const supervisor = start('crasher', ['sh', '-c', 'echo boom; exit 3'])
    await until('three restarts', () => /restart 3 in/.test(readText(join(dir, 'crasher.log'))), 15_000)
    expect(isAlive(supervisor)).toBe(true)
    expect(readFileSync(join(dir, 'crasher.log'), 'utf8')).toMatch(/exited with code 3 after \d+s; restart 1 in 1s/)
    process.kill(supervisor, 'SIGTERM')
    await until('the supervisor to stop', () => !isAlive(supervisor))
  }, 30_000)
})
