import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject, Selector } from '@kube-ts/api'
import { isAlreadyExists, isNotFound, newControllerRef, selectorFromLabelSelector } from '@kube-ts/api'
import { objectKey, resources, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, DeletedFinalStateUnknown, Logger } from '@kube-ts/client'
import { claimObjects, ownerFromApi } from '../../controller-utils/controller-ref-manager.js'
import { ScalingReplicaSetReason, SelectingAllReason } from '../../controller-utils/events.js'
import type { EventRecorder } from '../../controller-utils/events.js'
import { computeHash } from '../../controller-utils/hash.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import * as names from '../names.js'
import { rolloutStatus, calculateStatus, deploymentComplete, msUntilTimeout } from './deployment-status.js'
import {
  desiredOf, findNewReplicaSet, getCondition, hasProgressDeadline, maxRevision, maxSurge, newCondition, newRSNewReplicas,
  podTemplateHashLabel, Reasons, replicasAnnotationsNeedUpdate, replicasOf, revisionAnnotation, setCondition, setNewReplicaSetAnnotations, setReplicasAnnotations
} from './deployment-util.js'
import type { RD, RRS } from './deployment-util.js'
import { historyToDelete, isScalingEvent, proportionalScale, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldForRecreate } from './rollout.js'
import type { ScaleFn } from './rollout.js'

export interface DeploymentControllerDeps {
  client: KubeClient
  dInformer: SharedInformer<Deployment>
  rsInformer: SharedInformer<ReplicaSet>
  podInformer: SharedInformer<Pod>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  registry?: Registry
}

const gvk = { group: 'apps', version: 'v1', kind: 'Deployment' }
const fieldManager = names.DeploymentController

/** One sync's view: the Deployment as last written (status writes replace it), mutable. */
interface Work { d: Deployment, signal?: AbortSignal, written: Map<string, RRS> }

const controllerRefOf = (o: { metadata?: { ownerReferences?: ReadonlyArray<DeepReadonly<OwnerReference>> } } | undefined): DeepReadonly<OwnerReference> | undefined =>
  o?.metadata?.ownerReferences?.find(r => r.controller === true)

/**
 * Rolls Deployments out through ReplicaSets named `<deployment>-<pod-template-hash>` (upstream
 * pkg/controller/deployment): RollingUpdate within maxSurge/maxUnavailable, Recreate, proportional scaling,
 * revisions and history cleanup, pause/resume and the Progressing/Available conditions.
 */
