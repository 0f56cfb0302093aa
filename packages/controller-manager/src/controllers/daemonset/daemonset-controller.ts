import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1.js'
import type { Node, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject, Selector } from '@kube-ts/api'
import { getControllerOf, isNotFound, newControllerRef, selectorFromLabelSelector } from '@kube-ts/api'
import { objectKey, resources, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, DeletedFinalStateUnknown, Logger } from '@kube-ts/client'
import { claimObjects, ownerFromApi } from '../../controller-utils/controller-ref-manager.js'
import type { EventRecorder } from '../../controller-utils/events.js'
import { ControllerExpectations } from '../../controller-utils/expectations.js'
import { computeHash } from '../../controller-utils/hash.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { ApiPodControl } from '../../controller-utils/pod-control.js'
import type { PodControl } from '../../controller-utils/pod-control.js'
import { isPodAvailable, isPodReady, msUntilAvailable, podKey } from '../../controller-utils/pod-utils.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { slowStartBatch } from '../../controller-utils/slow-start.js'
import { scaledValue } from '../deployment/deployment-util.js'
import { statusChanged } from '../job/status-changed.js'
import { DaemonSetController as controllerName } from '../names.js'
import { controllerRevisionHashLabel, ensureRevision, truncateHistory } from './history.js'
import { nodeShouldRunDaemonPod, withDaemonTolerations } from './node-fit.js'
import { planRollingUpdate } from './rolling-update.js'
import type { NodePods } from './rolling-update.js'

export const podTemplateGenerationLabel = 'pod-template-generation'
const dsGvk = { group: 'apps', version: 'v1', kind: 'DaemonSet' }
export const burstReplicas = 250

export interface DaemonSetControllerDeps {
  client: KubeClient
  dsInformer: SharedInformer<DaemonSet>
  podInformer: SharedInformer<Pod>
  nodeInformer: SharedInformer<Node>
  revisionInformer: SharedInformer<ControllerRevision>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  podControl?: PodControl
  registry?: Registry
}

type RDs = DeepReadonly<DaemonSet>
type RPod = DeepReadonly<Pod>
type RNode = DeepReadonly<Node>

/** The node a daemon pod is for: its nodeName, else the node its required affinity pins (upstream GetTargetNodeName). */
export function targetNode (pod: RPod): string | undefined {
  if (pod.spec?.nodeName != null && pod.spec.nodeName !== '') return pod.spec.nodeName
  for (const t of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = t.matchFields?.find(r => r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1)
    if (f !== undefined) return f.values?.[0]
  }
  return undefined
}

/** The template with default tolerations and required affinity pinned to one node (upstream ReplaceDaemonSetPodNodeNameNodeAffinity). */
export function templateForNode (ds: RDs, hash: string, node: string): PodTemplateSpec {
  const t = structuredClone(ds.spec?.template ?? {}) as PodTemplateSpec
  t.metadata = { ...t.metadata, labels: { ...t.metadata?.labels, [controllerRevisionHashLabel]: hash, [podTemplateGenerationLabel]: String(ds.metadata?.generation ?? 1) } }
  const spec = t.spec ?? { containers: [] }
  spec.tolerations = withDaemonTolerations(spec.tolerations, spec.hostNetwork === true)
  spec.affinity = { ...spec.affinity, nodeAffinity: { ...spec.affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } }
  t.spec = spec
  return t
}

/**
 * Runs one pod per eligible node for each DaemonSet as upstream's pkg/controller/daemon: eligibility from
 * nodeSelector, required node affinity and taints (with the DaemonSet default tolerations), pods pinned to their
 * node through node affinity, ControllerRevisions for history, RollingUpdate with maxUnavailable/maxSurge or
 * OnDelete, and the status counts.
 */
export class DaemonSetController {
  readonly queue: WorkQueue<string>
  readonly expectations: ControllerExpectations
  private readonly log: Logger
  private readonly podControl: PodControl

