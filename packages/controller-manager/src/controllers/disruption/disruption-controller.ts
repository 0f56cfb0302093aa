import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1.js'
import type { Condition } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound, selectorFromLabelSelector } from '@kube-ts/api'
import { DeletedFinalStateUnknown, formatTime, objectKey, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { isPodReady } from '../../controller-utils/pod-utils.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { DisruptionController as controllerName } from '../names.js'

export interface DisruptionDeps {
  client: KubeClient
  pdbInformer: SharedInformer<PodDisruptionBudget>
  podInformer: SharedInformer<Pod>
  rsInformer: SharedInformer<ReplicaSet>
  deploymentInformer: SharedInformer<Deployment>
  statefulSetInformer: SharedInformer<StatefulSet>
  rcInformer: SharedInformer<ReplicationController>
  logger: Logger
  clock: Clock
  registry?: Registry
}

type RPod = DeepReadonly<Pod>
type RPdb = DeepReadonly<PodDisruptionBudget>

/** An IntOrString budget value against a total: percentages round up, as upstream GetScaledValueFromIntOrPercent(..., true). */
export function scaled (v: number | string, total: number): number | undefined {
  if (typeof v === 'number') return v
  const m = /^([0-9]+)%$/.exec(v)
  if (m === null) return /^[0-9]+$/.test(v) ? Number(v) : undefined
  return Math.ceil(Number(m[1]) * total / 100)
}

/**
 * PodDisruptionBudget status (upstream pkg/controller/disruption): currentHealthy = ready pods not being
 * deleted; desiredHealthy from minAvailable, or from the owning controllers' scale for maxUnavailable and
 * percentages; disruptionsAllowed = currentHealthy - desiredHealthy (never negative), with the DisruptionAllowed
 * condition. When a scale cannot be worked out the budget fails safe: no disruptions allowed.
 */
export class DisruptionController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: DisruptionDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'disruption', clock: deps.clock, registry: deps.registry })
    const enqueue = (p: RPdb): void => { this.queue.add(objectKey(p)) }
    deps.pdbInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => { enqueue(n) } })
    const podChanged = (pod: RPod): void => {
      for (const pdb of deps.pdbInformer.lister().list(pod.metadata?.namespace ?? '')) {
        try { if (selectorFromLabelSelector(pdb.spec?.selector as never).matches(pod.metadata?.labels)) enqueue(pdb) } catch { /* a bad selector is reported by sync */ }
      }
    }
    deps.podInformer.addEventHandler({ onAdd: podChanged, onUpdate: (o, n) => { podChanged(o); podChanged(n) }, onDelete: (o) => { podChanged(o instanceof DeletedFinalStateUnknown ? o.obj : o) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    const d = this.deps
    if (!await waitForCacheSync(signal, d.pdbInformer, d.podInformer, d.rsInformer, d.deploymentInformer, d.statefulSetInformer, d.rcInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: d.registry })
    this.log.info('controller stopped')
  }

  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const pdb = this.deps.pdbInformer.lister().get(namespace, name)
    if (pdb === undefined) return
    let status: PodDisruptionBudgetStatus
    try {
      const selector = selectorFromLabelSelector(pdb.spec?.selector as never)
      const pods = this.deps.podInformer.lister().list(namespace, (p) => selector.matches(p.metadata?.labels))
      status = this.compute(pdb, pods)
    } catch (err) {
      this.log.warn({ err, pdb: key }, 'failed to compute budget; allowing no disruptions')
      status = this.withCondition(pdb, { ...(structuredClone(pdb.status ?? {}) as PodDisruptionBudgetStatus), disruptionsAllowed: 0, observedGeneration: pdb.metadata?.generation }, 'SyncFailed', String((err as Error).message))
    }
    const cur: DeepReadonly<PodDisruptionBudgetStatus> = pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }
    if (JSON.stringify({ ...cur, conditions: undefined }) === JSON.stringify({ ...status, conditions: undefined }) &&
      cur.conditions?.[0]?.reason === status.conditions?.[0]?.reason && cur.conditions?.[0]?.status === status.conditions?.[0]?.status) return
    const next: PodDisruptionBudget = { ...(structuredClone(pdb) as unknown as PodDisruptionBudget), status }
    try {
      await this.deps.client.resource<PodDisruptionBudget>(resources.podDisruptionBudgets).updateStatus(namespace, next, { signal })
    } catch (err) { if (!isNotFound(err)) throw err }
  }

  private compute (pdb: RPdb, pods: RPod[]): PodDisruptionBudgetStatus {
    const spec = pdb.spec ?? {}
    const currentHealthy = pods.filter((p) => p.metadata?.deletionTimestamp == null && isPodReady(p)).length
    let expectedPods: number
    let desiredHealthy: number
    if (spec.maxUnavailable !== undefined) {
      expectedPods = this.expectedScale(pods)
      const max = scaled(spec.maxUnavailable, expectedPods)
      if (max === undefined) throw new Error(`invalid maxUnavailable ${String(spec.maxUnavailable)}`)
      desiredHealthy = Math.max(0, expectedPods - max)
    } else if (typeof spec.minAvailable === 'string' && spec.minAvailable.endsWith('%')) {
      expectedPods = this.expectedScale(pods)
      desiredHealthy = scaled(spec.minAvailable, expectedPods) ?? 0
    } else {
      expectedPods = pods.length
      desiredHealthy = spec.minAvailable === undefined ? 0 : scaled(spec.minAvailable, expectedPods) ?? 0
    }
    const disruptionsAllowed = Math.max(0, currentHealthy - desiredHealthy)
    const status: PodDisruptionBudgetStatus = {
      observedGeneration: pdb.metadata?.generation,
      disruptedPods: structuredClone(pdb.status?.disruptedPods ?? {}) as Record<string, string>,
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy,
      expectedPods
    }
    return disruptionsAllowed > 0 ? this.withCondition(pdb, status, 'SufficientPods', '') : this.withCondition(pdb, status, 'InsufficientPods', '')
  }

  private withCondition (pdb: RPdb, status: PodDisruptionBudgetStatus, reason: string, message: string): PodDisruptionBudgetStatus {
    const want = reason === 'SufficientPods' ? 'True' : 'False'
    const old = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed')
    const cond: Condition = {
      type: 'DisruptionAllowed', status: want, reason, message, observedGeneration: pdb.metadata?.generation,
      lastTransitionTime: old !== undefined && old.status === want ? old.lastTransitionTime : formatTime(this.deps.clock.now())
    }
    return { ...status, conditions: [cond] }
  }

  /** Sum of the scale of the controllers owning the pods (upstream getExpectedScale); throws for orphan pods. */
  private expectedScale (pods: RPod[]): number {
    const seen = new Map<string, number>()
    for (const p of pods) {
      const ref = p.metadata?.ownerReferences?.find((r) => r.controller === true)
      if (ref === undefined) throw new Error(`found no controller ref for pod "${p.metadata?.name ?? ''}"`)
      const ns = p.metadata?.namespace ?? ''
      const scale = this.scaleOf(ref.kind, ref.apiVersion, ns, ref.name, ref.uid)
      if (scale === undefined) throw new Error(`found no controllers for pod "${p.metadata?.name ?? ''}"`)
      seen.set(scale.uid, scale.replicas)
    }
    let total = 0
    for (const v of seen.values()) total += v
    return total
  }

  private scaleOf (kind: string, apiVersion: string, ns: string, name: string, uid: string): { uid: string, replicas: number } | undefined {
    const d = this.deps
    if (kind === 'ReplicaSet' && apiVersion.startsWith('apps/')) {
      const rs = d.rsInformer.lister().get(ns, name)
      if (rs?.metadata?.uid !== uid) return undefined
      const owner = rs.metadata?.ownerReferences?.find((r) => r.controller === true && r.kind === 'Deployment')
      if (owner !== undefined) {
        const dep = d.deploymentInformer.lister().get(ns, owner.name)
        if (dep?.metadata?.uid === owner.uid) return { uid: owner.uid, replicas: dep.spec?.replicas ?? 1 }
      }
      return { uid, replicas: rs.spec?.replicas ?? 1 }
    }
    if (kind === 'StatefulSet' && apiVersion.startsWith('apps/')) {
      const s = d.statefulSetInformer.lister().get(ns, name)
      return s?.metadata?.uid === uid ? { uid, replicas: s.spec?.replicas ?? 1 } : undefined
    }
    if (kind === 'ReplicationController' && apiVersion === 'v1') {
      const rc = d.rcInformer.lister().get(ns, name)
      return rc?.metadata?.uid === uid ? { uid, replicas: rc.spec?.replicas ?? 1 } : undefined
    }
    return undefined
  }
}