export class DeploymentController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: DeploymentControllerDeps) {
    this.log = deps.logger.child({ controller: names.DeploymentController })
    this.queue = new WorkQueue<string>({ name: 'deployment', clock: deps.clock, registry: deps.registry })
    deps.dInformer.addEventHandler({
      onAdd: (d) => { this.enqueue(d) },
      onUpdate: (_o, d) => { this.enqueue(d) },
      onDelete: (d) => { this.enqueue(unwrapTombstone(d)) }
    })
    deps.rsInformer.addEventHandler({
      onAdd: (rs) => { this.replicaSetChanged(undefined, rs) },
      onUpdate: (o, c) => { if (o.metadata?.resourceVersion !== c.metadata?.resourceVersion) this.replicaSetChanged(o, c) },
      onDelete: (rs) => { const owner = this.ownerOf(unwrapTombstone<ReplicaSet>(rs)); if (owner !== undefined) this.enqueue(owner) }
    })
    deps.podInformer.addEventHandler({ onDelete: (p) => { this.podDeleted(p) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.dInformer, this.deps.rsInformer, this.deps.podInformer)) return
    await runWorkers({ name: names.DeploymentController, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
  }

  /** Reconciles one Deployment (upstream syncDeployment); throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const cached = this.deps.dInformer.lister().get(namespace, name)
    if (cached === undefined) return
    const w: Work = { d: structuredClone(cached) as Deployment, signal, written: new Map() }
    const sel = cached.spec?.selector
    if (sel != null && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      this.deps.recorder.warning(cached, SelectingAllReason, 'This deployment is selecting all pods. A non-empty selector is required.')
      if ((w.d.status?.observedGeneration ?? 0) < (w.d.metadata?.generation ?? 0)) {
        w.d.status = { ...w.d.status, observedGeneration: w.d.metadata?.generation ?? 0 }
        await this.updateStatus(w)
      }
      return
    }
    let selector: Selector
    try {
      selector = selectorFromLabelSelector(sel as LabelSelector | undefined)
    } catch (err) {
      this.log.error({ err, key }, 'invalid selector, skipping')
      return
    }
    const rsList = await this.claimReplicaSets(w, selector)
    if (w.d.metadata?.deletionTimestamp != null) { await this.syncStatusOnly(w, rsList); return }
    await this.checkPausedConditions(w)
    if (w.d.spec?.paused === true) { await this.syncScale(w, rsList); return }
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, false)
    if (isScalingEvent(w.d, [...oldRSs, newRS])) { await this.syncScale(w, rsList); return }
    if (w.d.spec?.strategy?.type === 'Recreate') await this.rolloutRecreate(w, rsList)
    else await this.rolloutRolling(w, rsList)
  }

  private async rolloutRolling (w: Work, rsList: RRS[]): Promise<void> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, true)
    const nrs = newRS as RRS
    const all = [...oldRSs, nrs]
    if (await reconcileNewReplicaSet(all, nrs, w.d, this.scaler(w))) { await this.syncRolloutStatus(w, all, nrs); return }
    if (await reconcileOldReplicaSets(all, oldRSs.filter(rs => replicasOf(rs) > 0), nrs, w.d, this.scaler(w))) { await this.syncRolloutStatus(w, all, nrs); return }
    if (deploymentComplete(w.d, w.d.status ?? {})) await this.cleanupHistory(w, oldRSs)
    await this.syncRolloutStatus(w, all, nrs)
  }

  private async rolloutRecreate (w: Work, rsList: RRS[]): Promise<void> {
    let { newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, false)
    if (await scaleDownOldForRecreate(oldRSs, this.scaler(w))) { await this.syncRolloutStatus(w, [...oldRSs, ...(newRS !== undefined ? [newRS] : [])], newRS); return }
    if (this.oldPodsRunning(newRS, oldRSs)) { await this.syncRolloutStatus(w, [...oldRSs, ...(newRS !== undefined ? [newRS] : [])], newRS); return }
    if (newRS === undefined) ({ newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, true))
    const nrs = newRS as RRS
    if (replicasOf(nrs) !== desiredOf(w.d)) await this.scaleReplicaSet(w, nrs, desiredOf(w.d))
    if (deploymentComplete(w.d, w.d.status ?? {})) await this.cleanupHistory(w, oldRSs)
    await this.syncRolloutStatus(w, [...oldRSs, nrs], nrs)
  }

  /** Any old pod not finished yet (upstream oldPodsRunning): Recreate waits for all of them to go. */
  private oldPodsRunning (newRS: RRS | undefined, oldRSs: readonly RRS[]): boolean {
    if (oldRSs.some(rs => (rs.status?.replicas ?? 0) > 0)) return true
    const oldUids = new Set(oldRSs.map(rs => rs.metadata?.uid))
    return this.deps.podInformer.lister().list(newRS?.metadata?.namespace ?? oldRSs[0]?.metadata?.namespace ?? '').some((p) => {
      const ref = controllerRefOf(p)
      return ref !== undefined && oldUids.has(ref.uid) && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded'
    })
  }

  /** Paused or a replicas change: scale proportionally, keep history trimmed, write status (upstream sync). */
  private async syncScale (w: Work, rsList: RRS[]): Promise<void> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, false)
    await proportionalScale(w.d, newRS, oldRSs, this.scaler(w))
    if (w.d.spec?.paused === true) await this.cleanupHistory(w, oldRSs)
    await this.syncStatus(w, [...oldRSs, ...(newRS !== undefined ? [newRS] : [])], newRS)
  }

  private async syncStatusOnly (w: Work, rsList: RRS[]): Promise<void> {
    const { newRS, oldRSs } = await this.replicaSetsAndRevision(w, rsList, false)
    await this.syncStatus(w, [...oldRSs, ...(newRS !== undefined ? [newRS] : [])], newRS)
  }

