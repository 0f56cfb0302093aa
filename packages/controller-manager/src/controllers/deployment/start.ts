import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import * as names from '../names.js'
import { DeploymentController } from './deployment-controller.js'

/** `deployment-controller`, with `--concurrent-deployment-syncs` workers. */
export async function startDeploymentController (ctx: ControllerContext): Promise<void> {
  const c = new DeploymentController({
    client: ctx.clientFor(names.DeploymentController),
    dInformer: ctx.informerFactory.forResource<Deployment>(resources.deployments),
    rsInformer: ctx.informerFactory.forResource<ReplicaSet>(resources.replicaSets),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    recorder: ctx.recorderFor(names.DeploymentController),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentDeploymentSyncs, ctx.signal)
}
