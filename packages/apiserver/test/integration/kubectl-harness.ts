import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Etcd3 } from 'etcd3'
import { testKubeconfig } from '@kube-ts/testing'
import type { Options } from '../../src/options.js'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

const kubectlBin = process.env.KUBE_TS_KUBECTL ?? '/usr/bin/kubectl'

export interface KubectlResult { code: number, stdout: string, stderr: string }

/** An apiserver on the test etcd under a prefix of its own, and the real kubectl pointed at it. */
export interface KubectlHarness {
  server: RunningApiServer
  /** kubectl's working directory and HOME; manifests written here are found by relative name. */
  dir: string
  env: NodeJS.ProcessEnv
  etcd: Etcd3
  prefix: string
  kubectl: (args: string[], stdin?: string) => Promise<KubectlResult>
  /** The object stored at `<prefix>/<key>` (e.g. `configmaps/default/demo`), or undefined. */
  stored: (key: string) => Promise<any>
  stop: () => Promise<void>
}

export async function startKubectlHarness (name: string, serverOptions: Partial<Options> = {}): Promise<KubectlHarness> {
  const etcdUrl = process.env.KUBE_TS_TEST_ETCD ?? ''
  const prefix = `/kube-ts-${name}-${randomUUID()}`
  const server = await startApiServer(etcdUrl, prefix, serverOptions)
  const etcd = new Etcd3({ hosts: etcdUrl })
  const dir = await mkdtemp(join(tmpdir(), `kube-ts-${name}-`))
  await writeFile(join(dir, 'kubeconfig'), testKubeconfig(server.url))
  const env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache') }
  // the default namespace is created in the background at startup
  for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  return {
    server,
    dir,
    env,
    etcd,
    prefix,
    kubectl: async (args, stdin) => await new Promise((resolve) => {
      const child = execFile(kubectlBin, args, { env, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
      })
      if (stdin !== undefined) child.stdin?.end(stdin)
    }),
    stored: async (key) => {
      const text = await etcd.get(`${prefix}/${key}`).string()
      return text === null ? undefined : JSON.parse(text)
    },
    stop: async () => {
      await server.stop()
      await etcd.delete().prefix(prefix)
      etcd.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
