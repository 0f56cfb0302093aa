import type { Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { ResourceQuotaController as name } from '../names.js'
import { ResourceQuotaController } from './resource-quota-controller.js'

/** `resourcequota-controller`, with `--concurrent-resource-quota-syncs` workers. */
export async function startResourceQuotaController (ctx: ControllerContext): Promise<void> {
  const f = ctx.informerFactory
  const c = new ResourceQuotaController({
    client: ctx.clientFor(name),
    quotaInformer: f.forResource<ResourceQuota>(resources.resourceQuotas),
    podInformer: f.forResource<Pod>(resources.pods),
    serviceInformer: f.forResource<Service>(resources.services),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentResourceQuotaSyncs, ctx.signal)
}
