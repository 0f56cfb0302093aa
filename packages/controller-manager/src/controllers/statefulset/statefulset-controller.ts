import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1.js'
import type { PersistentVolumeClaim, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject, Selector } from '@kube-ts/api'
import { getControllerOf, isAlreadyExists, isNotFound, newControllerRef, selectorFromLabelSelector } from '@kube-ts/api'
import { objectKey, resources, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, DeletedFinalStateUnknown, Logger } from '@kube-ts/client'
import { claimObjects, ownerFromApi } from '../../controller-utils/controller-ref-manager.js'
import type { EventRecorder } from '../../controller-utils/events.js'
import { computeHash } from '../../controller-utils/hash.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { isPodAvailable, isPodReady, msUntilAvailable } from '../../controller-utils/pod-utils.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { ensureRevision, truncateHistory } from '../daemonset/history.js'
import { statusChanged } from '../job/status-changed.js'
import { StatefulSetController as controllerName } from '../names.js'
import { claimsFor, newStatefulSetPod, ordinalOf, podRevision } from './identity.js'

const setGvk = { group: 'apps', version: 'v1', kind: 'StatefulSet' }

export interface StatefulSetControllerDeps {
  client: KubeClient
  setInformer: SharedInformer<StatefulSet>
  podInformer: SharedInformer<Pod>
  revisionInformer: SharedInformer<ControllerRevision>
  pvcInformer: SharedInformer<PersistentVolumeClaim>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  registry?: Registry
}

type RSet = DeepReadonly<StatefulSet>
type RPod = DeepReadonly<Pod>
type RRev = DeepReadonly<ControllerRevision>

const terminating = (p: RPod): boolean => p.metadata?.deletionTimestamp != null
const runningAndReady = (p: RPod): boolean => p.status?.phase === 'Running' && isPodReady(p)

/** What one sync decided to do; at most one step of an ordered rollout. */
interface Revisions { current: RRev, update: RRev }

/**
 * Runs StatefulSets as upstream's pkg/controller/statefulset: pods named `<set>-<ordinal>` with stable hostname
 * and subdomain, PVCs from volumeClaimTemplates created before their pod (and kept: Retain), OrderedReady
 * (one pod at a time, waiting for Running and Ready) or Parallel management, RollingUpdate from the highest
 * ordinal down to the partition one pod at a time (or OnDelete), ControllerRevisions as history, and status.
 */
