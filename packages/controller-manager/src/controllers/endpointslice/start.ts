import type { Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import { loadClientConfig, resources, sleep } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { EndpointSliceController as name } from '../names.js'
import { EndpointSliceController } from './endpointslice-controller.js'
import { apiserverAddressFromUrl, reconcileKubernetesEndpoints } from './kubernetes-service-endpoints.js'

// upstream's apiserver endpoint reconciler interval
const kubernetesEndpointsIntervalMs = 10_000

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
  await Promise.all([c.run(ctx.options.concurrentServiceEndpointSyncs, ctx.signal), keepKubernetesEndpoints(ctx)])
}

/** Keeps the `kubernetes` Service's Endpoints/EndpointSlice pointing at the apiserver from the kubeconfig. */
async function keepKubernetesEndpoints (ctx: ControllerContext): Promise<void> {
  const client = ctx.clientFor(name)
  const server = loadClientConfig({ kubeconfig: ctx.options.kubeconfig, master: ctx.options.master }).server
  while (!ctx.signal.aborted) {
    try {
      const addr = await apiserverAddressFromUrl(server)
      if (await reconcileKubernetesEndpoints(client, addr, ctx.signal)) ctx.logger.info({ controller: name, ...addr }, 'kubernetes service endpoints updated')
    } catch (err) {
      if (!ctx.signal.aborted) ctx.logger.warn({ err, controller: name }, 'could not reconcile kubernetes service endpoints')
    }
    await sleep(ctx.clock, kubernetesEndpointsIntervalMs, ctx.signal).catch(() => {})
  }
}
