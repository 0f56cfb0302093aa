import type { Pod } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject, Selector } from '@kube-ts/api'
import { isConflict, isNotFound, newControllerRef } from '@kube-ts/api'
import { isNamespaceTerminating, objectKey, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, DeletedFinalStateUnknown, Logger } from '@kube-ts/client'
import { claimObjects, ownerFromApi } from '../../controller-utils/controller-ref-manager.js'
import type { EventRecorder } from '../../controller-utils/events.js'
import { ControllerExpectations } from '../../controller-utils/expectations.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { ApiPodControl } from '../../controller-utils/pod-control.js'
import type { PodControl } from '../../controller-utils/pod-control.js'
import { coLocationRank, sortForDeletion } from '../../controller-utils/pod-deletion-order.js'
import { isPodActive, isPodReady, podKey } from '../../controller-utils/pod-utils.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { slowStartBatch } from '../../controller-utils/slow-start.js'
import { calculateStatus, statusChanged } from './replica-status.js'
import type { ReplicatedObject, WorkloadKind } from './workload-kind.js'

/** Upstream BurstReplicas: the most pods one sync creates or deletes. */
export const burstReplicas = 500
/** Pods indexed by the uid of their controller, so a sync finds its own pods without scanning the namespace twice. */
export const controllerUidIndex = 'controller-uid'

export interface ReplicaSetControllerDeps {
  kind: WorkloadKind
  client: KubeClient
  rsInformer: SharedInformer<ReplicatedObject>
  podInformer: SharedInformer<Pod>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  podControl?: PodControl
  registry?: Registry
  burst?: number
}

type RObj = DeepReadonly<ReplicatedObject>
type RPod = DeepReadonly<Pod>

function controllerRefOf (obj: { metadata?: { ownerReferences?: ReadonlyArray<DeepReadonly<OwnerReference>> } } | undefined): DeepReadonly<OwnerReference> | undefined {
  return obj?.metadata?.ownerReferences?.find(r => r.controller === true)
}

/**
 * Keeps `spec.replicas` pods running for each ReplicaSet (or ReplicationController), as upstream's
 * pkg/controller/replicaset: adopts and releases pods by selector, creates and deletes through PodControl in
 * slow-start batches guarded by expectations, and writes status every sync.
 */
export class ReplicaSetController {
  readonly queue: WorkQueue<string>
  readonly expectations: ControllerExpectations
  private readonly log: Logger
  private readonly podControl: PodControl
  private readonly kind: WorkloadKind

