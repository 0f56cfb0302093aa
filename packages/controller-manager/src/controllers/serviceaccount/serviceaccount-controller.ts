import type { Namespace, ServiceAccount } from 'kubernetes-types/core/v1.js'
import type { Registry } from 'prom-client'
import type { DeepReadonly } from '@kube-ts/api'
import { isAlreadyExists } from '@kube-ts/api'
import { DeletedFinalStateUnknown, objectKey, resources, waitForCacheSync, WorkQueue } from '@kube-ts/client'
import type { Clock, Logger } from '@kube-ts/client'
import type { SharedInformer } from '../../controller-utils/informer-types.js'
import type { KubeClient } from '../../controller-utils/kube-client.js'
import { runWorkers } from '../../controller-utils/run-workers.js'
import { ServiceAccountController as controllerName } from '../names.js'

/** Upstream DefaultServiceAccountsControllerOptions: the accounts every namespace gets. */
export const defaultServiceAccounts = ['default']

export interface ServiceAccountDeps {
  client: KubeClient
  namespaceInformer: SharedInformer<Namespace>
  serviceAccountInformer: SharedInformer<ServiceAccount>
  logger: Logger
  clock: Clock
  registry?: Registry
  serviceAccounts?: string[]
}

const unwrap = <T>(o: DeepReadonly<T> | DeletedFinalStateUnknown<T>): DeepReadonly<T> => (o instanceof DeletedFinalStateUnknown ? o.obj : o)

/**
 * Makes sure every active namespace has the `default` ServiceAccount (upstream pkg/controller/serviceaccount):
 * keyed by namespace, re-created when someone deletes it, never touched in a terminating namespace.
 */
export class ServiceAccountController {
  readonly queue: WorkQueue<string>
  private readonly log: Logger
  private readonly names: string[]

  constructor (private readonly deps: ServiceAccountDeps) {
    this.log = deps.logger.child({ controller: controllerName })
    this.names = deps.serviceAccounts ?? defaultServiceAccounts
    this.queue = new WorkQueue<string>({ name: 'serviceaccount', clock: deps.clock, registry: deps.registry })
    deps.namespaceInformer.addEventHandler({ onAdd: (n) => { this.queue.add(objectKey(n)) }, onUpdate: (_o, n) => { this.queue.add(objectKey(n)) } })
    deps.serviceAccountInformer.addEventHandler({
      onDelete: (o) => {
        const sa = unwrap(o)
        if (this.names.includes(sa.metadata?.name ?? '')) this.queue.add(sa.metadata?.namespace ?? '')
      }
    })
  }

  async run (workers: number, signal: AbortSignal): Promise<void> {
    this.log.info({ workers }, 'starting controller')
    if (!await waitForCacheSync(signal, this.deps.namespaceInformer, this.deps.serviceAccountInformer)) return
    await runWorkers({ name: controllerName, queue: this.queue, workers, signal, sync: async (k, s) => await this.sync(k, s), logger: this.log, registry: this.deps.registry })
    this.log.info('controller stopped')
  }

  /** Creates the missing default accounts of one namespace. */
  async sync (namespace: string, signal?: AbortSignal): Promise<void> {
    const ns = this.deps.namespaceInformer.lister().get('', namespace)
    if (ns === undefined || ns.status?.phase === 'Terminating' || ns.metadata?.deletionTimestamp != null) return
    const api = this.deps.client.resource<ServiceAccount>(resources.serviceAccounts)
    for (const name of this.names) {
      if (this.deps.serviceAccountInformer.lister().get(namespace, name) !== undefined) continue
      try {
        await api.create(namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }, { signal })
      } catch (err) {
        // the cache was behind; the account is there, which is all we want
        if (!isAlreadyExists(err)) throw err
      }
    }
  }
}
