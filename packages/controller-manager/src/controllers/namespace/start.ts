import type { Namespace } from 'kubernetes-types/core/v1.js'
import { resources, RestClient } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { NamespaceController as name } from '../names.js'
import { NamespaceController } from './namespace-controller.js'
import { RestNamespaceContent } from './namespace-content.js'

/** `namespace-controller`, with `--concurrent-namespace-syncs` workers; needs discovery, so a real RestClient. */
export async function startNamespaceController (ctx: ControllerContext): Promise<void> {
  const client = ctx.clientFor(name)
  if (!(client instanceof RestClient)) throw new Error('namespace-controller needs a RestClient (discovery and finalize)')
  const c = new NamespaceController({
    api: new RestNamespaceContent(client),
    namespaceInformer: ctx.informerFactory.forResource<Namespace>(resources.namespaces),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(ctx.options.concurrentNamespaceSyncs, ctx.signal)
}
