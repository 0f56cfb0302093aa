import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { PodGarbageCollectorController as name } from '../names.js'
import { PodGcController } from './pod-gc-controller.js'

/** `pod-garbage-collector-controller`, with --terminated-pod-gc-threshold. */
export async function startPodGcController (ctx: ControllerContext): Promise<void> {
  const c = new PodGcController({
    client: ctx.clientFor(name),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    nodeInformer: ctx.informerFactory.forResource<Node>(resources.nodes),
    logger: ctx.logger,
    clock: ctx.clock,
    terminatedPodThreshold: ctx.options.terminatedPodGcThreshold
  })
  await c.run(ctx.signal)
}
