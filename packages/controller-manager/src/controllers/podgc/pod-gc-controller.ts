import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { resources, waitForCacheSync } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { PodGarbageCollectorController as controllerName } from '../names.js'

/** Upstream gcCheckPeriod. */
export const gcCheckPeriodMs = 20_000

export interface PodGcDeps {
  client: KubeClient
  podInformer: SharedInformer<Pod>
  nodeInformer: SharedInformer<Node>
  logger: Logger
  clock: Clock
  /** --terminated-pod-gc-threshold; 0 or less turns the terminated-pod pass off. */
  terminatedPodThreshold: number
  periodMs?: number
}

type RPod = DeepReadonly<Pod>
const isTerminated = (p: RPod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
const podRef = (p: RPod): string => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`

/**
 * Pod garbage collection (upstream pkg/controller/podgc), one pass every 20 s: deletes the oldest terminated
 * pods above the threshold, force-deletes pods bound to nodes that no longer exist (after a live read confirms
 * the node is gone, marking them Failed with a DisruptionTarget condition first) and unscheduled pods that are
 * terminating (no kubelet will ever finish them).
 */
export class PodGcController {
  private readonly log: Logger

  constructor (private readonly deps: PodGcDeps) {
    this.log = deps.logger.child({ controller: controllerName })
  }

  async run (signal: AbortSignal): Promise<void> {
    this.log.info({ threshold: this.deps.terminatedPodThreshold }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.podInformer, this.deps.nodeInformer)) return
    while (!signal.aborted) {
      try { await this.gc(signal) } catch (err) { if (!signal.aborted) this.log.warn({ err }, 'pod gc pass failed') }
      await new Promise<void>((resolve) => {
        const t = this.deps.clock.setTimeout(resolve, this.deps.periodMs ?? gcCheckPeriodMs)
        signal.addEventListener('abort', () => { this.deps.clock.clearTimeout(t); resolve() }, { once: true })
      })
    }
    this.log.info('controller stopped')
  }

  async gc (signal?: AbortSignal): Promise<void> {
    const pods = this.deps.podInformer.lister().list()
    await this.gcTerminated(pods, signal)
    await this.gcOrphaned(pods, signal)
    await this.gcUnscheduledTerminating(pods, signal)
  }

  private async gcTerminated (pods: RPod[], signal?: AbortSignal): Promise<void> {
    const threshold = this.deps.terminatedPodThreshold
    if (threshold <= 0) return
    const terminated = pods.filter((p) => isTerminated(p) && p.metadata?.deletionTimestamp == null)
    const excess = terminated.length - threshold
    if (excess <= 0) return
    // oldest first, name breaking ties, as upstream's byEvictionAndCreationTimestamp
    terminated.sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? '') || podRef(a).localeCompare(podRef(b)))
    this.log.info({ count: excess, threshold }, 'garbage collecting terminated pods')
    for (const p of terminated.slice(0, excess)) await this.forceDelete(p, signal)
  }

  private async gcOrphaned (pods: RPod[], signal?: AbortSignal): Promise<void> {
    const nodes = this.deps.nodeInformer.lister()
    const missing = new Map<string, boolean>()
    for (const p of pods) {
      const nodeName = p.spec?.nodeName ?? ''
      if (nodeName === '' || nodes.get('', nodeName) !== undefined) continue
      let gone = missing.get(nodeName)
      if (gone === undefined) {
        // the node cache may lag a new node: only the apiserver may say it is gone
        try { await this.deps.client.resource<Node>(resources.nodes).get('', nodeName, { signal }); gone = false } catch (err) { if (!isNotFound(err)) throw err; gone = true }
        missing.set(nodeName, gone)
      }
      if (!gone) continue
      this.log.info({ pod: podRef(p), node: nodeName }, 'deleting orphaned pod')
      if (!isTerminated(p)) {
        const now = new Date(this.deps.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
        const conditions = [...(structuredClone(p.status?.conditions ?? []) as NonNullable<NonNullable<Pod['status']>['conditions']>).filter((c) => c.type !== 'DisruptionTarget'),
          { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastTransitionTime: now }]
        try {
          await this.deps.client.resource<Pod>(resources.pods).patch(p.metadata?.namespace ?? '', p.metadata?.name ?? '', 'merge', { metadata: { uid: p.metadata?.uid }, status: { phase: 'Failed', conditions } }, { subresource: 'status', signal })
        } catch (err) { if (isNotFound(err)) continue; throw err }
      }
      await this.forceDelete(p, signal)
    }
  }

  private async gcUnscheduledTerminating (pods: RPod[], signal?: AbortSignal): Promise<void> {
    for (const p of pods) {
      if (p.metadata?.deletionTimestamp == null || (p.spec?.nodeName ?? '') !== '') continue
      this.log.info({ pod: podRef(p) }, 'deleting unscheduled terminating pod')
      await this.forceDelete(p, signal)
    }
  }

  private async forceDelete (p: RPod, signal?: AbortSignal): Promise<void> {
    const opts = { gracePeriodSeconds: 0, preconditions: { uid: p.metadata?.uid ?? '' }, signal }
    try {
      await this.deps.client.resource<Pod>(resources.pods).delete(p.metadata?.namespace ?? '', p.metadata?.name ?? '', opts)
    } catch (err) { if (!isNotFound(err)) throw err }
  }
}
