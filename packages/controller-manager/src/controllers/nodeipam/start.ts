import type { Node } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { NodeIpamController as name } from '../names.js'
import { NodeIpamController } from './node-ipam-controller.js'

/** `node-ipam-controller`: does nothing unless --allocate-node-cidrs, as upstream. */
export async function startNodeIpamController (ctx: ControllerContext): Promise<void> {
  if (!ctx.options.allocateNodeCidrs) { ctx.logger.info({ controller: name }, '--allocate-node-cidrs is false, not assigning pod CIDRs'); return }
  const c = new NodeIpamController({
    client: ctx.clientFor(name),
    nodeInformer: ctx.informerFactory.forResource<Node>(resources.nodes),
    recorder: ctx.recorderFor(name),
    logger: ctx.logger,
    clock: ctx.clock,
    clusterCidr: ctx.options.clusterCidr,
    nodeCidrMaskSize: ctx.options.nodeCidrMaskSize,
    registry: ctx.registry
  })
  await c.run(ctx.signal)
}
