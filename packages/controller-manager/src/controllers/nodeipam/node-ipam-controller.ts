import type { Node } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { DeletedFinalStateUnknown, objectKey, resources, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { EventRecorder } from '../../controller-utils/events.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { NodeIpamController as controllerName } from '../names.js'
import { CidrSet } from './cidr-set.js'

export interface NodeIpamDeps {
  client: KubeClient
  nodeInformer: SharedInformer<Node>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  clusterCidr: string
  nodeCidrMaskSize: number
  registry?: Registry
}

const unwrap = (o: DeepReadonly<Node> | DeletedFinalStateUnknown<Node>): DeepReadonly<Node> => (o instanceof DeletedFinalStateUnknown ? o.obj : o)

/**
 * Gives every Node a `spec.podCIDR` from the cluster CIDR (upstream nodeipam RangeAllocator): the lowest free
 * subnet, where "taken" is every cached node's podCIDR plus what this controller assigned and the cache has not
 * shown yet. A deleted node's subnet is free again as soon as it leaves the cache. One worker, so two nodes
 * never get the same subnet.
 */
export class NodeIpamController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger
  private readonly set: CidrSet
  // node name -> cidr assigned but maybe not yet in the cache
  private readonly assigned = new Map<string, string>()

  constructor (private readonly deps: NodeIpamDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.set = new CidrSet(deps.clusterCidr, deps.nodeCidrMaskSize)
    this.queue = new WorkQueue<string>({ name: 'node_ipam', clock: deps.clock, registry: deps.registry })
    const enqueue = (n: DeepReadonly<Node>): void => { if ((n.spec?.podCIDR ?? '') === '') this.queue.add(objectKey(n)) }
    deps.nodeInformer.addEventHandler({
      onAdd: enqueue,
      onUpdate: (_o, n) => { enqueue(n) },
      onDelete: (o) => { this.assigned.delete(unwrap(o).metadata?.name ?? '') }
    })
  }

  async run (signal: AbortSignal): Promise<void> {
    this.log.info({ clusterCidr: this.deps.clusterCidr, maskSize: this.deps.nodeCidrMaskSize }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.nodeInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers: 1, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  async sync (name: string, signal?: AbortSignal): Promise<void> {
    const node = this.deps.nodeInformer.lister().get('', name)
    if (node === undefined) { this.assigned.delete(name); return }
    if ((node.spec?.podCIDR ?? '') !== '') { this.assigned.delete(name); return }
    const taken = new Set<string>()
    for (const n of this.deps.nodeInformer.lister().list()) for (const c of n.spec?.podCIDRs ?? (n.spec?.podCIDR !== undefined ? [n.spec.podCIDR] : [])) taken.add(c)
    for (const [n, c] of this.assigned) if (n !== name) taken.add(c)
    const cidr = this.assigned.get(name) ?? this.set.next(taken)
    if (cidr === undefined) {
      this.deps.recorder.normal(node, 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`)
      throw new Error(`no CIDR left in ${this.deps.clusterCidr} for node ${name}`)
    }
    this.assigned.set(name, cidr)
    try {
      await this.deps.client.resource<Node>(resources.nodes).patch('', name, 'merge', { metadata: { uid: node.metadata?.uid }, spec: { podCIDR: cidr, podCIDRs: [cidr] } }, { signal })
      this.log.info({ node: name, cidr }, 'assigned pod CIDR')
    } catch (err) {
      this.assigned.delete(name)
      if (isNotFound(err)) return
      this.deps.recorder.warning(node, 'CIDRAssignmentFailed', `Node ${name} status is now: CIDRAssignmentFailed`)
      throw err
    }
  }
}
