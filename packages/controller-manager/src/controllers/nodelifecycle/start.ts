import type { Node, Pod } from 'kubernetes-types/core/v1.js'
import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { resources } from '@kube-ts/client'
import type { ControllerContext } from '../../app/controller-context.js'
import { NodeLifecycleController as lifecycleName, NodeLifecycleEventSource, TaintEvictionController as evictionName } from '../names.js'
import { NodeLifecycleController } from './node-lifecycle-controller.js'
import { TaintEvictionController } from './taint-eviction-controller.js'

/** `node-lifecycle-controller`, driven by --node-monitor-period / --node-monitor-grace-period and the eviction rates. */
export async function startNodeLifecycleController (ctx: ControllerContext): Promise<void> {
  const f = ctx.informerFactory
  const o = ctx.options
  const c = new NodeLifecycleController({
    client: ctx.clientFor(lifecycleName),
    nodeInformer: f.forResource<Node>(resources.nodes),
    leaseInformer: f.forResource<Lease>(resources.leases),
    podInformer: f.forResource<Pod>(resources.pods),
    // upstream's node lifecycle controller records its events as `node-controller`
    recorder: ctx.recorderFor(NodeLifecycleEventSource),
    logger: ctx.logger,
    clock: ctx.clock,
    monitorPeriodMs: o.nodeMonitorPeriodMs,
    gracePeriodMs: o.nodeMonitorGracePeriodMs,
    startupGracePeriodMs: o.nodeStartupGracePeriodMs,
    evictionRate: o.nodeEvictionRate,
    secondaryEvictionRate: o.secondaryNodeEvictionRate,
    largeClusterSizeThreshold: o.largeClusterSizeThreshold,
    unhealthyZoneThreshold: o.unhealthyZoneThreshold,
    registry: ctx.registry
  })
  await c.run(ctx.signal)
}

/** `taint-eviction-controller`: deletes pods that do not tolerate their node's NoExecute taints. */
export async function startTaintEvictionController (ctx: ControllerContext): Promise<void> {
  const c = new TaintEvictionController({
    client: ctx.clientFor(evictionName),
    nodeInformer: ctx.informerFactory.forResource<Node>(resources.nodes),
    podInformer: ctx.informerFactory.forResource<Pod>(resources.pods),
    recorder: ctx.recorderFor(evictionName),
    logger: ctx.logger,
    clock: ctx.clock,
    registry: ctx.registry
  })
  await c.run(8, ctx.signal)
}
