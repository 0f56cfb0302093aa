import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { DeletedFinalStateUnknown, objectKey, parseTime, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { EventRecorder } from '../../controller-utils/events.js'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { TaintEvictionController as controllerName } from '../names.js'

export interface TaintEvictionDeps {
  client: KubeClient
  nodeInformer: SharedInformer<Node>
  podInformer: SharedInformer<Pod>
  recorder: EventRecorder
  logger: Logger
  clock: Clock
  registry?: Registry
}

const nodeNameIndex = 'spec.nodeName'

/** Whether a toleration matches a taint (upstream ToleratesTaint). */
export function tolerates (t: DeepReadonly<Toleration>, taint: DeepReadonly<Taint>): boolean {
  if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false
  if (t.operator === 'Exists') return true
  return (t.operator === undefined || t.operator === 'Equal' || t.operator === '') && (t.value ?? '') === (taint.value ?? '')
}

/**
 * When a pod on a node with NoExecute taints must go (upstream NoExecuteTaintManager): `now` when some taint is
 * not tolerated, the earliest taint time plus the smallest tolerationSeconds when all are tolerated for a while,
 * undefined when they are tolerated forever (or there are none).
 */
export function evictionTimeMs (pod: DeepReadonly<Pod>, taints: ReadonlyArray<DeepReadonly<Taint>>, nowMs: number): number | undefined {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute')
  if (noExecute.length === 0) return undefined
  let seconds: number | undefined
  let since = nowMs
  for (const taint of noExecute) {
    const matching = (pod.spec?.tolerations ?? []).filter((t) => tolerates(t, taint))
    if (matching.length === 0) return nowMs
    const bounded = matching.filter((t) => t.tolerationSeconds != null).map((t) => Math.max(0, t.tolerationSeconds ?? 0))
    // any matching toleration without a bound tolerates this taint forever
    if (bounded.length < matching.length) continue
    seconds = Math.min(seconds ?? Infinity, ...bounded)
    const added = taint.timeAdded !== undefined ? parseTime(taint.timeAdded) : undefined
    if (added !== undefined && Number.isFinite(added) && added < since) since = added
  }
  return seconds === undefined ? undefined : since + seconds * 1000
}

const unwrap = <T>(o: DeepReadonly<T> | DeletedFinalStateUnknown<T>): DeepReadonly<T> => (o instanceof DeletedFinalStateUnknown ? o.obj : o)

/** Deletes pods from nodes with NoExecute taints they do not tolerate (upstream taint-eviction-controller). */
export class TaintEvictionController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: TaintEvictionDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'taint_eviction', clock: deps.clock, registry: deps.registry })
    deps.podInformer.addIndexer(nodeNameIndex, (p) => (p.spec?.nodeName ?? '') === '' ? [] : [p.spec?.nodeName ?? ''])
    const enqueuePod = (p: DeepReadonly<Pod>): void => { if ((p.spec?.nodeName ?? '') !== '') this.queue.add(objectKey(p)) }
    deps.podInformer.addEventHandler({ onAdd: enqueuePod, onUpdate: (_o, n) => { enqueuePod(n) } })
    const nodeChanged = (n: DeepReadonly<Node>): void => {
      for (const p of deps.podInformer.lister().byIndex(nodeNameIndex, n.metadata?.name ?? '')) this.queue.add(objectKey(p))
    }
    deps.nodeInformer.addEventHandler({ onAdd: nodeChanged, onUpdate: (_o, n) => { nodeChanged(n) }, onDelete: (o) => { nodeChanged(unwrap(o)) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.nodeInformer, this.deps.podInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const pod = this.deps.podInformer.lister().get(namespace, name)
    if (pod === undefined || pod.metadata?.deletionTimestamp != null) return
    const node = this.deps.nodeInformer.lister().get('', pod.spec?.nodeName ?? '')
    if (node === undefined) return
    const now = this.deps.clock.now()
    const at = evictionTimeMs(pod, node.spec?.taints ?? [], now)
    if (at === undefined) return
    if (at > now) { this.queue.addAfter(key, at - now); return }
    this.deps.recorder.normal(pod, 'TaintManagerEviction', `Marking for deletion Pod ${key}`)
    try {
      await this.deps.client.resource<Pod>(resources.pods).delete(namespace, name, { preconditions: { uid: pod.metadata?.uid ?? '' }, signal })
    } catch (err) { if (!isNotFound(err)) throw err }
  }
}