  private async syncStatus (w: Work, all: RRS[], newRS: RRS | undefined): Promise<void> {
    const s = calculateStatus(this.fresh(w, all), newRS === undefined ? undefined : this.fresh(w, [newRS])[0], w.d, this.deps.clock.now())
    if (JSON.stringify(s) === JSON.stringify(w.d.status ?? {})) return
    w.d.status = s
    await this.updateStatus(w)
  }

  private async syncRolloutStatus (w: Work, all: RRS[], newRS: RRS | undefined): Promise<void> {
    const now = this.deps.clock.now()
    const s = rolloutStatus(this.fresh(w, all), newRS === undefined ? undefined : this.fresh(w, [newRS])[0], w.d, now)
    if (JSON.stringify(s) !== JSON.stringify(w.d.status ?? {})) {
      w.d.status = s
      await this.updateStatus(w)
    }
    const after = msUntilTimeout(w.d, s, now)
    if (after !== undefined) this.queue.addAfter(objectKey(w.d), Math.max(after, 1000))
  }

  /**
   * Replaces each RS by the newest version known: what this sync wrote, or the cache if it has caught up (status
   * moves on meanwhile). Without this a second write in one sync would conflict with our own first one.
   */
  private fresh (w: Work, rss: readonly RRS[]): RRS[] {
    const rv = (x: RRS | undefined): number => Number(x?.metadata?.resourceVersion ?? -1)
    return rss.map((rs) => {
      const cached = this.deps.rsInformer.lister().get(rs.metadata?.namespace ?? '', rs.metadata?.name ?? '')
      const cur = cached?.metadata?.uid === rs.metadata?.uid ? cached : undefined
      const ours = w.written.get(rs.metadata?.uid ?? '')
      return [cur, ours].reduce<RRS>((best, x) => (x !== undefined && rv(x) > rv(best) ? x : best), rs)
    })
  }

  private remember (w: Work, rs: RRS): RRS {
    w.written.set(rs.metadata?.uid ?? '', rs)
    return rs
  }

  private async checkPausedConditions (w: Work): Promise<void> {
    if (!hasProgressDeadline(w.d)) return
    const cond = getCondition(w.d.status, 'Progressing')
    if (cond?.reason === Reasons.TimedOut) return
    const pausedCond = cond?.reason === Reasons.Paused
    const now = this.deps.clock.now()
    w.d.status ??= {}
    if (w.d.spec?.paused === true && !pausedCond) setCondition(w.d.status, newCondition('Progressing', 'Unknown', Reasons.Paused, 'Deployment is paused', now))
    else if (w.d.spec?.paused !== true && pausedCond) setCondition(w.d.status, newCondition('Progressing', 'Unknown', Reasons.Resumed, 'Deployment is resumed', now))
    else return
    await this.updateStatus(w)
  }

  /** Adopts matching orphan ReplicaSets and releases owned ones that stopped matching (upstream getReplicaSetsForDeployment). */
  private async claimReplicaSets (w: Work, selector: Selector): Promise<RRS[]> {
    const ns = w.d.metadata?.namespace ?? ''
    const rsApi = this.deps.client.resource<ReplicaSet>(resources.replicaSets)
    return await claimObjects<ReplicaSet>(this.deps.rsInformer.lister().list(ns), {
      owner: w.d as never,
      controllerRef: this.controllerRef(w.d),
      selector,
      recheckOwner: ownerFromApi(this.deps.client.resource<Deployment>(resources.deployments), ns, w.d.metadata?.name ?? '', w.signal),
      patch: async (rs, patch) => { await rsApi.patch(ns, rs.metadata?.name ?? '', 'merge', patch, { fieldManager, signal: w.signal }) }
    })
  }

  private controllerRef (d: RD): OwnerReference {
    return newControllerRef(d as unknown as KubeObject, gvk)
  }

  /** The new RS (created when asked and missing) and every old one, with revisions synced (upstream getAllReplicaSetsAndSyncRevision). */
  private async replicaSetsAndRevision (w: Work, claimed: RRS[], create: boolean): Promise<{ newRS: RRS | undefined, oldRSs: RRS[] }> {
    const rsList = this.fresh(w, claimed)
    const existing = findNewReplicaSet(w.d, rsList)
    const oldRSs = rsList.filter(rs => rs !== existing)
    const newRS = await this.getNewReplicaSet(w, existing, oldRSs, create)
    return { newRS, oldRSs }
  }

