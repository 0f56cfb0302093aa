import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// extensionless on purpose: jest loads globalSetup outside its module mapper, so './x.js' would not find the .ts
import { startEtcd, type EtcdHandle } from '../etcd-harness'

/** Where the teardown finds the etcd started here (also kept on globalThis: both hooks share one process). */
export const PID_FILE_ENV = 'KUBE_TS_TEST_ETCD_PIDFILE'

/**
 * Jest globalSetup for the integration project: one etcd for the whole run, its URL in KUBE_TS_TEST_ETCD (test
 * workers inherit the env). Tests isolate themselves with a unique key prefix. An etcd URL already in the env is
 * reused and left alone.
 */
// jest requires a default export for globalSetup
export default async function globalSetup (): Promise<void> {
  if (process.env.KUBE_TS_TEST_ETCD !== undefined && process.env.KUBE_TS_TEST_ETCD !== '') return
  const etcd = await startEtcd()
  process.env.KUBE_TS_TEST_ETCD = etcd.url
  const pidFile = join(tmpdir(), `kube-ts-jest-etcd-${process.pid}.json`)
  await writeFile(pidFile, JSON.stringify({ pid: etcd.pid, dataDir: etcd.dataDir }))
  process.env[PID_FILE_ENV] = pidFile;
  (globalThis as { __kubeTsEtcd?: EtcdHandle }).__kubeTsEtcd = etcd
}
