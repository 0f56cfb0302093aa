import type { Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound, Quantity } from '@kube-ts/api'
import { objectKey, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient, ResourceRef } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { ResourceQuotaController as controllerName } from '../names.js'
import { computeUsage, countTarget, isComputeKey, podCountsForQuota } from './usage.js'

export interface ResourceQuotaDeps {
  client: KubeClient
  quotaInformer: SharedInformer<ResourceQuota>
  podInformer: SharedInformer<Pod>
  serviceInformer: SharedInformer<Service>
  logger: Logger
  clock: Clock
  registry?: Registry
  /** Full resync of every quota (upstream --resource-quota-sync-period, 5m); other kinds are counted then. */
  resyncPeriodMs?: number
}

/**
 * Keeps `status.used` of ResourceQuotas (upstream pkg/controller/resourcequota): object counts for `pods`,
 * legacy names and `count/<resource>.<group>` (counted with a list, as upstream's generic evaluator does), compute
 * requests and limits summed over non-terminal pods; `status.hard` mirrors the spec. Pod and service changes
 * requeue their namespace's quotas at once; everything else is caught by the periodic resync.
 */
export class ResourceQuotaController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: ResourceQuotaDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'resourcequota_primary', clock: deps.clock, registry: deps.registry })
    const enqueue = (q: DeepReadonly<ResourceQuota>): void => { this.queue.add(objectKey(q)) }
    deps.quotaInformer.addEventHandler({ onAdd: enqueue, onUpdate: (o, n) => { if (JSON.stringify(o.spec) !== JSON.stringify(n.spec) || JSON.stringify(n.spec?.hard) !== JSON.stringify(n.status?.hard)) enqueue(n) } })
    const nsChanged = (o: { metadata?: { namespace?: string } }): void => {
      for (const q of deps.quotaInformer.lister().list(o.metadata?.namespace ?? '')) enqueue(q)
    }
    deps.podInformer.addEventHandler({ onAdd: nsChanged, onUpdate: (o, n) => { if (o.status?.phase !== n.status?.phase || o.metadata?.deletionTimestamp !== n.metadata?.deletionTimestamp) nsChanged(n) }, onDelete: (o) => { nsChanged('obj' in o ? o.obj : o) } })
    deps.serviceInformer.addEventHandler({ onAdd: nsChanged, onDelete: (o) => { nsChanged('obj' in o ? o.obj : o) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    const d = this.deps
    if (!await waitForCacheSync(signal, d.quotaInformer, d.podInformer, d.serviceInformer)) return
    const resync = (): void => {
      for (const q of d.quotaInformer.lister().list()) this.queue.add(objectKey(q))
      if (!signal.aborted) d.clock.setTimeout(resync, d.resyncPeriodMs ?? 300_000)
    }
    d.clock.setTimeout(resync, d.resyncPeriodMs ?? 300_000)
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: d.registry })
    this.log.info('controller stopped')
  }

  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const quota = this.deps.quotaInformer.lister().get(namespace, name)
    if (quota === undefined) return
    const hard = quota.spec?.hard ?? {}
    const pods = this.deps.podInformer.lister().list(namespace)
    const used: Record<string, string> = {}
    for (const k of Object.keys(hard)) {
      if (isComputeKey(k)) { used[k] = computeUsage(pods, k).toString(); continue }
      const target = countTarget(k)
      if (target === undefined) continue
      used[k] = String(await this.count(namespace, target, pods, signal))
    }
    const hardCopy = structuredClone(hard) as Record<string, string>
    const same = (a: Readonly<Record<string, unknown>> | undefined, b: Record<string, string>): boolean =>
      Object.keys(a ?? {}).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a?.[k] !== undefined && Quantity.from(a[k]).equals(Quantity.from(v)))
    if (same(quota.status?.hard, hardCopy) && same(quota.status?.used, used)) return
    const next: ResourceQuota = { ...(structuredClone(quota) as unknown as ResourceQuota), status: { hard: hardCopy, used } }
    try {
      await this.deps.client.resource<ResourceQuota>(resources.resourceQuotas).updateStatus(namespace, next, { signal })
    } catch (err) { if (!isNotFound(err)) throw err }
  }

  private async count (namespace: string, [group, resource]: [string, string], pods: ReadonlyArray<DeepReadonly<Pod>>, signal?: AbortSignal): Promise<number> {
    if (group === '' && resource === 'pods') return pods.filter(podCountsForQuota).length
    if (group === '' && resource === 'services') return this.deps.serviceInformer.lister().list(namespace).length
    const desc: ResourceRef = { group, version: group === '' ? 'v1' : versionFor(group), resource, namespaced: true }
    return (await this.deps.client.resource<object>(desc).list(namespace, { signal })).items.length
  }
}

// count/<resource>.<group> names no version: use the one each built-in group serves
function versionFor (group: string): string {
  const v: Record<string, string> = { 'networking.k8s.io': 'v1', 'discovery.k8s.io': 'v1', 'coordination.k8s.io': 'v1', 'rbac.authorization.k8s.io': 'v1', 'autoscaling': 'v2', 'storage.k8s.io': 'v1', 'events.k8s.io': 'v1' }
  return v[group] ?? 'v1'
}
