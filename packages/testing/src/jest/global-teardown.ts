import { readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { EtcdHandle } from '../etcd-harness.js'

const PID_FILE_ENV = 'KUBE_TS_TEST_ETCD_PIDFILE'

async function waitGone (pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    try { process.kill(pid, 0) } catch { return true }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return false
}

/** Stops the etcd that global-setup started: through its handle when available, else by the pid file. */
// jest requires a default export for globalTeardown
export default async function globalTeardown (): Promise<void> {
  const g = globalThis as { __kubeTsEtcd?: EtcdHandle }
  const pidFile = process.env[PID_FILE_ENV]
  if (g.__kubeTsEtcd !== undefined) {
    await g.__kubeTsEtcd.stop()
    g.__kubeTsEtcd = undefined
  } else if (pidFile !== undefined) {
    const { pid, dataDir } = JSON.parse(await readFile(pidFile, 'utf8')) as { pid: number, dataDir: string }
    try { process.kill(pid, 'SIGTERM') } catch { /* already gone */ }
    if (!await waitGone(pid, 3000)) {
      try { process.kill(pid, 'SIGKILL') } catch { /* already gone */ }
    }
    await rm(dirname(dataDir), { recursive: true, force: true })
  }
  if (pidFile !== undefined) await rm(pidFile, { force: true })
}
