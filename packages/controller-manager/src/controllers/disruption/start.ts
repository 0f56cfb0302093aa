import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Pod, ReplicationController } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { DisruptionController as name } from '../names.js'
import { DisruptionController } from './disruption-controller.js'

/** `disruption-controller` (upstream runs it with one worker). */
export async function startDisruptionController (ctx: ControllerContext): Promise<void> {
  const f = ctx.informerFactory
  const c = new DisruptionController({
    client: ctx.clientFor(name),
    pdbInformer: f.forResource<PodDisruptionBudget>(resources.podDisruptionBudgets),
    podInformer: f.forResource<Pod>(resources.pods),
    rsInformer: f.forResource<ReplicaSet>(resources.replicaSets),
    deploymentInformer: f.forResource<Deployment>(resources.deployments),
    statefulSetInformer: f.forResource<StatefulSet>(resources.statefulSets),
    rcInformer: f.forResource<ReplicationController>(resources.replicationControllers),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(1, ctx.signal)
}
