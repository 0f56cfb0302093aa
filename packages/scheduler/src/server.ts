import { setMaxListeners } from 'node:events'
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Node, Pod, PodCondition, ReplicationController, Service } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { Logger } from 'pino'
import { loadClientConfig, RestClient, waitForApiserver, resources, runAsLeader, systemClock, waitForCacheSync, SharedInformerFactory } from '@kube-ts/client'
import type { ClientConfig, Clock } from '@kube-ts/client'
import { createMetricsRegistry, LeaderElectionLostError, startHealthServer } from '@kube-ts/component-base'
import type { HealthServer } from '@kube-ts/component-base'
import { SchedulerCache } from './cache/scheduler-cache.js'
import { loadConfig } from './config/load-config.js'
import type { SchedulerConfiguration } from './config/types.js'
import { buildFramework } from './framework/build-framework.js'
import type { Framework } from './framework/framework.js'
import { bindingFor } from './framework/plugins/defaultbinder/default-binder.js'
import type { Listers } from './framework/interface.js'
import { inTreeRegistry } from './framework/registry.js'
import type { PluginDeps, PluginFactory } from './framework/registry.js'
import { WaitingPods } from './framework/waiting-pods.js'
import { wireInformers } from './informers.js'
import { createSchedulerMetrics } from './metrics.js'
import type { SchedulerOptions } from './options.js'
import { Nominator } from './queue/nominator.js'
import { SchedulingQueue } from './queue/scheduling-queue.js'
import { Scheduler } from './scheduler.js'
import { SchedulerEventSink } from './event-sink.js'
import type { SchedulerApi } from './scheduler.js'

export interface RunDeps {
  signal: AbortSignal
  logger: Logger
  clock?: Clock
  /** Called once the health server listens (tests read the chosen port). */
  onListening?: (server: HealthServer) => void
  /** Leader election identity; default `<hostname>_<uuid>` as upstream. */
  identity?: string
  /** Overrides the file named by --config (tests, embedders). */
  config?: SchedulerConfiguration
  /** Out-of-tree plugins by name, added to the in-tree ones (upstream app.WithPlugin). */
  outOfTreeRegistry?: ReadonlyMap<string, PluginFactory>
}

export { LeaderElectionLostError }

/**
 * kube-scheduler's server loop (upstream app.Run): config, health and metrics, wait for the apiserver, then
 * informers and the scheduling loop, under leader election on Lease kube-system/kube-scheduler unless
 * `--leader-elect=false`. Resolves on clean shutdown; rejects with LeaderElectionLostError when the lease is lost.
 */
export async function run (options: SchedulerOptions, deps: RunDeps): Promise<void> {
  const log = deps.logger
  const clock = deps.clock ?? systemClock
  const config = deps.config ?? await loadConfig(options.config, new Set(deps.outOfTreeRegistry?.keys() ?? []))
  const clientConfig = loadClientConfig({ kubeconfig: options.kubeconfig, master: options.master })
  const registry = createMetricsRegistry()
  let leading = !options.leaderElection.enabled
  let synced = false
  const health = await startHealthServer({
    port: options.securePort,
    bindAddress: options.bindAddress,
    checks: [],
    // upstream: a standby is ready too; readiness only means the caches it serves from are warm once leading
    readyChecks: [{ name: 'sched-handler-sync', check: () => !leading || synced }],
    registry,
    logger: log,
    signal: deps.signal
  })
  deps.onListening?.(health)
  const metrics = createSchedulerMetrics(registry)
  const runScheduling = async (signal: AbortSignal): Promise<void> => {
    leading = true
    const registry = new Map([...inTreeRegistry, ...(deps.outOfTreeRegistry ?? [])])
    await runSchedulerLoop({ clientConfig, options, config, log, clock, metrics, signal, registry, onSynced: () => { synced = true } })
  }
  try {
    await waitForApiserver(clientConfig, { component: 'kube-scheduler', signal: deps.signal, logger: log, clock })
    if (deps.signal.aborted) return
    if (!options.leaderElection.enabled) { await runScheduling(deps.signal); return }
    const le = options.leaderElection
    const result = await runAsLeader(clientConfig, {
      component: 'kube-scheduler',
      // upstream kube-scheduler releases on shutdown (ReleaseOnCancel), so a restarted or standby scheduler takes over at once
      lease: { namespace: le.resourceNamespace, name: le.resourceName, leaseDurationMs: le.leaseDurationMs, renewDeadlineMs: le.renewDeadlineMs, retryPeriodMs: le.retryPeriodMs, releaseOnCancel: true },
      ...(deps.identity !== undefined ? { identity: deps.identity } : {}),
      work: 'scheduling',
      run: runScheduling,
      clock,
      signal: deps.signal,
      logger: log
    })
    if (result === 'lost') throw new LeaderElectionLostError()
  } finally {
    await health.close()
  }
}