  constructor (private readonly deps: ReplicaSetControllerDeps) {
    this.kind = deps.kind
    this.log = deps.logger.child({ controller: deps.kind.controllerName })
    this.queue = new WorkQueue<string>({ name: deps.kind.controllerName.replace(/-controller$/, ''), clock: deps.clock, registry: deps.registry })
    this.expectations = new ControllerExpectations(deps.clock)
    this.podControl = deps.podControl ?? new ApiPodControl(deps.client, deps.recorder, deps.kind.controllerName)
    deps.podInformer.addIndexer(controllerUidIndex, (p) => { const r = controllerRefOf(p as RPod); return r === undefined ? [] : [r.uid] })
    deps.rsInformer.addEventHandler({
      onAdd: (rs) => { this.enqueue(rs) },
      onUpdate: (_old, cur) => { this.enqueue(cur) },
      onDelete: (rs) => { this.enqueue(unwrapTombstone(rs)) }
    })
    deps.podInformer.addEventHandler({
      onAdd: (p) => { this.addPod(p) },
      onUpdate: (o, c) => { this.updatePod(o, c) },
      onDelete: (p) => { this.deletePod(p) }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.rsInformer, this.deps.podInformer)) return
    await runWorkers({ name: this.kind.controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Reconciles one ReplicaSet; public so tests drive it directly. Throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const rs = this.deps.rsInformer.lister().get(namespace, name)
    if (rs === undefined) {
      this.expectations.delete(key)
      return
    }
    const needsSync = this.expectations.satisfied(key)
    let selector: Selector
    try {
      selector = this.kind.selectorOf(rs)
    } catch (err) {
      // an invalid selector will not fix itself on retry
      this.log.error({ err, key }, 'invalid selector, skipping')
      return
    }
    const active = this.deps.podInformer.lister().list(namespace).filter(isPodActive)
    const claimed = await this.claimPods(rs, selector, active, signal)
    let manageError: unknown
    if (needsSync && rs.metadata.deletionTimestamp == null) {
      try {
        await this.manageReplicas(key, rs, claimed, signal)
      } catch (err) {
        manageError = err
      }
    }
    const updated = await this.writeStatus(rs, calculateStatus(rs, claimed, manageError, this.deps.clock.now()), signal)
    const replicas = updated.spec?.replicas ?? 1
    const minReady = updated.spec?.minReadySeconds ?? 0
    if (manageError === undefined && minReady > 0 && updated.status?.readyReplicas === replicas && updated.status.availableReplicas !== replicas) {
      this.queue.addAfter(key, minReady * 1000)
    }
    if (manageError !== undefined) throw manageError
  }

  private async claimPods (rs: RObj, selector: Selector, pods: readonly RPod[], signal?: AbortSignal): Promise<RPod[]> {
    const namespace = rs.metadata.namespace ?? ''
    return await claimObjects<Pod>(pods, {
      owner: rs,
      controllerRef: this.controllerRef(rs),
      selector,
      recheckOwner: ownerFromApi(this.deps.client.resource<ReplicatedObject>(this.kind.resource), namespace, rs.metadata.name ?? '', signal),
      patch: async (pod, patch) => { await this.podControl.patchPod(namespace, pod.metadata?.name ?? '', patch, signal) }
    })
  }

  private controllerRef (rs: RObj): OwnerReference {
    return newControllerRef(rs as unknown as KubeObject, this.kind.gvk)
  }

  private async manageReplicas (key: string, rs: RObj, pods: readonly RPod[], signal?: AbortSignal): Promise<void> {
    const burst = this.deps.burst ?? burstReplicas
    const diff = pods.length - (rs.spec?.replicas ?? 1)
    const namespace = rs.metadata.namespace ?? ''
    if (diff < 0) {
      const n = Math.min(-diff, burst)
      this.expectations.expectCreations(key, n)
      this.log.debug({ key, need: n }, 'too few replicas, creating')
      const template = rs.spec?.template ?? {}
      const ref = this.controllerRef(rs)
      const { successes, error } = await slowStartBatch(n, 1, async () => {
        await this.podControl.createPod(namespace, template, rs, ref, signal)
      })
      // creations that failed or never ran will not be observed by the informer
      if (n - successes > 0) this.expectations.creationFailed(key, n - successes)
      // a namespace being deleted refuses every create: nothing to retry (upstream ignores it too)
      if (error !== undefined && !isNamespaceTerminating(error)) throw error
      return
    }
    if (diff > 0) {
      const n = Math.min(diff, burst)
      const doomed = sortForDeletion(pods, coLocationRank(pods)).slice(0, n)
      this.expectations.expectDeletions(key, doomed.map(podKey))
      this.log.debug({ key, excess: n }, 'too many replicas, deleting')
      const results = await Promise.allSettled(doomed.map(async (p) => {
        try {
          await this.podControl.deletePod(namespace, p.metadata?.name ?? '', rs, signal)
        } catch (err) {
          // the delete did not happen, so the informer will never confirm it
          this.expectations.deletionObserved(key, podKey(p))
          throw err
        }
      }))
      const failed = results.find(r => r.status === 'rejected')
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason
    }
  }

  /** Writes status when it changed (observedGeneration included); on a conflict, retries once on a fresh read. */
  private async writeStatus (rs: RObj, status: ReturnType<typeof calculateStatus>, signal?: AbortSignal): Promise<RObj> {
    if (!statusChanged(rs, status)) return rs
    const api = this.deps.client.resource<ReplicatedObject>(this.kind.resource)
    let base = structuredClone(rs) as ReplicatedObject
    for (let attempt = 0; ; attempt++) {
      base.status = { ...status, observedGeneration: base.metadata.generation ?? 0 }
      try {
        return await api.updateStatus(base.metadata.namespace ?? '', base, { fieldManager: this.kind.controllerName, signal })
      } catch (err) {
        if (!isConflict(err) || attempt > 0) throw err
        base = await api.get(base.metadata.namespace ?? '', base.metadata.name ?? '', { signal })
      }
    }
  }

  private enqueue (rs: RObj): void {
    this.queue.add(objectKey(rs))
  }

  private ownerOf (pod: RPod): RObj | undefined {
    const ref = controllerRefOf(pod)
    if (ref === undefined || ref.kind !== this.kind.gvk.kind) return undefined
    const rs = this.deps.rsInformer.lister().get(pod.metadata?.namespace ?? '', ref.name)
    return rs?.metadata.uid === ref.uid ? rs : undefined
  }

  /** Every ReplicaSet in the pod's namespace whose selector matches it (for orphans). */
  private matchingOwners (pod: RPod): RObj[] {
    return this.deps.rsInformer.lister().list(pod.metadata?.namespace ?? '').filter((rs) => {
      try {
        return this.kind.selectorOf(rs).matches(pod.metadata?.labels as Record<string, string> | undefined)
      } catch {
        return false
      }
    })
  }

  private addPod (pod: RPod): void {
    if (pod.metadata?.deletionTimestamp != null) { this.deletePod(pod); return }
    if (controllerRefOf(pod) !== undefined) {
      const rs = this.ownerOf(pod)
      if (rs === undefined) return
      this.expectations.creationObserved(objectKey(rs))
      this.enqueue(rs)
      return
    }
    for (const rs of this.matchingOwners(pod)) this.enqueue(rs)
  }

  private updatePod (old: RPod, cur: RPod): void {
    if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return
    const labelsChanged = JSON.stringify(old.metadata?.labels ?? {}) !== JSON.stringify(cur.metadata?.labels ?? {})
    if (cur.metadata?.deletionTimestamp != null) {
      // a graceful delete shows up as an update first; count it now so a replacement is not delayed
      this.deletePod(cur)
      if (labelsChanged) this.deletePod(old)
      return
    }
    const oldRef = controllerRefOf(old)
    const curRef = controllerRefOf(cur)
    const refChanged = oldRef?.uid !== curRef?.uid
    if (refChanged && oldRef !== undefined) {
      const oldOwner = this.ownerOf(old)
      if (oldOwner !== undefined) this.enqueue(oldOwner)
    }
    if (curRef !== undefined) {
      const rs = this.ownerOf(cur)
      if (rs === undefined) return
      this.enqueue(rs)
      const minReady = rs.spec?.minReadySeconds ?? 0
      // a pod that just became ready turns available after minReadySeconds; look again then
      if (minReady > 0 && !isPodReady(old) && isPodReady(cur)) this.queue.addAfter(objectKey(rs), minReady * 1000 + 1000)
      return
    }
    if (labelsChanged || refChanged) for (const rs of this.matchingOwners(cur)) this.enqueue(rs)
  }

  private deletePod (obj: RPod | DeletedFinalStateUnknown<Pod>): void {
    const pod = unwrapTombstone<Pod>(obj)
    const rs = this.ownerOf(pod)
    if (rs === undefined) return
    const key = objectKey(rs)
    this.expectations.deletionObserved(key, podKey(pod))
    this.enqueue(rs)
  }
}
