import type { Job } from 'kubernetes-types/batch/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { objectKey, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { finishTime } from '../job/job-util.js'
import { TTLAfterFinishedController as controllerName } from '../names.js'

export interface TtlAfterFinishedDeps {
  client: KubeClient
  jobInformer: SharedInformer<Job>
  logger: Logger
  clock: Clock
  registry?: Registry
}

type RJob = DeepReadonly<Job>

/**
 * Milliseconds until a finished job with ttlSecondsAfterFinished may be deleted (0 = now), or undefined when it
 * has no TTL, is not finished or is already being deleted (upstream needsCleanup + timeLeft).
 */
export function ttlRemainingMs (job: RJob, nowMs: number): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished
  if (ttl == null || job.metadata?.deletionTimestamp != null) return undefined
  const finished = finishTime(job)
  if (finished === undefined) return undefined
  return Math.max(0, finished + ttl * 1000 - nowMs)
}

/**
 * Deletes finished Jobs once `ttlSecondsAfterFinished` has passed, as upstream's ttlafterfinished controller:
 * timers through the queue's addAfter, and a fresh read from the API before deleting (the TTL may have been
 * changed since the cache saw it), then a foreground delete guarded by the job's uid.
 */
export class TtlAfterFinishedController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: TtlAfterFinishedDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'ttl_jobs_to_delete', clock: deps.clock, registry: deps.registry })
    const enqueue = (j: RJob): void => { if (ttlRemainingMs(j, deps.clock.now()) !== undefined) this.queue.add(objectKey(j)) }
    deps.jobInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, c) => { enqueue(c) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.jobInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Deletes the job if its TTL expired, otherwise looks again when it will have. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const cached = this.deps.jobInformer.lister().get(namespace, name)
    if (cached === undefined) return
    const left = ttlRemainingMs(cached, this.deps.clock.now())
    if (left === undefined) return
    if (left > 0) { this.queue.addAfter(key, left); return }
    const api = this.deps.client.resource<Job>(resources.jobs)
    let fresh: Job
    try {
      fresh = await api.get(namespace, name, { signal })
    } catch (err) {
      if (isNotFound(err)) return
      throw err
    }
    const freshLeft = ttlRemainingMs(fresh, this.deps.clock.now())
    if (freshLeft === undefined) return
    if (freshLeft > 0) { this.queue.addAfter(key, freshLeft); return }
    this.log.info({ key }, 'cleaning up finished job')
    try {
      await api.delete(namespace, name, { preconditions: { uid: fresh.metadata?.uid ?? '' }, propagationPolicy: 'Foreground', signal })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
}
