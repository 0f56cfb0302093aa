import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { EndpointsController as name } from '../names.js'
import { EndpointsController } from './endpoints-controller.js'

/** `endpoints-controller`, with `--concurrent-endpoint-syncs` workers. */
export async function startEndpointsController (ctx: ControllerContext): Promise<void> {
  const f = ctx.informerFactory
  const c = new EndpointsController({
    client: ctx.clientFor(name),
    serviceInformer: f.forResource<Service>(resources.services),
    podInformer: f.forResource<Pod>(resources.pods),
    endpointsInformer: f.forResource<Endpoints>(resources.endpoints),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentEndpointSyncs, ctx.signal)
}
