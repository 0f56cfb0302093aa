import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { startApiServer } from '@kube-ts/apiserver'
import { testKubeconfig } from '@kube-ts/testing'
import { RestClient, resources } from '@kube-ts/client'
import { run as runScheduler } from '../../src/server.js'
import type { RunDeps } from '../../src/server.js'
import type { SchedulerOptions } from '../../src/options.js'

export interface RunningScheduler { stop: () => Promise<void>, done: Promise<void>, port: Promise<number> }

export interface Cluster {
  url: string
  kubeconfig: string
  client: RestClient
  startScheduler: (over?: Partial<SchedulerOptions>, deps?: Partial<RunDeps>) => RunningScheduler
  stop: () => Promise<void>
}

export function schedulerOptions (kubeconfig: string, over: Partial<SchedulerOptions> = {}): SchedulerOptions {
  return {
    logFormat: 'json', v: 0, kubeconfig, bindAddress: '127.0.0.1', securePort: 0, kubeApiQps: 500, kubeApiBurst: 1000,
    podMaxInUnschedulablePodsDurationMs: 300_000,
    leaderElection: { enabled: false, leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, resourceLock: 'leases', resourceName: 'kube-scheduler', resourceNamespace: 'kube-system' },
    ...over
  }
}

/** A real apiserver on its own etcd prefix (etcd from the jest globalSetup) and a kubeconfig for the scheduler. */
export async function startCluster (): Promise<Cluster> {
  const api = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', `/kube-ts-sched-${randomUUID()}`, {
    maxRequestsInflight: 800,
    maxMutatingRequestsInflight: 400,
    // pods here set spec.priority directly, as upstream's scheduler integration tests do with Priority admission off
    disabledAdmissionPlugins: ['Priority']
  })
  const url = api.url
  const dir = await mkdtemp(join(tmpdir(), 'kube-ts-sched-'))
  const kubeconfig = join(dir, 'kubeconfig')
  await writeFile(kubeconfig, testKubeconfig(url))
  const client = new RestClient({ server: url }, { qps: 0 })
  const running: RunningScheduler[] = []
  const level = (process.env.KUBE_TS_TEST_LOG ?? 'silent') as pino.Level
  return {
    url,
    kubeconfig,
    client,
    startScheduler: (over = {}, deps = {}) => {
      const ac = new AbortController()
      let onPort: (p: number) => void = () => {}
      const port = new Promise<number>((resolve) => { onPort = resolve })
      const done = runScheduler(schedulerOptions(kubeconfig, over), { signal: ac.signal, logger: pino({ level }), onListening: (h) => { onPort(h.port) }, ...deps })
      const s = { stop: async () => { ac.abort(); await done.catch(() => {}) }, done, port }
      running.push(s)
      return s
    },
    stop: async () => {
      await Promise.all(running.map(async s => await s.stop()))
      client.close()
      await api.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export function node (name: string, o: { cpu?: string, memory?: string, pods?: string, labels?: Record<string, string>, taints?: Node['spec'] extends infer S ? S extends { taints?: infer T } ? T : never : never, unschedulable?: boolean } = {}): Node {
  const capacity = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110' }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True' }] }
  }
}

export function pod (name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}, namespace = 'default'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } }
}

export async function createNode (client: RestClient, n: Node): Promise<void> {
  const created = await client.resource<Node>(resources.nodes).create('', n)
  // status is ignored on create; write capacity/allocatable/conditions through the status subresource
  await client.resource<Node>(resources.nodes).updateStatus('', { ...created, status: n.status })
}

export async function waitFor<T> (what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const v = await fn().catch(() => undefined)
    if (v !== undefined) return v
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 50))
  }
}

export async function boundNode (client: RestClient, name: string, ns = 'default'): Promise<string> {
  return await waitFor(`pod ${name} bound`, async () => {
    const p = await client.resource<Pod>(resources.pods).get(ns, name)
    return (p.spec?.nodeName ?? '') === '' ? undefined : p.spec?.nodeName
  })
}

/** Stands in for the kubelet: confirms graceful deletions of terminating pods in `ns` every 100 ms. Returns the stop function. */
export function finalizeTerminatingPods (client: RestClient, ns = 'default'): () => void {
  const pods = client.resource<Pod>(resources.pods)
  const timer = setInterval(() => {
    void (async () => {
      const list = await pods.list(ns)
      for (const p of list.items) {
        if (p.metadata?.deletionTimestamp != null) await pods.delete(ns, p.metadata.name ?? '', { gracePeriodSeconds: 0 }).catch(() => {})
      }
    })().catch(() => {})
  }, 100)
  return () => { clearInterval(timer) }
}

/** The pod, or undefined once it is gone. */
export async function getPod (client: RestClient, name: string, ns = 'default'): Promise<Pod | undefined> {
  try {
    return await client.resource<Pod>(resources.pods).get(ns, name)
  } catch (err) {
    if ((err as { reason?: string }).reason === 'NotFound') return undefined
    throw err
  }
}

/** A pod spec with one container requesting `m` of CPU. */
export function cpuSpec (m: string): Pod['spec'] {
  return { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: m } } }] }
}
