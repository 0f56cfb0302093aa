import { randomUUID } from 'node:crypto'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { startApiServer } from '@kube-ts/apiserver'
import { testKubeconfig } from '@kube-ts/testing'
import { RestClient, resources } from '@kube-ts/client'
import { defaultOptions, run as runControllerManager } from '@kube-ts/controller-manager'
import type { Options } from '@kube-ts/controller-manager'

export interface ControllerManager {
  stop: () => Promise<void>
  done: Promise<void>
  /** Resolves with the health/metrics port once it listens. */
  port: Promise<number>
}

export interface Cluster {
  url: string
  dir: string
  kubeconfig: string
  client: RestClient
  /** Starts an in-process kube-controller-manager; `stop()` aborts it as a kill would (no lease release). */
  startControllerManager: (over?: Partial<Options>, identity?: string) => ControllerManager
  kubectl: (args: string[]) => Promise<{ code: number, stdout: string, stderr: string }>
  stop: () => Promise<void>
}

/** A real apiserver on its own etcd prefix, plus a kubeconfig for kubectl and the controller-manager. */
export async function startCluster (): Promise<Cluster> {
  const etcdUrl = process.env.KUBE_TS_TEST_ETCD ?? ''
  const api = await startApiServer(etcdUrl, `/kube-ts-kcm-${randomUUID()}`, { maxRequestsInflight: 800, maxMutatingRequestsInflight: 400 })
  const url = api.url
  const dir = await mkdtemp(join(tmpdir(), 'kube-ts-kcm-'))
  const kubeconfig = join(dir, 'kubeconfig')
  await writeFile(kubeconfig, testKubeconfig(url))
  const client = new RestClient({ server: url }, { qps: 0 })
  const managers: Array<{ stop: () => Promise<void> }> = []
  const logLevel = (process.env.KUBE_TS_TEST_LOG ?? 'silent') as pino.Level
  return {
    url,
    dir,
    kubeconfig,
    client,
    startControllerManager: (over = {}, identity) => {
      const ac = new AbortController()
      const opts: Options = { ...defaultOptions, kubeconfig, leaderElect: false, securePort: 0, bindAddress: '127.0.0.1', controllers: ['replicaset-controller', 'deployment-controller'], ...over }
      let onPort: (p: number) => void = () => {}
      const port = new Promise<number>((resolve) => { onPort = resolve })
      const done = runControllerManager(opts, { signal: ac.signal, logger: pino({ level: logLevel }).child({ identity }), identity, onListening: (h) => { onPort(h.port) } })
      const m = { stop: async () => { ac.abort(); await done.catch(() => {}) }, done, port }
      managers.push(m)
      return m
    },
    kubectl: async (args) => await new Promise((resolve) => {
      execFile('/usr/bin/kubectl', args, { env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache') }, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
      })
    }),
    stop: async () => {
      await Promise.all(managers.map(async m => await m.stop()))
      client.close()
      await api.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/**
 * Stands in for the kubelet: every pod in `namespace` not yet Ready becomes Running and Ready `delayMs` after
 * it is first seen. Returns a stop function.
 */
export function markPodsReady (client: RestClient, namespace: string, delayMs: number): () => Promise<void> {
  const firstSeen = new Map<string, number>()
  let stopped = false
  const loop = (async () => {
    const api = client.resource<Pod>(resources.pods)
    while (!stopped) {
      const list = await api.list(namespace).catch(() => ({ items: [] as Pod[] }))
      const now = Date.now()
      await Promise.all(list.items.map(async (p) => {
        const name = p.metadata?.name ?? ''
        if (p.metadata?.deletionTimestamp != null) return
        if (p.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') === true) return
        const seen = firstSeen.get(name) ?? now
        firstSeen.set(name, seen)
        if (now - seen < delayMs) return
        const t = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
        await api.patch(namespace, name, 'merge', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }] } }, { subresource: 'status' }).catch(() => {})
      }))
      await new Promise(r => setTimeout(r, 50))
    }
  })()
  return async () => { stopped = true; await loop }
}

export async function waitFor<T> (what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await fn().catch(() => undefined)
    if (v !== undefined) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 100))
  }
}
