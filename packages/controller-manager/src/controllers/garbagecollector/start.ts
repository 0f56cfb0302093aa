import { RestClient, SharedInformerFactory, sleep } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { GarbageCollectorController as name } from '../names.js'
import { GarbageCollector } from './garbage-collector.js'
import { deletableResources } from './gc-resources.js'
import type { GcResource } from './gc-resources.js'

/**
 * `garbage-collector-controller`, with `--concurrent-gc-syncs` workers. Resources come from discovery at start
 * (a restart picks up new CRDs); their informers are shared and started here, as they are asked for late.
 */
export async function startGarbageCollectorController (ctx: ControllerContext): Promise<void> {
  const client = ctx.clientFor(name)
  if (!(client instanceof RestClient)) throw new Error('garbage-collector-controller needs a RestClient (discovery)')
  // discovery may fail while the apiserver starts: retry (upstream waits for discovery too)
  let found: GcResource[] | undefined
  for (let delay = 1000; found === undefined; delay = Math.min(delay * 2, 30_000)) {
    try {
      found = await deletableResources(client, ctx.signal)
    } catch (err) {
      if (ctx.signal.aborted) return
      ctx.logger.warn({ err, controller: name, retryInMs: delay }, 'discovery failed; retrying')
      await sleep(ctx.clock, delay, ctx.signal).catch(() => {})
      if (ctx.signal.aborted) return
    }
  }
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
