import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { StatefulSetController as name } from '../names.js'
import { StatefulSetController } from './statefulset-controller.js'

/** `statefulset-controller`, with `--concurrent-statefulset-syncs` workers. */
export async function startStatefulSetController (ctx: ControllerContext): Promise<void> {
  const c = new StatefulSetController({
    client: ctx.clientFor(name),
    setInformer: ctx.informerFactory.forResource<StatefulSet>(resources.statefulSets),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    revisionInformer: ctx.informerFactory.forResource<ControllerRevision>(resources.controllerRevisions),
    pvcInformer: ctx.informerFactory.forResource<PersistentVolumeClaim>(resources.persistentVolumeClaims),
    recorder: ctx.recorderFor(name),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentStatefulSetSyncs, ctx.signal)
}