  private async getNewReplicaSet (w: Work, existing: RRS | undefined, oldRSs: RRS[], create: boolean): Promise<RRS | undefined> {
    const d = w.d
    const ns = d.metadata?.namespace ?? ''
    const newRevision = maxRevision(oldRSs) + 1
    const rsApi = this.deps.client.resource<ReplicaSet>(resources.replicaSets)
    if (existing !== undefined) {
      const copy = structuredClone(existing) as ReplicaSet
      const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true)
      if (annotationsChanged || (copy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
        copy.spec = { ...copy.spec!, minReadySeconds: d.spec?.minReadySeconds ?? 0 }
        return this.remember(w, await rsApi.update(ns, copy, { fieldManager, signal: w.signal }))
      }
      let needsUpdate = this.setDeploymentRevision(d, copy.metadata?.annotations?.[revisionAnnotation] ?? '')
      if (hasProgressDeadline(d) && getCondition(d.status, 'Progressing') === undefined) {
        d.status ??= {}
        setCondition(d.status, newCondition('Progressing', 'True', Reasons.FoundNewRS, `Found new replica set "${copy.metadata?.name ?? ''}"`, this.deps.clock.now()))
        needsUpdate = true
      }
      if (needsUpdate) await this.updateStatus(w)
      return existing
    }
    if (!create) return undefined
    const hash = computeHash(d.spec?.template, d.status?.collisionCount)
    const template = structuredClone(d.spec?.template ?? {})
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [podTemplateHashLabel]: hash } }
    const selector = structuredClone(d.spec?.selector ?? {})
    selector.matchLabels = { ...selector.matchLabels, [podTemplateHashLabel]: hash }
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata?.name ?? ''}-${hash}`, namespace: ns, ownerReferences: [this.controllerRef(d)], labels: { ...template.metadata.labels } },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template }
    }
    rs.spec!.replicas = newRSNewReplicas(d, oldRSs, rs)
    setNewReplicaSetAnnotations(d, rs, newRevision, false)
    let created: RRS
    try {
      created = this.remember(w, await rsApi.create(ns, rs, { fieldManager, signal: w.signal }))
    } catch (err) {
      if (isAlreadyExists(err)) {
        const found = this.deps.rsInformer.lister().get(ns, rs.metadata!.name!)
        // not in the cache yet (e.g. its informer is still catching up after an apiserver restart): retry later, as
        // upstream does when its lister misses; calling it a collision would make a new ReplicaSet on every retry
        if (found === undefined) throw new Error(`replica set ${ns}/${rs.metadata!.name!} exists but is not in the cache yet`)
        if (controllerRefOf(found)?.uid === d.metadata?.uid && findNewReplicaSet(d, [found]) !== undefined) return found
        // a different template hashed to the same name: bump collisionCount so the next hash differs
        d.status = { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 }
        await this.updateStatus(w)
        this.log.info({ deployment: objectKey(d), collisionCount: d.status.collisionCount }, 'found a hash collision for the new replica set')
        throw err
      }
      const msg = `Failed to create new replica set "${rs.metadata?.name ?? ''}": ${(err as Error).message}`
      if (hasProgressDeadline(d)) {
        d.status ??= {}
        setCondition(d.status, newCondition('Progressing', 'False', Reasons.FailedRSCreate, msg, this.deps.clock.now()))
        await this.updateStatus(w).catch(() => {})
      }
      this.deps.recorder.warning(d, Reasons.FailedRSCreate, msg)
      throw err
    }
    if (replicasOf(created) > 0) this.deps.recorder.normal(d, ScalingReplicaSetReason, `Scaled up replica set ${created.metadata?.name ?? ''} from 0 to ${replicasOf(created)}`)
    let needsUpdate = this.setDeploymentRevision(d, String(newRevision))
    if (hasProgressDeadline(d)) {
      d.status ??= {}
      setCondition(d.status, newCondition('Progressing', 'True', Reasons.NewReplicaSet, `Created new replica set "${created.metadata?.name ?? ''}"`, this.deps.clock.now()))
      needsUpdate = true
    }
    if (needsUpdate) await this.updateStatus(w)
    return created
  }

  private setDeploymentRevision (d: Deployment, revision: string): boolean {
    if (revision === '' || d.metadata?.annotations?.[revisionAnnotation] === revision) return false
    d.metadata = { ...d.metadata, annotations: { ...d.metadata?.annotations, [revisionAnnotation]: revision } }
    return true
  }

  private scaler (w: Work): ScaleFn {
    return async (rs, n, op) => await this.scaleReplicaSet(w, rs, n, op)
  }

  /** Sets replicas and the desired/max annotations; records ScalingReplicaSet when the size changed (upstream scaleReplicaSet). */
  private async scaleReplicaSet (w: Work, rs: RRS, n: number, op?: 'up' | 'down'): Promise<RRS> {
    const d = w.d
    const sizeChanged = replicasOf(rs) !== n
    if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, desiredOf(d), desiredOf(d) + maxSurge(d))) return rs
    const copy = structuredClone(rs) as ReplicaSet
    copy.spec = { ...copy.spec!, replicas: n }
    setReplicasAnnotations(copy, desiredOf(d), desiredOf(d) + maxSurge(d))
    const updated = this.remember(w, await this.deps.client.resource<ReplicaSet>(resources.replicaSets).update(copy.metadata?.namespace ?? '', copy, { fieldManager, signal: w.signal }))
    if (sizeChanged) {
      const operation = op ?? (replicasOf(rs) > n ? 'down' : 'up')
      this.deps.recorder.normal(d, ScalingReplicaSetReason, `Scaled ${operation} replica set ${rs.metadata?.name ?? ''} from ${replicasOf(rs)} to ${n}`)
    }
    return updated
  }

  private async cleanupHistory (w: Work, oldRSs: readonly RRS[]): Promise<void> {
    for (const rs of historyToDelete(w.d, this.fresh(w, oldRSs))) {
      try {
        await this.deps.client.resource<ReplicaSet>(resources.replicaSets).delete(rs.metadata?.namespace ?? '', rs.metadata?.name ?? '', { preconditions: { uid: rs.metadata?.uid }, signal: w.signal })
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
    }
  }

  private async updateStatus (w: Work): Promise<void> {
    w.d = await this.deps.client.resource<Deployment>(resources.deployments).updateStatus(w.d.metadata?.namespace ?? '', w.d, { fieldManager, signal: w.signal })
  }

  private enqueue (d: RD): void {
    this.queue.add(objectKey(d))
  }

  private ownerOf (rs: RRS): RD | undefined {
    const ref = controllerRefOf(rs)
    if (ref === undefined || ref.kind !== 'Deployment') return undefined
    const d = this.deps.dInformer.lister().get(rs.metadata?.namespace ?? '', ref.name)
    return d?.metadata?.uid === ref.uid ? d : undefined
  }

  private replicaSetChanged (old: RRS | undefined, cur: RRS): void {
    const oldRef = controllerRefOf(old)
    const curRef = controllerRefOf(cur)
    if (old !== undefined && oldRef !== undefined && oldRef.uid !== curRef?.uid) {
      const prev = this.ownerOf(old)
      if (prev !== undefined) this.enqueue(prev)
    }
    if (curRef !== undefined) {
      const owner = this.ownerOf(cur)
      if (owner !== undefined) this.enqueue(owner)
      return
    }
    // an orphan: every Deployment that could adopt it should look
    for (const d of this.deps.dInformer.lister().list(cur.metadata?.namespace ?? '')) {
      try {
        if (selectorFromLabelSelector(d.spec?.selector as never).matches(cur.metadata?.labels as Record<string, string> | undefined)) this.enqueue(d)
      } catch { /* invalid selectors adopt nothing */ }
    }
  }

  /** Recreate waits for old pods to be gone, so their deletion is worth a look. */
  private podDeleted (obj: DeepReadonly<Pod> | DeletedFinalStateUnknown<Pod>): void {
    const pod = unwrapTombstone<Pod>(obj)
    const ref = controllerRefOf(pod)
    if (ref?.kind !== 'ReplicaSet') return
    const rs = this.deps.rsInformer.lister().get(pod.metadata?.namespace ?? '', ref.name)
    const d = rs === undefined ? undefined : this.ownerOf(rs)
    if (d !== undefined && d.spec?.strategy?.type === 'Recreate') this.enqueue(d)
  }
}

