import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1.js'
import type { ObjectReference } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly, KubeObject } from '@kube-ts/api'
import { getControllerOf, isAlreadyExists, isNotFound, newControllerRef } from '@kube-ts/api'
import { objectKey, resources, splitKey, unwrapTombstone, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { EventRecorder } from '../../controller-utils/events.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { finishedCondition } from '../job/job-util.js'
import { statusChanged } from '../job/status-changed.js'
import { CronJobController as controllerName } from '../names.js'
import { CronParseError, checkTimeZone, parseCronSchedule } from './cron-schedule.js'
import type { CronSchedule } from './cron-schedule.js'
import { formatInZone, formatRfc1123z, jobNameFor, mostRecentScheduleTime, nextScheduleDelayMs, tooManyMissed } from './schedule-times.js'

export const scheduledTimestampAnnotation = 'batch.kubernetes.io/cronjob-scheduled-timestamp'
const cronJobGvk = { group: 'batch', version: 'v1', kind: 'CronJob' }
/** Jobs indexed by the uid of the CronJob controlling them. */
const cronJobUidIndex = 'cronjob-uid'

export interface CronJobControllerDeps {
  client: KubeClient
  cronJobInformer: SharedInformer<CronJob>
  jobInformer: SharedInformer<Job>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  registry?: Registry
}

type RCronJob = DeepReadonly<CronJob>
type RJob = DeepReadonly<Job>

/**
 * Creates Jobs on a cron schedule as upstream's cronjob ControllerV2: one key per CronJob requeued for its next
 * activation; tracks active jobs, honours suspend, startingDeadlineSeconds and concurrencyPolicy
 * (Allow/Forbid/Replace), starts only the most recent missed activation, names jobs by scheduled minute so a
 * restart cannot start one twice, and prunes finished jobs beyond the history limits.
 */
export class CronJobController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: CronJobControllerDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'cronjob', clock: deps.clock, registry: deps.registry })
    deps.jobInformer.addIndexer(cronJobUidIndex, (j) => { const r = getControllerOf(j as never); return r?.kind === 'CronJob' ? [r.uid] : [] })
    deps.cronJobInformer.addEventHandler({
      onAdd: (cj) => { this.queue.add(objectKey(cj)) },
      onUpdate: (o, c) => { if (o.metadata?.resourceVersion !== c.metadata?.resourceVersion) this.queue.add(objectKey(c)) }
    })
    const onJob = (j: RJob): void => {
      const ref = getControllerOf(j as never)
      if (ref?.kind !== 'CronJob') return
      const cj = deps.cronJobInformer.lister().get(j.metadata?.namespace ?? '', ref.name)
      if (cj?.metadata?.uid === ref.uid) this.queue.add(objectKey(cj))
    }
    deps.jobInformer.addEventHandler({
      onAdd: onJob,
      onUpdate: (o, c) => { if (o.metadata?.resourceVersion !== c.metadata?.resourceVersion) onJob(c) },
      onDelete: (j) => { onJob(unwrapTombstone(j)) }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.cronJobInformer, this.deps.jobInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Reconciles one CronJob; public so tests drive it directly. Throws to be retried. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const cached = this.deps.cronJobInformer.lister().get(namespace, name)
    if (cached === undefined) return
    const jobs = this.deps.jobInformer.lister().list(namespace).filter(j => getControllerOf(j as never)?.uid === cached.metadata?.uid)
    const cj = structuredClone(cached) as CronJob
    const status: CronJobStatus = cj.status ?? {}
    cj.status = status
    let requeueMs: number | undefined
    let syncError: unknown
    try {
      await this.reconcileActive(cj, jobs, signal)
      requeueMs = await this.schedule(cj, signal)
    } catch (err) {
      syncError = err
    }
    if (cj.metadata?.deletionTimestamp == null) await this.cleanupFinishedJobs(cj, jobs, signal)
    if (status.active?.length === 0) delete status.active
    if (statusChanged(cached.status, status)) {
      await this.deps.client.resource<CronJob>(resources.cronJobs).updateStatus(namespace, cj, { fieldManager: controllerName, signal })
    }
    if (syncError !== undefined) throw syncError
    if (requeueMs !== undefined) this.queue.addAfter(key, requeueMs)
  }

  /** Moves finished jobs out of status.active, drops vanished ones, and notes the last success. */
  private async reconcileActive (cj: CronJob, jobs: readonly RJob[], signal?: AbortSignal): Promise<void> {
    const status = cj.status as CronJobStatus
    const active = status.active ?? []
    let live: CronJob | undefined
    for (const j of jobs) {
      const inActive = active.some(r => r.uid === j.metadata?.uid)
      const done = finishedCondition(j)
      if (!inActive && done === undefined) {
        // our cache may not have the status write that recorded a job we just created: ask the apiserver before
        // calling it unexpected (upstream rereads the CronJob too), and count it active so scheduling sees it
        live ??= await this.deps.client.resource<CronJob>(resources.cronJobs).get(cj.metadata?.namespace ?? '', cj.metadata?.name ?? '', { signal })
        const recorded = live.status?.active?.find(r => r.uid === j.metadata?.uid)
        if (recorded !== undefined) { status.active = [...(status.active ?? []), recorded]; continue }
        this.deps.recorder.warning(cj, 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata?.name ?? ''}`)
      } else if (inActive && done !== undefined) {
        status.active = (status.active ?? []).filter(r => r.uid !== j.metadata?.uid)
        this.deps.recorder.normal(cj, 'SawCompletedJob', `Saw completed job: ${j.metadata?.name ?? ''}, condition: ${done.type}`)
      }
      if (done?.type === 'Complete' && j.status?.completionTime != null) {
        const last = Date.parse(status.lastSuccessfulTime ?? '')
        if (!(Date.parse(j.status.completionTime) <= last)) status.lastSuccessfulTime = j.status.completionTime
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (jobs.some(j => j.metadata?.uid === ref.uid)) continue
      // the cache may lag behind a job just created: ask the apiserver before declaring it missing
      try {
        await this.deps.client.resource<Job>(resources.jobs).get(ref.namespace ?? '', ref.name ?? '', { signal })
      } catch (err) {
        if (!isNotFound(err)) throw err
        this.deps.recorder.normal(cj, 'MissingJob', `Active job went missing: ${ref.name ?? ''}`)
        status.active = (status.active ?? []).filter(r => r.uid !== ref.uid)
      }
    }
  }

  /** Starts the job due now, if any; returns when to look again (undefined: not until the spec changes). */
  private async schedule (cj: CronJob, signal?: AbortSignal): Promise<number | undefined> {
    if (cj.metadata?.deletionTimestamp != null) return undefined
    const zone = cj.spec?.timeZone ?? 'UTC'
    try {
      checkTimeZone(zone)
    } catch (err) {
      this.deps.recorder.warning(cj, 'UnknownTimeZone', `invalid timeZone: "${zone}": ${(err as Error).message}`)
      return undefined
    }
    if (cj.spec?.suspend === true) return undefined
    let sched: CronSchedule
    try {
      sched = parseCronSchedule(cj.spec?.schedule ?? '', zone)
    } catch (err) {
      if (!(err instanceof CronParseError)) throw err
      this.deps.recorder.warning(cj, 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule ?? ''}" : ${err.message}`)
      return undefined
    }
    const now = this.deps.clock.now()
    const status = cj.status as CronJobStatus
    const { time: scheduled, missed } = mostRecentScheduleTime(cj, sched, now)
    if (missed > tooManyMissed) {
      this.deps.recorder.warning(cj, 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`)
    }
    const next = (): number | undefined => nextScheduleDelayMs(cj, sched, now)
    if (scheduled === undefined) return next()
    const sds = cj.spec?.startingDeadlineSeconds
    if (sds != null && scheduled + sds * 1000 < now) {
      this.deps.recorder.warning(cj, 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123z(scheduled)}`)
      return next()
    }
    const jobName = jobNameFor(cj, scheduled)
    if ((status.active ?? []).some(r => r.name === jobName) || Date.parse(status.lastScheduleTime ?? '') === scheduled) return next()
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow'
    if (policy === 'Forbid' && (status.active ?? []).length > 0) {
      this.deps.recorder.normal(cj, 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid')
      return next()
    }
    if (policy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        await this.deleteJob(cj, ref.namespace ?? '', ref.name ?? '', signal)
        status.active = (status.active ?? []).filter(r => r.uid !== ref.uid)
      }
    }
    const created = await this.createJob(cj, scheduled, zone, signal)
    if (created !== undefined) {
      status.active = [...(status.active ?? []), jobRef(created)]
      status.lastScheduleTime = new Date(scheduled).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
    return next()
  }

  private async createJob (cj: CronJob, scheduled: number, zone: string, signal?: AbortSignal): Promise<Job | undefined> {
    const tmpl = cj.spec?.jobTemplate
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobNameFor(cj, scheduled),
        namespace: cj.metadata?.namespace,
        labels: { ...tmpl?.metadata?.labels },
        annotations: { ...tmpl?.metadata?.annotations, [scheduledTimestampAnnotation]: formatInZone(scheduled, zone) },
        ownerReferences: [newControllerRef(cj as unknown as KubeObject, cronJobGvk) as OwnerReference]
      },
      spec: structuredClone(tmpl?.spec) as Job['spec']
    }
    try {
      const created = await this.deps.client.resource<Job>(resources.jobs).create(cj.metadata?.namespace ?? '', job, { fieldManager: controllerName, signal })
      this.deps.recorder.normal(cj, 'SuccessfulCreate', `Created job ${created.metadata?.name ?? ''}`)
      return created
    } catch (err) {
      // the name is the lock: someone (an earlier run of ours) already started this activation
      if (isAlreadyExists(err)) { this.log.info({ job: job.metadata?.name }, 'job already exists'); return undefined }
      this.deps.recorder.warning(cj, 'FailedCreate', `Error creating job: ${(err as Error).message}`)
      throw err
    }
  }

  private async deleteJob (cj: CronJob, namespace: string, name: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.deps.client.resource<Job>(resources.jobs).delete(namespace, name, { propagationPolicy: 'Background', signal })
      this.deps.recorder.normal(cj, 'SuccessfulDelete', `Deleted job ${name}`)
    } catch (err) {
      if (isNotFound(err)) return
      this.deps.recorder.warning(cj, 'FailedDelete', `Deleted job: ${(err as Error).message}`)
      throw err
    }
  }

  /** Deletes the oldest finished jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit. */
  private async cleanupFinishedJobs (cj: CronJob, jobs: readonly RJob[], signal?: AbortSignal): Promise<void> {
    const limits = { Complete: cj.spec?.successfulJobsHistoryLimit, Failed: cj.spec?.failedJobsHistoryLimit }
    for (const [type, limit] of Object.entries(limits)) {
      if (limit == null) continue
      const finished = jobs.filter(j => finishedCondition(j)?.type === type).sort(byStartTime)
      for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
        await this.deleteJob(cj, j.metadata?.namespace ?? '', j.metadata?.name ?? '', signal)
      }
    }
  }
}

function jobRef (j: Job): ObjectReference {
  return { kind: 'Job', namespace: j.metadata?.namespace, name: j.metadata?.name, uid: j.metadata?.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata?.resourceVersion }
}

/** Oldest first; jobs that never started sort last, names break ties (upstream byJobStartTime). */
function byStartTime (a: RJob, b: RJob): number {
  const ta = Date.parse(a.status?.startTime ?? '')
  const tb = Date.parse(b.status?.startTime ?? '')
  if (Number.isFinite(ta) !== Number.isFinite(tb)) return Number.isFinite(ta) ? -1 : 1
  if (Number.isFinite(ta) && ta !== tb) return ta - tb
  return (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')
}
