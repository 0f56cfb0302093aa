import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { ServiceAccountController as name } from '../names.js'
import { ServiceAccountController } from './serviceaccount-controller.js'

/** `serviceaccount-controller` (upstream runs it with one worker). */
export async function startServiceAccountController (ctx: ControllerContext): Promise<void> {
  const c = new ServiceAccountController({
    client: ctx.clientFor(name),
    namespaceInformer: ctx.informerFactory.forResource<Namespace>(resources.namespaces),
    serviceAccountInformer: ctx.informerFactory.forResource<ServiceAccount>(resources.serviceAccounts),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(1, ctx.signal)
}
