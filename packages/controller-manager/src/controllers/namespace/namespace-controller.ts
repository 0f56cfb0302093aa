import type { Namespace } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { formatTime, objectKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { NamespaceController as controllerName } from '../names.js'
import type { NamespaceContentApi } from './namespace-content.js'
import { deletionConditions } from './namespace-conditions.js'
import type { RemainingContent } from './namespace-conditions.js'

/** The finalizer this controller owns in a namespace's spec.finalizers (upstream v1.FinalizerKubernetes). */
export const finalizerKubernetes = 'kubernetes'

export interface NamespaceDeps {
  api: NamespaceContentApi
  namespaceInformer: SharedInformer<Namespace>
  logger: Logger
  clock: Clock
  registry?: Registry
}

/** Why a namespace is not finalized yet; the worker looks again after `retryAfterMs` instead of backing off. */
export class ContentRemainingError extends Error {
  constructor (readonly remaining: number, readonly retryAfterMs: number) {
    super(`namespace still has ${remaining} objects`)
  }
}

/**
 * Empties namespaces being deleted (upstream pkg/controller/namespace): marks them Terminating, deletes every
 * object of every served namespaced resource, waits until none remain (the longest grace period seen, at least
 * a second), reporting what is left in the namespace's status conditions as upstream does
 * (`NamespaceContentRemaining`, `NamespaceFinalizersRemaining`, ...), then removes the `kubernetes` finalizer through the finalize subresource so the apiserver can
 * delete the namespace itself.
 */
export class NamespaceController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: NamespaceDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'namespace', clock: deps.clock, registry: deps.registry })
    const enqueue = (ns: DeepReadonly<Namespace>): void => { if (ns.metadata?.deletionTimestamp != null) this.queue.add(objectKey(ns)) }
    deps.namespaceInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => { enqueue(n) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.namespaceInformer)) return
    await runWorkers({
      name: controllerName, queue: this.queue, workers, signal, logger: this.log, registry: this.deps.registry,
      sync: async (k, s) => {
        try {
          await this.sync(k, s)
        } catch (err) {
          // content still going away is expected: look again after the estimate, not with error backoff
          if (!(err instanceof ContentRemainingError)) throw err
          this.log.debug({ key: k, remaining: err.remaining }, 'content remaining')
          this.queue.addAfter(k, err.retryAfterMs)
        }
      }
    })
    this.log.info('controller stopped')
  }

  /** One deletion pass; throws ContentRemainingError while objects are still there. */
  async sync (name: string, signal?: AbortSignal): Promise<void> {
    const api = this.deps.api
    let ns: Namespace
    try { ns = await api.getNamespace(name, signal) } catch (err) { if (isNotFound(err)) return; throw err }
    if (ns.metadata?.deletionTimestamp == null) return
    if (ns.status?.phase !== 'Terminating') {
      ns = await api.updateStatus({ ...ns, status: { ...ns.status, phase: 'Terminating' } }, signal)
    }
    if (!(ns.spec?.finalizers ?? []).includes(finalizerKubernetes)) return
    const all = await api.deletableResources(signal)
    for (const r of all) await api.deleteAll(r, name, signal)
    let remaining = 0
    let grace = 0
    const content: RemainingContent[] = []
    for (const r of all) {
      const left = await api.remaining(r, name, signal)
      remaining += left.count
      grace = Math.max(grace, left.graceSeconds)
      content.push({ group: r.group, resource: r.resource, count: left.count, finalizers: left.finalizers })
    }
    const conditions = deletionConditions(ns.status?.conditions ?? [], content, formatTime(this.deps.clock.now()))
    if (conditions !== undefined) ns = await api.updateStatus({ ...ns, status: { ...ns.status, conditions } }, signal)
    if (remaining > 0) throw new ContentRemainingError(remaining, Math.max(1, grace) * 1000)
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== finalizerKubernetes)
    try {
      await api.finalize({ ...ns, spec: { ...ns.spec, finalizers } }, signal)
    } catch (err) {
      // a 404 is fine only when the namespace itself is gone, not when the finalize route is missing
      if (!isNotFound(err) || await this.exists(name, signal)) throw err
    }
    this.log.info({ namespace: name }, 'namespace content deleted and finalized')
  }

  private async exists (name: string, signal?: AbortSignal): Promise<boolean> {
    try { await this.deps.api.getNamespace(name, signal); return true } catch (err) { if (isNotFound(err)) return false; throw err }
  }
}