export class StatefulSetController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: StatefulSetControllerDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'statefulset', clock: deps.clock, registry: deps.registry })
    const changed = (o: { metadata?: { resourceVersion?: string } }, c: { metadata?: { resourceVersion?: string } }): boolean => o.metadata?.resourceVersion !== c.metadata?.resourceVersion
    deps.setInformer.addEventHandler({
      onAdd: (s) => { this.queue.add(objectKey(s)) },
      onUpdate: (o, c) => { if (changed(o, c)) this.queue.add(objectKey(c)) },
      onDelete: (s) => { this.queue.add(objectKey(unwrapTombstone(s))) }
    })
    const onPod = (p: RPod): void => {
      const ref = getControllerOf(p as never)
      if (ref?.kind !== 'StatefulSet') {
        // an orphan may be adopted by a set whose selector matches it
        if (ref === undefined) for (const s of this.matchingSets(p)) this.queue.add(objectKey(s))
        return
      }
      const set = deps.setInformer.lister().get(p.metadata?.namespace ?? '', ref.name)
      if (set?.metadata?.uid === ref.uid) this.queue.add(objectKey(set))
    }
    deps.podInformer.addEventHandler({
      onAdd: onPod,
      onUpdate: (o, c) => { if (changed(o, c)) onPod(c) },
      onDelete: (p) => { onPod(unwrapTombstone(p as RPod | DeletedFinalStateUnknown<Pod>)) }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.setInformer, this.deps.podInformer, this.deps.revisionInformer, this.deps.pvcInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Reconciles one StatefulSet; public so tests drive it directly. Throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const set = this.deps.setInformer.lister().get(namespace, name)
    if (set === undefined) return
    let selector: Selector
    try {
      selector = selectorFromLabelSelector(set.spec?.selector as never)
    } catch (err) {
      this.log.error({ err, key }, 'invalid selector, skipping')
      return
    }
    const ref = newControllerRef(set as unknown as KubeObject, setGvk) as OwnerReference
    const owned = this.deps.revisionInformer.lister().list(namespace).filter(r => getControllerOf(r as never)?.uid === set.metadata?.uid)
    const data = { spec: { template: { ...structuredClone(set.spec?.template), $patch: 'replace' } } }
    const update = await ensureRevision(this.deps.client, {
      owner: set, controllerRef: ref, revisions: owned, hash: computeHash(data, set.status?.collisionCount ?? undefined), data,
      labels: { ...set.spec?.selector?.matchLabels }, fieldManager: controllerName, signal
    })
    const current = owned.find(r => r.metadata?.name === set.status?.currentRevision) ?? update
    const revs: Revisions = { current, update }
    const pods = (await this.claimPods(set, selector, ref, signal)).filter(p => ordinalOf(set, p) !== undefined)
    if (set.metadata?.deletionTimestamp == null) await this.manage(set, pods, revs, ref, signal)
    const status = this.status(set, pods, revs)
    await truncateHistory(this.deps.client, owned, update.metadata?.name ?? '', new Set([...pods.map(podRevision), current.metadata?.name ?? '']), set.spec?.revisionHistoryLimit ?? 10, signal)
    if (statusChanged(set.status, status)) {
      await this.deps.client.resource<StatefulSet>(resources.statefulSets).updateStatus(namespace, { ...structuredClone(set), status } as StatefulSet, { fieldManager: controllerName, signal })
    }
    const minReady = set.spec?.minReadySeconds ?? 0
    const waits = pods.map(p => msUntilAvailable(p, minReady, this.deps.clock.now())).filter((x): x is number => x !== undefined)
    if (waits.length > 0) this.queue.addAfter(key, Math.min(...waits) + 100)
  }

  /** One pass of upstream's updateStatefulSet: create/replace in order, scale down, then roll the update. */
  private async manage (set: RSet, pods: readonly RPod[], revs: Revisions, ref: OwnerReference, signal?: AbortSignal): Promise<void> {
    const replicas = set.spec?.replicas ?? 1
    const start = set.spec?.ordinals?.start ?? 0
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel'
    const byOrdinal = new Map(pods.map(p => [ordinalOf(set, p) as number, p]))
    const partition = set.spec?.updateStrategy?.type === 'OnDelete' ? Infinity : (set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0)
    const now = this.deps.clock.now()
    const healthy = (p: RPod): boolean => !terminating(p) && runningAndReady(p) && isPodAvailable(p, set.spec?.minReadySeconds ?? 0, now)
    for (let o = start; o < start + replicas; o++) {
      const pod = byOrdinal.get(o)
      if (pod === undefined) {
        // ordinals below the partition keep the current revision; OnDelete recreates at the update revision
        const rev = set.spec?.updateStrategy?.type !== 'OnDelete' && o - start < partition ? revs.current : revs.update
        await this.createPod(set, o, rev, revs.update, ref, signal)
        if (monotonic) return
        continue
      }
      if (pod.status?.phase === 'Failed' && !terminating(pod)) {
        await this.deletePod(set, pod, signal)
        if (monotonic) return
        continue
      }
      await this.ensureClaims(set, o, signal)
      if (monotonic && !healthy(pod)) return
    }
    const condemned = pods.filter(p => { const o = ordinalOf(set, p) as number; return o < start || o >= start + replicas }).sort((a, b) => (ordinalOf(set, b) as number) - (ordinalOf(set, a) as number))
    for (const p of condemned) {
      if (terminating(p)) { if (monotonic) return; continue }
      // OrderedReady scales down only while every other pod is healthy (upstream firstUnhealthyPod)
      if (monotonic && pods.some(x => x !== p && !healthy(x))) return
      await this.deletePod(set, p, signal)
      if (monotonic) return
    }
    if (set.spec?.updateStrategy?.type === 'OnDelete') return
    for (let o = start + replicas - 1; o >= start + Math.min(partition, replicas); o--) {
      const pod = byOrdinal.get(o)
      if (pod === undefined) return
      if (podRevision(pod) !== revs.update.metadata?.name && !terminating(pod)) {
        await this.deletePod(set, pod, signal)
        return
      }
      if (!healthy(pod)) return
    }
  }

  private templateOf (set: RSet, rev: RRev, update: RRev): DeepReadonly<PodTemplateSpec> {
    if (rev === update) return set.spec?.template ?? {}
    const t = structuredClone((rev.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } } | undefined)?.spec?.template ?? set.spec?.template ?? {}) as PodTemplateSpec & { $patch?: string }
    delete t.$patch
    return t
  }

  private async createPod (set: RSet, ordinal: number, rev: RRev, update: RRev, ref: OwnerReference, signal?: AbortSignal): Promise<void> {
    await this.ensureClaims(set, ordinal, signal)
    const pod = newStatefulSetPod(set, this.templateOf(set, rev, update), rev.metadata?.name ?? '', ordinal, ref)
    const setName = set.metadata?.name ?? ''
    try {
      await this.deps.client.resource<Pod>(resources.pods).create(set.metadata?.namespace ?? '', pod, { fieldManager: controllerName, signal })
      this.deps.recorder.normal(set, 'SuccessfulCreate', `create Pod ${pod.metadata?.name ?? ''} in StatefulSet ${setName} successful`)
    } catch (err) {
      // the name is the lock: the pod exists, the cache has not seen it yet
      if (isAlreadyExists(err)) return
      this.deps.recorder.warning(set, 'FailedCreate', `create Pod ${pod.metadata?.name ?? ''} in StatefulSet ${setName} failed error: ${(err as Error).message}`)
      throw err
    }
  }

  private async deletePod (set: RSet, pod: RPod, signal?: AbortSignal): Promise<void> {
    const setName = set.metadata?.name ?? ''
    const name = pod.metadata?.name ?? ''
    try {
      await this.deps.client.resource<Pod>(resources.pods).delete(set.metadata?.namespace ?? '', name, { preconditions: { uid: pod.metadata?.uid ?? '' }, signal })
      this.deps.recorder.normal(set, 'SuccessfulDelete', `delete Pod ${name} in StatefulSet ${setName} successful`)
    } catch (err) {
      if (isNotFound(err)) return
      this.deps.recorder.warning(set, 'FailedDelete', `delete Pod ${name} in StatefulSet ${setName} failed error: ${(err as Error).message}`)
      throw err
    }
  }

  /** Creates the pod's missing claims (Retain policy: they outlive the pod and the set). */
  private async ensureClaims (set: RSet, ordinal: number, signal?: AbortSignal): Promise<void> {
    const namespace = set.metadata?.namespace ?? ''
    const pod = `${set.metadata?.name ?? ''}-${ordinal}`
    for (const claim of claimsFor(set, ordinal)) {
      const name = claim.metadata?.name ?? ''
      if (this.deps.pvcInformer.lister().get(namespace, name) !== undefined) continue
      try {
        await this.deps.client.resource<PersistentVolumeClaim>(resources.persistentVolumeClaims).create(namespace, claim, { fieldManager: controllerName, signal })
        this.deps.recorder.normal(set, 'SuccessfulCreate', `create Claim ${name} Pod ${pod} in StatefulSet ${set.metadata?.name ?? ''} success`)
      } catch (err) {
        if (isAlreadyExists(err)) continue
        this.deps.recorder.warning(set, 'FailedCreate', `create Claim ${name} for Pod ${pod} in StatefulSet ${set.metadata?.name ?? ''} failed error: ${(err as Error).message}`)
        throw err
      }
    }
  }

  private status (set: RSet, pods: readonly RPod[], revs: Revisions): StatefulSetStatus {
    const now = this.deps.clock.now()
    const live = pods.filter(p => !terminating(p))
    const updateName = revs.update.metadata?.name ?? ''
    let currentName = revs.current.metadata?.name ?? ''
    const s: StatefulSetStatus = {
      observedGeneration: set.metadata?.generation ?? 0,
      replicas: live.length,
      readyReplicas: live.filter(runningAndReady).length,
      availableReplicas: live.filter(p => runningAndReady(p) && isPodAvailable(p, set.spec?.minReadySeconds ?? 0, now)).length,
      currentReplicas: live.filter(p => podRevision(p) === currentName).length,
      updatedReplicas: live.filter(p => podRevision(p) === updateName).length,
      currentRevision: currentName,
      updateRevision: updateName,
      collisionCount: set.status?.collisionCount ?? 0
    }
    // once every replica runs the update revision it becomes the current one
    if (s.updatedReplicas === (set.spec?.replicas ?? 1) && s.replicas === s.updatedReplicas) {
      currentName = updateName
      s.currentRevision = updateName
      s.currentReplicas = s.updatedReplicas
    }
    return s
  }

  private async claimPods (set: RSet, selector: Selector, ref: OwnerReference, signal?: AbortSignal): Promise<RPod[]> {
    const namespace = set.metadata?.namespace ?? ''
    return await claimObjects<Pod>(this.deps.podInformer.lister().list(namespace), {
      owner: set as never,
      controllerRef: ref,
      selector,
      recheckOwner: ownerFromApi(this.deps.client.resource<StatefulSet>(resources.statefulSets), namespace, set.metadata?.name ?? '', signal),
      patch: async (pod, patch) => { await this.deps.client.resource<Pod>(resources.pods).patch(namespace, pod.metadata?.name ?? '', 'merge', patch, { fieldManager: controllerName, signal }) }
    })
  }

  private matchingSets (pod: RPod): RSet[] {
    return this.deps.setInformer.lister().list(pod.metadata?.namespace ?? '').filter((s) => {
      try {
        return selectorFromLabelSelector(s.spec?.selector as never).matches(pod.metadata?.labels as Record<string, string> | undefined)
      } catch {
        return false
      }
    })
  }
}
