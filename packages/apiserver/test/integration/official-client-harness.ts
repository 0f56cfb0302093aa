import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testKubeconfig } from '@kube-ts/testing'
import { startApiServer } from '../../src/http/testing/start-server.js'

/** An apiserver on the test etcd with a kubeconfig for an official client library that runs in a child process. */
export interface OfficialClientHarness {
  kubeconfig: string
  /** Runs `file args... <kubeconfig>` and returns the JSON of its last stdout line. */
  runScript: (file: string, args: string[], timeoutMs: number) => Promise<unknown>
  stop: () => Promise<void>
}

export async function startOfficialClientHarness (name: string): Promise<OfficialClientHarness> {
  const server = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', `/kube-ts-${name}-${randomUUID()}`)
  const dir = await mkdtemp(join(tmpdir(), `kube-ts-${name}-`))
  const kubeconfig = join(dir, 'kubeconfig')
  // client-node refuses plain http unless insecure-skip-tls-verify is set (TLS comes with the security issue)
  await writeFile(kubeconfig, testKubeconfig(server.url, { insecureSkipTlsVerify: true }))
  for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  return {
    kubeconfig,
    runScript: async (file, args, timeoutMs) => {
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(file, [...args, kubeconfig], { timeout: timeoutMs }, (err, out, errOut) => {
          if (err !== null) reject(new Error(`${err.message}\n${errOut}`)); else resolve(out)
        })
      })
      return JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
    },
    stop: async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
