import type { Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { EndpointSliceController as name } from '../names.js'
import { EndpointSliceController } from './endpointslice-controller.js'

/** `endpointslice-controller`, with `--concurrent-service-endpoint-syncs` workers. */
export async function startEndpointSliceController (ctx: ControllerContext): Promise<void> {
  const f = ctx.informerFactory
  const c = new EndpointSliceController({
    client: ctx.clientFor(name),
    serviceInformer: f.forResource<Service>(resources.services),
    podInformer: f.forResource<Pod>(resources.pods),
    nodeInformer: f.forResource<Node>(resources.nodes),
    sliceInformer: f.forResource<EndpointSlice>(resources.endpointSlices),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentServiceEndpointSyncs, ctx.signal)
}
