import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject, Selector } from '@kube-ts/api'
import { getControllerOf, isNotFound, newControllerRef, selectorFromLabelSelector } from '@kube-ts/api'
import { isNamespaceTerminating, objectKey, resources, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, DeletedFinalStateUnknown, Logger } from '@kube-ts/client'
import { claimObjects, ownerFromApi } from '../../controller-utils/controller-ref-manager.js'
import type { EventRecorder } from '../../controller-utils/events.js'
import { FailedCreatePodReason, SuccessfulCreatePodReason } from '../../controller-utils/events.js'
import { ControllerExpectations } from '../../controller-utils/expectations.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { ApiPodControl } from '../../controller-utils/pod-control.js'
import type { PodControl } from '../../controller-utils/pod-control.js'
import { sortForDeletion } from '../../controller-utils/pod-deletion-order.js'
import { isPodActive, isPodReady, podKey } from '../../controller-utils/pod-utils.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { slowStartBatch } from '../../controller-utils/slow-start.js'
import { JobController as controllerName } from '../names.js'
import { formatIndexes, parseIndexes, podIndex } from './indexes.js'
import { defaultPodFailureBackoffMs, finishedCondition, remainingBackoffMs, restartCount, setCondition } from './job-util.js'
import { jobPod } from './pod-builder.js'
import { statusChanged } from './status-changed.js'
import { matchPodFailurePolicy } from './pod-failure-policy.js'

/** Upstream's burst cap on pod creations and deletions per sync. */
export const burstReplicas = 500
const jobGvk = { group: 'batch', version: 'v1', kind: 'Job' }

export interface JobControllerDeps {
  client: KubeClient
  jobInformer: SharedInformer<Job>
  podInformer: SharedInformer<Pod>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  podControl?: PodControl
  registry?: Registry
  /** First delay before replacing a failed pod (upstream 10 s; integration tests shorten it). */
  podFailureBackoffMs?: number
}

type RJob = DeepReadonly<Job>
type RPod = DeepReadonly<Pod>

/** Pods of one job sorted by what the controller does with them. */
interface PodSets { active: RPod[], succeeded: RPod[], failed: RPod[], terminating: number }

/** Why a job is failing: a condition reason and message as upstream's job controller writes them. */
interface Failure { reason: string, message: string }

/**
 * Runs Jobs to completion as upstream's pkg/controller/job: keeps up to `parallelism` pods running until
 * `completions` succeed (per index for Indexed jobs), replaces failed pods with exponential backoff, fails the job
 * past `backoffLimit`, `activeDeadlineSeconds` or a FailJob pod-failure-policy rule, honours `suspend`, and writes
 * counts and conditions (SuccessCriteriaMet/Complete, FailureTarget/Failed, Suspended) to status.
 */
export class JobController {
  readonly queue: WorkQueue<string>
  readonly expectations: ControllerExpectations
  private readonly log: Logger
  private readonly podControl: PodControl

