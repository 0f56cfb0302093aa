import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1.js'
import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { DaemonSetController as name } from '../names.js'
import { DaemonSetController } from './daemonset-controller.js'

/** `daemonset-controller`, with `--concurrent-daemonset-syncs` workers. */
export async function startDaemonSetController (ctx: ControllerContext): Promise<void> {
  const c = new DaemonSetController({
    client: ctx.clientFor(name),
    dsInformer: ctx.informerFactory.forResource<DaemonSet>(resources.daemonSets),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    nodeInformer: ctx.informerFactory.forResource<Node>(resources.nodes),
    revisionInformer: ctx.informerFactory.forResource<ControllerRevision>(resources.controllerRevisions),
    recorder: ctx.recorderFor(name),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentDaemonSetSyncs, ctx.signal)
}
