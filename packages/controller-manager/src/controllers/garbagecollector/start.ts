import { RestClient, SharedInformerFactory } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { GarbageCollectorController as name } from '../names.js'
import { GarbageCollector } from './garbage-collector.js'
import { deletableResources } from './gc-resources.js'

/**
 * `garbage-collector-controller`, with `--concurrent-gc-syncs` workers. Resources come from discovery at start
 * (a restart picks up new CRDs); their informers are shared and started here, as they are asked for late.
 */
export async function startGarbageCollectorController (ctx: ControllerContext): Promise<void> {
  const client = ctx.clientFor(name)
  if (!(client instanceof RestClient)) throw new Error('garbage-collector-controller needs a RestClient (discovery)')
  const found = await deletableResources(client, ctx.signal)
  const gc = new GarbageCollector({
    client,
    resources: found.map((res) => ({ res, informer: ctx.informerFactory.forResource(res) })),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  if (ctx.informerFactory instanceof SharedInformerFactory) ctx.informerFactory.start(ctx.signal)
  await gc.run(ctx.options.concurrentGcSyncs, ctx.signal)
}