  constructor (private readonly deps: JobControllerDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'job', clock: deps.clock, registry: deps.registry })
    this.expectations = new ControllerExpectations(deps.clock)
    this.podControl = deps.podControl ?? new ApiPodControl(deps.client, deps.recorder, controllerName)
    deps.jobInformer.addEventHandler({
      onAdd: (j) => { this.queue.add(objectKey(j)) },
      onUpdate: (o, c) => { if (o.metadata?.resourceVersion !== c.metadata?.resourceVersion) this.queue.add(objectKey(c)) },
      onDelete: (j) => { this.queue.add(objectKey(unwrapTombstone(j))) }
    })
    deps.podInformer.addEventHandler({
      onAdd: (p) => { this.podEvent(p, 'add') },
      onUpdate: (o, c) => { if (o.metadata?.resourceVersion !== c.metadata?.resourceVersion) this.podEvent(c, c.metadata?.deletionTimestamp != null ? 'delete' : 'update') },
      onDelete: (p) => { this.podEvent(unwrapTombstone(p as RPod | DeletedFinalStateUnknown<Pod>), 'delete') }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.jobInformer, this.deps.podInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Reconciles one Job; public so tests drive it directly. Throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const job = this.deps.jobInformer.lister().get(namespace, name)
    if (job === undefined) { this.expectations.delete(key); return }
    if (finishedCondition(job) !== undefined) return
    let selector: Selector
    try {
      selector = selectorFromLabelSelector(job.spec?.selector as never)
    } catch (err) {
      this.log.error({ err, key }, 'invalid selector, skipping')
      return
    }
    const satisfied = this.expectations.satisfied(key)
    const pods = await this.claimPods(job, selector, signal)
    const sets = classify(pods)
    const now = this.deps.clock.now()
    const nowIso = new Date(now).toISOString()
    const status = structuredClone(job.status ?? {}) as JobStatus
    const conds: JobCondition[] = status.conditions ?? []
    const suspended = job.spec?.suspend === true
    const indexed = job.spec?.completionMode === 'Indexed'
    const completions = job.spec?.completions ?? undefined
    const parallelism = job.spec?.parallelism ?? 1

    if (!suspended && status.startTime == null) status.startTime = nowIso
    const { counted, failJob } = this.countFailures(job, sets.failed)
    const failedCount = Math.max(job.status?.failed ?? 0, counted.length)
    const doneIndexes = indexed ? new Set([...parseIndexes(job.status?.completedIndexes, completions ?? 0), ...sets.succeeded.map(p => podIndex(p, completions ?? 0)).filter((i): i is number => i !== undefined)]) : undefined
    const succeeded = doneIndexes?.size ?? Math.max(job.status?.succeeded ?? 0, sets.succeeded.length)
    let active = sets.active

    const failure = failJob ?? this.limitFailure(job, failedCount, active, status.startTime, now)
    let complete = false
    if (failure === undefined) {
      complete = indexed ? succeeded >= (completions ?? 0) : completions == null ? succeeded > 0 && active.length === 0 : succeeded >= completions
    }
    let manageError: unknown
    if (failure !== undefined || complete) {
      await this.deletePods(key, job, active, signal)
      active = []
    } else if (satisfied && job.metadata?.deletionTimestamp == null) {
      try {
        active = suspended ? await this.deletePods(key, job, active, signal).then(() => []) : await this.manage(key, job, sets, active, succeeded, doneIndexes, counted, now, signal)
      } catch (err) {
        manageError = err
      }
    }

    status.active = active.length
    status.ready = active.filter(isPodReady).length
    status.succeeded = succeeded
    status.failed = failedCount
    status.terminating = sets.terminating
    if (doneIndexes !== undefined) status.completedIndexes = formatIndexes(doneIndexes)
    if (failure !== undefined) {
      setCondition(conds, 'FailureTarget', 'True', failure.reason, failure.message, nowIso)
      setCondition(conds, 'Failed', 'True', failure.reason, failure.message, nowIso)
      this.deps.recorder.warning(job, failure.reason, failure.message)
    } else if (complete) {
      setCondition(conds, 'SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', nowIso)
      setCondition(conds, 'Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', nowIso)
      status.completionTime = nowIso
      this.deps.recorder.normal(job, 'Completed', 'Job completed')
    } else {
      this.updateSuspended(job, conds, status, suspended, nowIso)
    }
    if (conds.length > 0) status.conditions = conds
    if (statusChanged(job.status, status)) await this.writeStatus(job, status, signal)
    if (failure === undefined && !complete && !suspended) this.requeueForDeadline(key, job, status.startTime, now)
    if (manageError !== undefined) throw manageError
  }

  /** Failed pods that count against backoffLimit, and a FailJob verdict from the pod failure policy. */
  private countFailures (job: RJob, failed: readonly RPod[]): { counted: RPod[], failJob?: Failure } {
    const counted: RPod[] = []
    let failJob: Failure | undefined
    for (const p of failed) {
      const v = matchPodFailurePolicy(job.spec?.podFailurePolicy ?? undefined, p)
      if (v.action === 'FailJob') failJob ??= { reason: 'PodFailurePolicy', message: v.message }
      else if (v.action === 'Count') counted.push(p)
    }
    return failJob === undefined ? { counted } : { counted, failJob }
  }

  /** backoffLimit (failed pods, or restarts for OnFailure pods) and activeDeadlineSeconds, as upstream. */
  private limitFailure (job: RJob, failed: number, active: readonly RPod[], startTime: string | undefined, now: number): Failure | undefined {
    const limit = job.spec?.backoffLimit ?? 6
    const backoff = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }
    if (failed > limit) return backoff
    if (job.spec?.template?.spec?.restartPolicy === 'OnFailure') {
      const restarts = restartCount(active)
      if (limit === 0 ? restarts > 0 : restarts >= limit) return backoff
    }
    const deadline = job.spec?.activeDeadlineSeconds
    const start = Date.parse(startTime ?? '')
    if (deadline != null && job.spec?.suspend !== true && Number.isFinite(start) && now - start >= deadline * 1000) {
      return { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }
    }
    return undefined
  }

  /** Creates or deletes pods towards the wanted active set; returns the active pods after the change. */
  private async manage (key: string, job: RJob, sets: PodSets, active: RPod[], succeeded: number, doneIndexes: Set<number> | undefined, failed: readonly RPod[], now: number, signal?: AbortSignal): Promise<RPod[]> {
    const parallelism = job.spec?.parallelism ?? 1
    const completions = job.spec?.completions ?? undefined
    let toDelete: RPod[] = []
    let toCreate: Array<number | undefined> = []
    if (doneIndexes !== undefined) {
      const seen = new Set<number>()
      const keep: RPod[] = []
      for (const p of active) {
        const i = podIndex(p, completions ?? 0)
        // pods without a valid index, a second pod for one index, or one for a finished index are surplus
        if (i === undefined || seen.has(i) || doneIndexes.has(i)) toDelete.push(p)
        else { seen.add(i); keep.push(p) }
      }
      const pending: number[] = []
      for (let i = 0; i < (completions ?? 0) && pending.length < parallelism - keep.length; i++) if (!seen.has(i) && !doneIndexes.has(i)) pending.push(i)
      toCreate = pending
    } else {
      const want = completions == null ? (succeeded > 0 ? 0 : parallelism) : Math.max(0, Math.min(completions - succeeded, parallelism))
      if (active.length > want) toDelete = sortForDeletion(active).slice(0, active.length - want)
      else toCreate = Array.from({ length: want - active.length }, () => undefined)
    }
    toDelete = toDelete.slice(0, burstReplicas)
    toCreate = toCreate.slice(0, burstReplicas)
    if (toDelete.length > 0) await this.deletePods(key, job, toDelete, signal)
    const remaining = active.filter(p => !toDelete.includes(p))
    if (toCreate.length === 0) return remaining
    const wait = remainingBackoffMs(failed, sets.succeeded, now, this.deps.podFailureBackoffMs ?? defaultPodFailureBackoffMs)
    if (wait > 0) {
      this.log.debug({ key, waitMs: wait }, 'backing off before replacing failed pods')
      this.queue.addAfter(key, wait)
      return remaining
    }
    return [...remaining, ...await this.createPods(key, job, toCreate, signal)]
  }

  private async createPods (key: string, job: RJob, indexes: ReadonlyArray<number | undefined>, signal?: AbortSignal): Promise<RPod[]> {
    const ref = newControllerRef(job as unknown as KubeObject, jobGvk) as OwnerReference
    const api = this.deps.client.resource<Pod>(resources.pods)
    const created: RPod[] = []
    this.expectations.expectCreations(key, indexes.length)
    let next = 0
    const { successes, error } = await slowStartBatch(indexes.length, 1, async () => {
      const pod = jobPod(job, ref, indexes[next++])
      try {
        const p = await api.create(job.metadata?.namespace ?? '', pod, { fieldManager: controllerName, signal })
        this.deps.recorder.normal(job, SuccessfulCreatePodReason, `Created pod: ${p.metadata?.name ?? ''}`)
        created.push(p)
      } catch (err) {
        if (!isNamespaceTerminating(err)) this.deps.recorder.warning(job, FailedCreatePodReason, `Error creating: ${(err as Error).message}`)
        throw err
      }
    })
    if (indexes.length - successes > 0) this.expectations.creationFailed(key, indexes.length - successes)
    // a namespace being deleted refuses every create: nothing to retry (upstream ignores it too)
    if (error !== undefined && !isNamespaceTerminating(error)) throw error
    return created
  }

  private async deletePods (key: string, job: RJob, pods: readonly RPod[], signal?: AbortSignal): Promise<void> {
    if (pods.length === 0) return
    this.expectations.expectDeletions(key, pods.map(podKey))
    const results = await Promise.allSettled(pods.map(async (p) => {
      try {
        await this.podControl.deletePod(job.metadata?.namespace ?? '', p.metadata?.name ?? '', job, signal)
      } catch (err) {
        this.expectations.deletionObserved(key, podKey(p))
        throw err
      }
    }))
    const failed = results.find(r => r.status === 'rejected')
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason
  }

  /** Suspended condition and events on suspend/resume; resuming restarts the activeDeadlineSeconds clock. */
  private updateSuspended (job: RJob, conds: JobCondition[], status: JobStatus, suspended: boolean, nowIso: string): void {
    if (suspended) {
      if (setCondition(conds, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowIso)) this.deps.recorder.normal(job, 'Suspended', 'Job suspended')
      return
    }
    if (setCondition(conds, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowIso)) {
      status.startTime = nowIso
      this.deps.recorder.normal(job, 'Resumed', 'Job resumed')
    }
  }

  private requeueForDeadline (key: string, job: RJob, startTime: string | undefined, now: number): void {
    const deadline = job.spec?.activeDeadlineSeconds
    const start = Date.parse(startTime ?? '')
    if (deadline == null || !Number.isFinite(start)) return
    this.queue.addAfter(key, Math.max(0, start + deadline * 1000 - now))
  }

  private async writeStatus (job: RJob, status: JobStatus, signal?: AbortSignal): Promise<void> {
    const next = structuredClone(job) as Job
    next.status = status
    await this.deps.client.resource<Job>(resources.jobs).updateStatus(job.metadata?.namespace ?? '', next, { fieldManager: controllerName, signal })
  }

  private async claimPods (job: RJob, selector: Selector, signal?: AbortSignal): Promise<RPod[]> {
    const namespace = job.metadata?.namespace ?? ''
    const pods = this.deps.podInformer.lister().list(namespace)
    return await claimObjects<Pod>(pods, {
      owner: job as never,
      controllerRef: newControllerRef(job as unknown as KubeObject, jobGvk) as OwnerReference,
      selector,
      recheckOwner: ownerFromApi(this.deps.client.resource<Job>(resources.jobs), namespace, job.metadata?.name ?? '', signal),
      patch: async (pod, patch) => { await this.podControl.patchPod(namespace, pod.metadata?.name ?? '', patch, signal) }
    })
  }

  private podEvent (pod: RPod, what: 'add' | 'update' | 'delete'): void {
    const ref = getControllerOf(pod as never)
    if (ref === undefined || ref.kind !== 'Job') return
    const job = this.deps.jobInformer.lister().get(pod.metadata?.namespace ?? '', ref.name)
    if (job === undefined || job.metadata?.uid !== ref.uid) return
    const key = objectKey(job)
    if (what === 'add') this.expectations.creationObserved(key)
    if (what === 'delete') this.expectations.deletionObserved(key, podKey(pod))
    this.queue.add(key)
  }
}

function classify (pods: readonly RPod[]): PodSets {
  const sets: PodSets = { active: [], succeeded: [], failed: [], terminating: 0 }
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded') sets.succeeded.push(p)
    else if (p.status?.phase === 'Failed') sets.failed.push(p)
    else if (isPodActive(p)) sets.active.push(p)
    else sets.terminating++
  }
  return sets
}