interface LoopDeps {
  clientConfig: ClientConfig
  options: SchedulerOptions
  config: SchedulerConfiguration
  log: Logger
  clock: Clock
  metrics: ReturnType<typeof createSchedulerMetrics>
  signal: AbortSignal
  registry: ReadonlyMap<string, PluginFactory>
  onSynced: () => void
}

/** RFC 3339 seconds, as metav1.Time serialises. */
const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')

/** Informers, queue, cache, one framework per profile, and the scheduling loop until `signal` aborts. */
async function runSchedulerLoop (d: LoopDeps): Promise<void> {
  const inner = new AbortController()
  setMaxListeners(0, inner.signal)
  const onAbort = (): void => { inner.abort(d.signal.reason) }
  d.signal.addEventListener('abort', onAbort, { once: true })
  const client = new RestClient(d.clientConfig, { component: 'kube-scheduler', qps: d.options.kubeApiQps, burst: d.options.kubeApiBurst, logger: d.log.child({ client: 'kube-scheduler' }), clock: d.clock })
  const podsApi = client.resource<Pod>(resources.pods)
  const recorder = new SchedulerEventSink({ client: client.resource(resources.events), component: 'default-scheduler', clock: d.clock, logger: d.log }, d.log)
  const factory = new SharedInformerFactory(client, { clock: d.clock, logger: d.log })
  const podInformer = factory.forResource<Pod>(resources.pods)
  const nodeInformer = factory.forResource<Node>(resources.nodes)
  // what PodTopologySpread's default selector and DefaultPreemption's PDB check read (upstream shared informers)
  const extraInformers = {
    services: factory.forResource<Service>(resources.services),
    replicationControllers: factory.forResource<ReplicationController>(resources.replicationControllers),
    replicaSets: factory.forResource<ReplicaSet>(resources.replicaSets),
    statefulSets: factory.forResource<StatefulSet>(resources.statefulSets),
    podDisruptionBudgets: factory.forResource<PodDisruptionBudget>(resources.podDisruptionBudgets)
  }
  const listOf = <T>(inf: { lister: () => { list: (ns?: string) => unknown[] } }) => (ns: string): readonly T[] => inf.lister().list(ns) as T[]
  const listers: Listers = {
    services: listOf<Service>(extraInformers.services),
    replicationControllers: listOf<ReplicationController>(extraInformers.replicationControllers),
    replicaSets: listOf<ReplicaSet>(extraInformers.replicaSets),
    statefulSets: listOf<StatefulSet>(extraInformers.statefulSets),
    podDisruptionBudgets: listOf<PodDisruptionBudget>(extraInformers.podDisruptionBudgets)
  }
  const nominator = new Nominator()
  const waitingPods = new WaitingPods(d.clock)
  const cache = new SchedulerCache()
  const queue = new SchedulingQueue({
    clock: d.clock,
    initialBackoffMs: d.config.podInitialBackoffSeconds * 1000,
    maxBackoffMs: d.config.podMaxBackoffSeconds * 1000,
    maxInUnschedulableMs: d.options.podMaxInUnschedulablePodsDurationMs
  })
  const podLister = podInformer.lister()
  const api: SchedulerApi = {
    currentPod: (p) => podLister.get(p.metadata?.namespace ?? '', p.metadata?.name ?? '') as Pod | undefined,
    event: (p, type, reason, message) => { recorder.record(p, type, reason, message) },
    updatePodScheduledCondition: async (p, cond, nominated, signal) => {
      const status: Record<string, unknown> = { conditions: [{ ...cond, lastProbeTime: null, lastTransitionTime: rfc3339(d.clock.now()) }] }
      if (nominated !== undefined) status.nominatedNodeName = nominated === '' ? null : nominated
      await podsApi.patch(p.metadata?.namespace ?? '', p.metadata?.name ?? '', 'strategic', { status }, { subresource: 'status', signal })
    }
  }
  const frameworks = new Map<string, Framework>()
  for (const profile of d.config.profiles) {
    const pluginDeps: PluginDeps = {
      handle: {
        nodeInfos: () => cache.nodeInfos(),
        nodeInfo: (n) => cache.nodeInfo(n),
        imageNumNodes: (i) => cache.imageNumNodes(i),
        nodesWithRequiredAntiAffinity: () => cache.nodesWithRequiredAntiAffinity(),
        nominatedPodsForNode: (n) => nominator.nominatedPodsForNode(n),
        listers
      },
      waitingPods,
      clock: d.clock,
      bind: async (p, node, signal) => { await podsApi.subresource('binding').create(p.metadata?.namespace ?? '', p.metadata?.name ?? '', bindingFor(p, node), { signal }) },
      preemption: {
        addCondition: async (victim, cond: PodCondition, signal) => {
          await podsApi.patch(victim.metadata?.namespace ?? '', victim.metadata?.name ?? '', 'strategic', { status: { conditions: [{ ...cond, lastTransitionTime: rfc3339(d.clock.now()) }] } }, { subresource: 'status', signal })
            .catch((err: { reason?: string }) => { if (err.reason !== 'NotFound') throw err })
        },
        deletePod: async (victim, signal) => {
          await podsApi.delete(victim.metadata?.namespace ?? '', victim.metadata?.name ?? '', { signal }).catch((err: { reason?: string }) => { if (err.reason !== 'NotFound') throw err })
        },
        event: (victim, type, reason, message) => { recorder.record(victim, type, reason, message) },
        clearNomination: async (p, signal) => {
          await podsApi.patch(p.metadata?.namespace ?? '', p.metadata?.name ?? '', 'merge', { status: { nominatedNodeName: null } }, { subresource: 'status', signal })
            .catch((err: { reason?: string }) => { if (err.reason !== 'NotFound') throw err })
        }
      }
    }
    frameworks.set(profile.schedulerName, buildFramework(profile, pluginDeps, d.registry))
  }
  wireInformers(podInformer, nodeInformer, cache, queue, new Set(frameworks.keys()), { nominator, waitingPods })
  const scheduler = new Scheduler({
    queue,
    cache,
    frameworks,
    percentageOfNodesToScore: d.config.percentageOfNodesToScore,
    profilePercentage: new Map(d.config.profiles.map(p => [p.schedulerName, p.percentageOfNodesToScore])),
    api,
    clock: d.clock,
    logger: d.log.child({ logger: 'scheduler' }),
    metrics: d.metrics,
    nominator
  })
  const gauge = setInterval(() => {
    const l = queue.lengths()
    d.metrics.pendingPods.set({ queue: 'active' }, l.active)
    d.metrics.pendingPods.set({ queue: 'backoff' }, l.backoff)
    d.metrics.pendingPods.set({ queue: 'unschedulable' }, l.unschedulable)
  }, 1000)
  gauge.unref()
  try {
    factory.start(inner.signal)
    if (!await waitForCacheSync(inner.signal, podInformer, nodeInformer, ...Object.values(extraInformers))) return
    d.onSynced()
    d.log.info({ nodes: cache.nodeCount(), profiles: [...frameworks.keys()] }, 'caches synced, scheduling')
    queue.run()
    await scheduler.run(inner.signal)
  } finally {
    clearInterval(gauge)
    queue.close()
    d.signal.removeEventListener('abort', onAbort)
    inner.abort()
    await factory.shutdown()
    await recorder.flush(2000)
    client.close()
  }
}
