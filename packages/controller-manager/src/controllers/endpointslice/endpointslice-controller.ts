import type { Node, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { DeletedFinalStateUnknown, objectKey, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient, ResourceApi } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { EndpointSliceController as controllerName } from '../names.js'
import { chunk, desiredGroups, groupKey, maxEndpointsPerSlice } from './desired-slices.js'
import type { EndpointGroup } from './desired-slices.js'
import { serviceSelects } from './pod-endpoints.js'
import { SliceTracker } from './slice-tracker.js'

export const serviceNameLabel = 'kubernetes.io/service-name'
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by'
export const managedByValue = 'endpointslice-controller.k8s.io'
const serviceIndex = 'service-name'
// how long to wait for the informer to catch up with our own writes before looking again
const staleCacheRetryMs = 100

export interface EndpointSliceDeps {
  client: KubeClient
  serviceInformer: SharedInformer<Service>
  podInformer: SharedInformer<Pod>
  nodeInformer: SharedInformer<Node>
  sliceInformer: SharedInformer<EndpointSlice>
  logger: Logger
  clock: Clock
  registry?: Registry
  maxEndpointsPerSlice?: number
}

type RSlice = DeepReadonly<EndpointSlice>
type RService = DeepReadonly<Service>

const unwrap = <T>(o: DeepReadonly<T> | DeletedFinalStateUnknown<T>): DeepReadonly<T> => (o instanceof DeletedFinalStateUnknown ? o.obj : o)

/**
 * Keeps EndpointSlices for every Service with a selector (upstream pkg/controller/endpointslice): pods are
 * grouped by address family and resolved ports, each group split into slices of at most 100 endpoints, labelled
 * with the service name and managed-by, owned by the Service (so the garbage collector removes them with it).
 */
export class EndpointSliceController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger
  private readonly tracker = new SliceTracker()
  private readonly max: number

  constructor (private readonly deps: EndpointSliceDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.max = deps.maxEndpointsPerSlice ?? maxEndpointsPerSlice
    this.queue = new WorkQueue<string>({ name: 'endpoint_slice', clock: deps.clock, registry: deps.registry })
    deps.sliceInformer.addIndexer(serviceIndex, (s) => {
      const name = s.metadata?.labels?.[serviceNameLabel]
      return name === undefined ? [] : [`${s.metadata?.namespace ?? ''}/${name}`]
    })
    const enqueueSvc = (s: RService): void => { this.queue.add(objectKey(s)) }
    deps.serviceInformer.addEventHandler({
      onAdd: enqueueSvc,
      onUpdate: (_o, n) => { enqueueSvc(n) },
      onDelete: (o) => { this.queue.add(objectKey(unwrap(o))) }
    })
    const podChanged = (p: DeepReadonly<Pod>): void => { for (const k of this.servicesFor(p)) this.queue.add(k) }
    deps.podInformer.addEventHandler({
      onAdd: podChanged,
      // a relabelled pod may leave services it no longer matches: enqueue both old and new matches
      onUpdate: (o, n) => { podChanged(o); podChanged(n) },
      onDelete: (o) => { podChanged(unwrap(o)) }
    })
    const sliceChanged = (s: RSlice): void => {
      if (s.metadata?.labels?.[managedByLabel] !== managedByValue) return
      const svc = s.metadata?.labels?.[serviceNameLabel]
      if (svc !== undefined) this.queue.add(`${s.metadata?.namespace ?? ''}/${svc}`)
    }
    deps.sliceInformer.addEventHandler({
      onAdd: sliceChanged,
      onUpdate: (_o, n) => { sliceChanged(n) },
      onDelete: (o) => {
        const s = unwrap(o)
        const svc = s.metadata?.labels?.[serviceNameLabel]
        if (svc !== undefined) this.tracker.sliceGone(`${s.metadata?.namespace ?? ''}/${svc}`, s.metadata?.name ?? '')
        sliceChanged(s)
      }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    const d = this.deps
    if (!await waitForCacheSync(signal, d.serviceInformer, d.podInformer, d.nodeInformer, d.sliceInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: d.registry })
    this.log.info('controller stopped')
  }

  private servicesFor (pod: DeepReadonly<Pod>): string[] {
    const ns = pod.metadata?.namespace ?? ''
    return this.deps.serviceInformer.lister().list(ns, (s) => serviceSelects(s, pod)).map((s) => objectKey(s))
  }

  /** Brings the service's managed slices to the desired groups: update in place, create what is missing, delete the rest. */
  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const svc = this.deps.serviceInformer.lister().get(namespace, name)
    const existing = this.deps.sliceInformer.lister().byIndex(serviceIndex, key)
      .filter((s) => s.metadata?.labels?.[managedByLabel] === managedByValue)
    if (!this.tracker.cacheIsCurrent(key, existing)) { this.queue.addAfter(key, staleCacheRetryMs); return }
    const api = this.deps.client.resource<EndpointSlice>(resources.endpointSlices)
    // no service, or one without a selector: managed slices go (a deleted service's slices also go by GC)
    if (svc === undefined || svc.spec?.selector == null || svc.metadata?.deletionTimestamp != null) {
      for (const s of existing) await this.deleteSlice(api, key, s, signal)
      if (svc === undefined) this.tracker.forget(key)
      return
    }
    const nodes = this.deps.nodeInformer.lister()
    const groups = desiredGroups(svc, this.deps.podInformer.lister().list(namespace), (n) => nodes.get('', n))
    if (groups.size === 0) groups.set(groupKey('IPv4', []), { addressType: 'IPv4', ports: [], endpoints: [] })
    const byGroup = new Map<string, RSlice[]>()
    for (const s of [...existing].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))) {
      const k = groupKey(s.addressType ?? 'IPv4', s.ports ?? [])
      const list = byGroup.get(k) ?? []
      list.push(s)
      byGroup.set(k, list)
    }
    for (const [gk, group] of groups) {
      const have = byGroup.get(gk) ?? []
      byGroup.delete(gk)
      const chunks = chunk(group.endpoints, this.max)
      for (let i = 0; i < chunks.length; i++) {
        const want = this.sliceFor(svc, group, chunks[i] ?? [])
        const cur = have[i]
        if (cur === undefined) {
          const created = await api.create(namespace, want, { signal })
          this.tracker.recordWrite(key, created)
        } else if (!sameSlice(cur, want)) {
          const next: EndpointSlice = { ...structuredClone(cur) as EndpointSlice, ...want, metadata: { ...structuredClone(cur.metadata) as EndpointSlice['metadata'], labels: want.metadata?.labels, ownerReferences: want.metadata?.ownerReferences } }
          const updated = await api.update(namespace, next, { signal })
          this.tracker.recordWrite(key, updated)
        }
      }
      for (const extra of have.slice(chunks.length)) await this.deleteSlice(api, key, extra, signal)
    }
    for (const stale of byGroup.values()) for (const s of stale) await this.deleteSlice(api, key, s, signal)
  }

  private sliceFor (svc: RService, group: EndpointGroup, endpoints: EndpointSlice['endpoints']): EndpointSlice {
    const name = svc.metadata?.name ?? ''
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}), [serviceNameLabel]: name, [managedByLabel]: managedByValue }
    if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${name}-`,
        namespace: svc.metadata?.namespace ?? '',
        labels,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }]
      },
      addressType: group.addressType,
      endpoints,
      ports: group.ports
    }
  }

  private async deleteSlice (api: ResourceApi<EndpointSlice>, key: string, s: RSlice, signal?: AbortSignal): Promise<void> {
    try {
      await api.delete(s.metadata?.namespace ?? '', s.metadata?.name ?? '', { signal })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
    this.tracker.recordDelete(key, s.metadata?.name ?? '')
  }
}

/** Whether a cached slice already has the wanted endpoints, ports, labels and owner. */
function sameSlice (cur: RSlice, want: EndpointSlice): boolean {
  return JSON.stringify(cur.endpoints ?? []) === JSON.stringify(want.endpoints ?? []) &&
    JSON.stringify(cur.ports ?? []) === JSON.stringify(want.ports ?? []) &&
    JSON.stringify(sortedEntries(cur.metadata?.labels)) === JSON.stringify(sortedEntries(want.metadata?.labels)) &&
    (cur.metadata?.ownerReferences ?? []).some((r) => r.uid === want.metadata?.ownerReferences?.[0]?.uid && r.controller === true)
}

const sortedEntries = (o: Readonly<Record<string, string>> | undefined): Array<[string, string]> => Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b))
