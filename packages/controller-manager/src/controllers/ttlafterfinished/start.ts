import type { Job } from 'kubernetes-types/batch/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { TTLAfterFinishedController as name } from '../names.js'
import { TtlAfterFinishedController } from './ttl-after-finished-controller.js'

/** `ttl-after-finished-controller`, with `--concurrent-ttl-after-finished-syncs` workers. */
export async function startTtlAfterFinishedController (ctx: ControllerContext): Promise<void> {
  const c = new TtlAfterFinishedController({
    client: ctx.clientFor(name),
    jobInformer: ctx.informerFactory.forResource<Job>(resources.jobs),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentTtlAfterFinishedSyncs, ctx.signal)
}