  constructor (private readonly deps: DaemonSetControllerDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'daemonset', clock: deps.clock, registry: deps.registry })
    this.expectations = new ControllerExpectations(deps.clock)
    this.podControl = deps.podControl ?? new ApiPodControl(deps.client, deps.recorder, controllerName)
    const changed = (o: { metadata?: { resourceVersion?: string } }, c: { metadata?: { resourceVersion?: string } }): boolean => o.metadata?.resourceVersion !== c.metadata?.resourceVersion
    deps.dsInformer.addEventHandler({
      onAdd: (ds) => { this.queue.add(objectKey(ds)) },
      onUpdate: (o, c) => { if (changed(o, c)) this.queue.add(objectKey(c)) },
      onDelete: (ds) => { this.queue.add(objectKey(unwrapTombstone(ds))) }
    })
    deps.podInformer.addEventHandler({
      onAdd: (p) => { this.podEvent(p, 'add') },
      onUpdate: (o, c) => { if (changed(o, c)) this.podEvent(c, c.metadata?.deletionTimestamp != null ? 'delete' : 'update') },
      onDelete: (p) => { this.podEvent(unwrapTombstone(p as RPod | DeletedFinalStateUnknown<Pod>), 'delete') }
    })
    // any node change can change which daemon sets belong on it
    const all = (): void => { for (const ds of deps.dsInformer.lister().list()) this.queue.add(objectKey(ds)) }
    deps.nodeInformer.addEventHandler({ onAdd: all, onUpdate: (o, c) => { if (changed(o, c)) all() }, onDelete: all })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.dsInformer, this.deps.podInformer, this.deps.nodeInformer, this.deps.revisionInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Reconciles one DaemonSet; public so tests drive it directly. Throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const ds = this.deps.dsInformer.lister().get(namespace, name)
    if (ds === undefined) { this.expectations.delete(key); return }
    let selector: Selector
    try {
      selector = selectorFromLabelSelector(ds.spec?.selector as never)
    } catch (err) {
      this.log.error({ err, key }, 'invalid selector, skipping')
      return
    }
    if (ds.metadata?.deletionTimestamp != null) return
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount ?? undefined)
    const ref = newControllerRef(ds as unknown as KubeObject, dsGvk) as OwnerReference
    const revisions = this.deps.revisionInformer.lister().list(namespace).filter(r => getControllerOf(r as never)?.uid === ds.metadata?.uid)
    const current = await ensureRevision(this.deps.client, {
      owner: ds, controllerRef: ref, revisions, hash, labels: { ...ds.spec?.template?.metadata?.labels }, fieldManager: controllerName, signal,
      data: { spec: { template: { ...structuredClone(ds.spec?.template), $patch: 'replace' } } }
    })
    const pods = await this.claimPods(ds, selector, ref, signal)
    const nodes = this.deps.nodeInformer.lister().list()
    const byNode = groupByNode(pods)
    let manageError: unknown
    if (this.expectations.satisfied(key)) {
      try {
        await this.manage(key, ds, nodes, byNode, hash, signal)
      } catch (err) {
        manageError = err
      }
    }
    await truncateHistory(this.deps.client, revisions, current.metadata?.name ?? '', new Set(pods.map(p => p.metadata?.labels?.[controllerRevisionHashLabel] ?? '')), ds.spec?.revisionHistoryLimit ?? 10, signal)
    await this.writeStatus(ds, this.status(ds, nodes, byNode, hash), signal)
    if (manageError !== undefined) throw manageError
    const wait = this.nextAvailabilityCheck(ds, pods)
    if (wait !== undefined) this.queue.addAfter(key, wait)
  }

  /** Creates missing pods, deletes misplaced, duplicate and failed ones, then rolls the update forward. */
  private async manage (key: string, ds: RDs, nodes: readonly RNode[], byNode: Map<string, RPod[]>, hash: string, signal?: AbortSignal): Promise<void> {
    const spec = ds.spec?.template?.spec
    const creates: string[] = []
    const deletes: RPod[] = []
    const known = new Set<string>()
    const surge = this.maxSurgeAndUnavailable(ds, nodes).surge
    for (const node of nodes) {
      const n = node.metadata?.name ?? ''
      known.add(n)
      const { shouldRun, shouldContinueRunning } = spec === undefined ? { shouldRun: false, shouldContinueRunning: false } : nodeShouldRunDaemonPod(node, spec)
      const onNode = byNode.get(n) ?? []
      if (!shouldContinueRunning) { deletes.push(...onNode.filter(p => p.metadata?.deletionTimestamp == null)); continue }
      const running: RPod[] = []
      for (const p of onNode) {
        if (p.metadata?.deletionTimestamp != null) continue
        if (p.status?.phase === 'Failed') {
          this.deps.recorder.warning(ds, 'FailedDaemonPod', `Found failed daemon pod ${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''} on node ${n}, will try to kill it`)
          deletes.push(p)
        } else running.push(p)
      }
      if (running.length === 0) {
        if (shouldRun && !onNode.some(p => p.metadata?.deletionTimestamp != null && p.status?.phase !== 'Failed')) creates.push(n)
        continue
      }
      deletes.push(...surplus(running, hash, surge > 0))
    }
    for (const [n, ps] of byNode) if (!known.has(n)) deletes.push(...ps.filter(p => p.metadata?.deletionTimestamp == null))
    if (creates.length === 0 && deletes.length === 0 && ds.spec?.updateStrategy?.type !== 'OnDelete') {
      const plan = this.planUpdate(ds, nodes, byNode, hash)
      deletes.push(...plan.deletes)
      creates.push(...plan.surgeNodes)
    }
    await this.syncNodes(key, ds, creates.slice(0, burstReplicas), deletes.slice(0, burstReplicas), hash, signal)
  }

  private maxSurgeAndUnavailable (ds: RDs, nodes: readonly RNode[]): { surge: number, unavailable: number } {
    const spec = ds.spec?.template?.spec
    const desired = spec === undefined ? 0 : nodes.filter(n => nodeShouldRunDaemonPod(n, spec).shouldRun).length
    const ru = ds.spec?.updateStrategy?.rollingUpdate
    const surge = scaledValue((ru?.maxSurge ?? 0) as number | string, desired, true, '0%')
    let unavailable = scaledValue((ru?.maxUnavailable ?? 1) as number | string, desired, true, '0%')
    // both zero would never make progress; upstream falls back to one unavailable
    if (surge === 0 && unavailable === 0) unavailable = 1
    return { surge, unavailable }
  }

  private planUpdate (ds: RDs, nodes: readonly RNode[], byNode: Map<string, RPod[]>, hash: string): ReturnType<typeof planRollingUpdate> {
    const { surge, unavailable } = this.maxSurgeAndUnavailable(ds, nodes)
    const spec = ds.spec?.template?.spec
    const minReady = ds.spec?.minReadySeconds ?? 0
    const now = this.deps.clock.now()
    const perNode: NodePods[] = []
    for (const node of nodes) {
      const n = node.metadata?.name ?? ''
      if (spec === undefined || !nodeShouldRunDaemonPod(node, spec).shouldRun) continue
      const live = (byNode.get(n) ?? []).filter(p => p.metadata?.deletionTimestamp == null)
      perNode.push({ node: n, updated: live.filter(p => isUpdated(p, hash)), old: live.filter(p => !isUpdated(p, hash)) })
    }
    return planRollingUpdate(perNode, surge, unavailable, p => isPodAvailable(p, minReady, now))
  }

  private async syncNodes (key: string, ds: RDs, createOn: readonly string[], deletes: readonly RPod[], hash: string, signal?: AbortSignal): Promise<void> {
    if (createOn.length === 0 && deletes.length === 0) return
    const namespace = ds.metadata?.namespace ?? ''
    const ref = newControllerRef(ds as unknown as KubeObject, dsGvk) as OwnerReference
    if (deletes.length > 0) {
      // one expectations record per key: delete first, create on the sync the deletions' events trigger
      await this.deletePods(key, ds, deletes, signal)
      return
    }
    this.expectations.expectCreations(key, createOn.length)
    let next = 0
    const created = await slowStartBatch(createOn.length, 1, async () => {
      const node = createOn[next++] ?? ''
      await this.podControl.createPod(namespace, templateForNode(ds, hash, node), ds, ref, signal)
    })
    if (createOn.length - created.successes > 0) this.expectations.creationFailed(key, createOn.length - created.successes)
    if (created.error !== undefined) throw created.error
  }

  private async deletePods (key: string, ds: RDs, deletes: readonly RPod[], signal?: AbortSignal): Promise<void> {
    this.expectations.expectDeletions(key, deletes.map(podKey))
    const results = await Promise.allSettled(deletes.map(async (p) => {
      try {
        await this.podControl.deletePod(ds.metadata?.namespace ?? '', p.metadata?.name ?? '', ds, signal)
      } catch (err) {
        this.expectations.deletionObserved(key, podKey(p))
        throw err
      }
    }))
    const failed = results.find(r => r.status === 'rejected')
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason
  }

  private status (ds: RDs, nodes: readonly RNode[], byNode: Map<string, RPod[]>, hash: string): DaemonSetStatus {
    const spec = ds.spec?.template?.spec
    const minReady = ds.spec?.minReadySeconds ?? 0
    const now = this.deps.clock.now()
    const s: DaemonSetStatus = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 }
    for (const node of nodes) {
      const live = (byNode.get(node.metadata?.name ?? '') ?? []).filter(p => p.metadata?.deletionTimestamp == null).sort(byCreation)
      const shouldRun = spec !== undefined && nodeShouldRunDaemonPod(node, spec).shouldRun
      if (!shouldRun) { if (live.length > 0) s.numberMisscheduled++; continue }
      s.desiredNumberScheduled++
      const pod = live[0]
      if (pod === undefined) continue
      s.currentNumberScheduled++
      if (isPodReady(pod)) s.numberReady++
      if (isPodAvailable(pod, minReady, now)) (s.numberAvailable as number)++
      if (live.some(p => isUpdated(p, hash))) (s.updatedNumberScheduled as number)++
    }
    s.numberUnavailable = s.desiredNumberScheduled - (s.numberAvailable ?? 0)
    return s
  }

  private async writeStatus (ds: RDs, status: DaemonSetStatus, signal?: AbortSignal): Promise<void> {
    const next = { ...status, observedGeneration: ds.metadata?.generation ?? 0, ...(ds.status?.collisionCount != null ? { collisionCount: ds.status.collisionCount } : {}) }
    if (!statusChanged(ds.status, next)) return
    const obj = { ...structuredClone(ds), status: next } as DaemonSet
    await this.deps.client.resource<DaemonSet>(resources.daemonSets).updateStatus(ds.metadata?.namespace ?? '', obj, { fieldManager: controllerName, signal })
  }

  /** Ready pods become available after minReadySeconds; look again then so status and the rollout move on. */
  private nextAvailabilityCheck (ds: RDs, pods: readonly RPod[]): number | undefined {
    const minReady = ds.spec?.minReadySeconds ?? 0
    const now = this.deps.clock.now()
    const waits = pods.map(p => msUntilAvailable(p, minReady, now)).filter((x): x is number => x !== undefined)
    return waits.length === 0 ? undefined : Math.min(...waits) + 100
  }

  private async claimPods (ds: RDs, selector: Selector, ref: OwnerReference, signal?: AbortSignal): Promise<RPod[]> {
    const namespace = ds.metadata?.namespace ?? ''
    return await claimObjects<Pod>(this.deps.podInformer.lister().list(namespace), {
      owner: ds as never,
      controllerRef: ref,
      selector,
      recheckOwner: ownerFromApi(this.deps.client.resource<DaemonSet>(resources.daemonSets), namespace, ds.metadata?.name ?? '', signal),
      patch: async (pod, patch) => { await this.podControl.patchPod(namespace, pod.metadata?.name ?? '', patch, signal) }
    })
  }

  private podEvent (pod: RPod, what: 'add' | 'update' | 'delete'): void {
    const ref = getControllerOf(pod as never)
    if (ref?.kind !== 'DaemonSet') return
    const ds = this.deps.dsInformer.lister().get(pod.metadata?.namespace ?? '', ref.name)
    if (ds === undefined || ds.metadata?.uid !== ref.uid) return
    const key = objectKey(ds)
    if (what === 'add') this.expectations.creationObserved(key)
    if (what === 'delete') this.expectations.deletionObserved(key, podKey(pod))
    this.queue.add(key)
  }
}

function isUpdated (p: RPod, hash: string): boolean {
  return p.metadata?.labels?.[controllerRevisionHashLabel] === hash
}

function byCreation (a: RPod, b: RPod): number {
  return (Date.parse(a.metadata?.creationTimestamp ?? '') || 0) - (Date.parse(b.metadata?.creationTimestamp ?? '') || 0) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')
}

function groupByNode (pods: readonly RPod[]): Map<string, RPod[]> {
  const m = new Map<string, RPod[]>()
  for (const p of pods) {
    const n = targetNode(p)
    if (n === undefined) continue
    m.set(n, [...(m.get(n) ?? []), p])
  }
  return m
}

/**
 * Extra running pods on one node (upstream podsShouldBeOnNode): keep the oldest; while surging, keep the oldest
 * updated pod and the oldest old one.
 */
function surplus (running: readonly RPod[], hash: string, surging: boolean): RPod[] {
  const sorted = [...running].sort(byCreation)
  if (!surging) return sorted.slice(1)
  const keepNew = sorted.find(p => isUpdated(p, hash))
  const keepOld = sorted.find(p => !isUpdated(p, hash))
  return sorted.filter(p => p !== keepNew && p !== keepOld)
}
