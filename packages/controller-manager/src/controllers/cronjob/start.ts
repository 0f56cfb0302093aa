import type { CronJob, Job } from 'kubernetes-types/batch/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { CronJobController as name } from '../names.js'
import { CronJobController } from './cronjob-controller.js'

/** `cronjob-controller`, with `--concurrent-cron-job-syncs` workers. */
export async function startCronJobController (ctx: ControllerContext): Promise<void> {
  const c = new CronJobController({
    client: ctx.clientFor(name),
    cronJobInformer: ctx.informerFactory.forResource<CronJob>(resources.cronJobs),
    jobInformer: ctx.informerFactory.forResource<Job>(resources.jobs),
    recorder: ctx.recorderFor(name),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentCronJobSyncs, ctx.signal)
}
