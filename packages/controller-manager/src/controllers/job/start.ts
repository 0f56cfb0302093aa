import type { Job } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { JobController as name } from '../names.js'
import { JobController } from './job-controller.js'

/** `job-controller`, with `--concurrent-job-syncs` workers. */
export async function startJobController (ctx: ControllerContext): Promise<void> {
  const c = new JobController({
    client: ctx.clientFor(name),
    jobInformer: ctx.informerFactory.forResource<Job>(resources.jobs),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    recorder: ctx.recorderFor(name),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentJobSyncs, ctx.signal)
}
