import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { ReplicaSetController } from './replicaset-controller.js'
import { replicaSetKind, replicationControllerKind } from './workload-kind.js'
import type { ReplicatedObject, WorkloadKind } from './workload-kind.js'

async function start (ctx: ControllerContext, kind: WorkloadKind, workers: number): Promise<void> {
  const c = new ReplicaSetController({
    kind,
    client: ctx.clientFor(kind.controllerName),
    rsInformer: ctx.informerFactory.forResource<ReplicatedObject>(kind.resource),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    recorder: ctx.recorderFor(kind.eventSource),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(workers, ctx.signal)
}

/** `replicaset-controller`, with `--concurrent-replicaset-syncs` workers. */
export async function startReplicaSetController (ctx: ControllerContext): Promise<void> {
  await start(ctx, replicaSetKind, ctx.options.concurrentReplicaSetSyncs)
}

/** `replicationcontroller-controller`, with `--concurrent-rc-syncs` workers. */
export async function startReplicationController (ctx: ControllerContext): Promise<void> {
  await start(ctx, replicationControllerKind, ctx.options.concurrentRcSyncs)
}
