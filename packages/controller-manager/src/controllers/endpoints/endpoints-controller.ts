import type { Endpoints, Pod, Service } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isAlreadyExists, isNotFound } from '@kube-ts/api'
import { DeletedFinalStateUnknown, objectKey, resources, splitKey, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { serviceSelects } from '../endpointslice/pod-endpoints.js'
import { EndpointsController as controllerName } from '../names.js'
import { desiredSubsets } from './subsets.js'

export interface EndpointsDeps {
  client: KubeClient
  serviceInformer: SharedInformer<Service>
  podInformer: SharedInformer<Pod>
  endpointsInformer: SharedInformer<Endpoints>
  logger: Logger
  clock: Clock
  registry?: Registry
}

const unwrap = <T>(o: DeepReadonly<T> | DeletedFinalStateUnknown<T>): DeepReadonly<T> => (o instanceof DeletedFinalStateUnknown ? o.obj : o)
const headlessLabel = 'service.kubernetes.io/headless'

/**
 * Mirrors selector Services into core/v1 Endpoints for older clients (upstream pkg/controller/endpoint): same
 * name as the Service, its labels plus the headless marker, subsets from the selected pods. Services without a
 * selector are left alone (their Endpoints are user-managed); a deleted Service's Endpoints are deleted.
 */
export class EndpointsController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger

  constructor (private readonly deps: EndpointsDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.queue = new WorkQueue<string>({ name: 'endpoint', clock: deps.clock, registry: deps.registry })
    const enqueue = (o: object): void => { this.queue.add(objectKey(o)) }
    deps.serviceInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_o, n) => { enqueue(n) }, onDelete: (o) => { enqueue(unwrap(o)) } })
    const podChanged = (p: DeepReadonly<Pod>): void => {
      for (const s of deps.serviceInformer.lister().list(p.metadata?.namespace ?? '', (s) => serviceSelects(s, p))) enqueue(s)
    }
    deps.podInformer.addEventHandler({ onAdd: podChanged, onUpdate: (o, n) => { podChanged(o); podChanged(n) }, onDelete: (o) => { podChanged(unwrap(o)) } })
    // someone else changed or removed an Endpoints we manage: put it back
    deps.endpointsInformer.addEventHandler({ onUpdate: (_o, n) => { enqueue(n) }, onDelete: (o) => { enqueue(unwrap(o)) } })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    const d = this.deps
    if (!await waitForCacheSync(signal, d.serviceInformer, d.podInformer, d.endpointsInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: d.registry })
    this.log.info('controller stopped')
  }

  async sync (key: string, signal?: AbortSignal): Promise<void> {
    const { namespace, name } = splitKey(key)
    const api = this.deps.client.resource<Endpoints>(resources.endpoints)
    const svc = this.deps.serviceInformer.lister().get(namespace, name)
    const cur = this.deps.endpointsInformer.lister().get(namespace, name)
    if (svc === undefined) {
      if (cur === undefined) return
      try { await api.delete(namespace, name, { signal }) } catch (err) { if (!isNotFound(err)) throw err }
      return
    }
    if (svc.spec?.selector == null) return
    const subsets = desiredSubsets(svc, this.deps.podInformer.lister().list(namespace))
    const labels: Record<string, string> = { ...(svc.metadata?.labels ?? {}) }
    if (svc.spec.clusterIP === 'None') labels[headlessLabel] = ''
    if (cur !== undefined && JSON.stringify(cur.subsets ?? []) === JSON.stringify(subsets) &&
      JSON.stringify(sorted(cur.metadata?.labels)) === JSON.stringify(sorted(labels))) return
    const want: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels }, subsets }
    if (cur === undefined) {
      try {
        await api.create(namespace, want, { signal })
      } catch (err) {
        // the cache is behind: the next informer event resyncs with the object that exists
        if (!isAlreadyExists(err)) throw err
        throw new Error(`endpoints ${key} exist but are not cached yet`)
      }
      return
    }
    const next = structuredClone(cur) as Endpoints
    next.metadata = { ...next.metadata, labels }
    next.subsets = subsets
    await api.update(namespace, next, { signal })
  }
}

const sorted = (o: Readonly<Record<string, string>> | undefined): Array<[string, string]> => Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b))
