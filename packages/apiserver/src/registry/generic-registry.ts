import {
  apiVersionOf, errAlreadyExists, errConflict, errNotFound, isAlreadyExists, isConflict, isNotFound,
  type KubeList, type KubeObject, type ResourceSchema
} from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { decodeContinue, encodeContinue } from '../storage/continue-token.js'
import type { DeleteOptions, ListQuery, RequestScope, RestStore, WatchEvent, WatchQuery, WriteOptions } from './rest.js'
import { DEFAULT_PREFIX, listPrefix, objectKey } from './keys.js'
import { generateName } from './name-generator.js'
import { deepClone, jsonEqual, refOf, withTypeMeta } from './object-meta.js'
import { prepareCreate } from './prepare-create.js'
import { ensureName, prepareUpdate } from './prepare-update.js'
import { checkPreconditions, planDelete, shouldDeleteAfterUpdate } from './deletion.js'
import { NamespaceLifecycle } from './namespace-lifecycle.js'
import { PriorityAdmission } from './priority-admission.js'
import { LimitRanger } from './limit-ranger.js'
import { QuotaAdmission } from './quota-admission.js'
import { errTooLargeResourceVersion, parseResourceVersion, planList, validateWatchQuery } from './resource-version.js'
import { compileSelection } from './selection.js'
import { watchStream } from './watch-stream.js'
import { DEFAULT_WATCH_CACHE_CAPACITY, WatchCaches } from './watch-cache.js'
import { ServiceAllocations, type Reservation } from './service/service-allocations.js'
import { DEFAULT_NODE_PORT_RANGE, type PortRange } from './service/node-port-allocator.js'

export interface GenericRegistryOptions {
  storage: Storage
  /** etcd key prefix (upstream `--etcd-prefix`), default `/registry`. */
  prefix?: string
  /** `--service-cluster-ip-range`, default 10.96.0.0/12. */
  serviceClusterIPRange?: string
  /** `--service-node-port-range`, default 30000-32767. */
  nodePortRange?: PortRange
  /** How often idle watches with allowWatchBookmarks get a BOOKMARK (upstream about 1 min). */
  bookmarkIntervalMs?: number
  /** Injected clock for timestamps. */
  now?: () => Date
  /** Injected randomness (generateName suffixes, IP/port picks) for deterministic tests. */
  random?: (max: number) => number
  /**
   * Events kept per resource by the shared watch cache (one storage watch per resource fanned out to all
   * watchers); 0 turns the cache off and gives every watcher its own storage watch.
   */
  watchCacheCapacity?: number
  /** Upstream `--disable-admission-plugins` names; `Priority` turns off the Priority admission plugin. */
  disabledAdmissionPlugins?: string[]
}

/** generateName collisions are retried this many times before AlreadyExists reaches the client (upstream: 8). */
const GENERATE_NAME_ATTEMPTS = 8
/** Deletes re-read and retry when the object changes between the read and the conditional write. */
const DELETE_ATTEMPTS = 5
const DELETE_COLLECTION_WORKERS = 8

const isService = (s: ResourceSchema): boolean => s.group === '' && s.kind === 'Service'
const isNamespace = (s: ResourceSchema): boolean => s.group === '' && s.kind === 'Namespace'

/**
 * The generic registry store (upstream `registry/generic/registry.Store`): REST semantics for every kind, driven
 * by its ResourceSchema, over any `Storage`.
 */
export class GenericRegistry implements RestStore {
  private readonly storage: Storage
  private readonly prefix: string
  private readonly now: () => Date
  private readonly random: ((max: number) => number) | undefined
  private readonly bookmarkIntervalMs: number
  private readonly serviceCidr: string
  private readonly nodePortRange: PortRange
  private allocations: Promise<ServiceAllocations> | undefined
  private readonly watchCaches: WatchCaches | undefined
  private readonly lifecycle: NamespaceLifecycle
  private readonly priority: PriorityAdmission
  private readonly limitRanger: LimitRanger
  private readonly quota: QuotaAdmission

  constructor (opts: GenericRegistryOptions) {
    this.storage = opts.storage
    this.prefix = (opts.prefix ?? DEFAULT_PREFIX).replace(/\/+$/, '')
    this.now = opts.now ?? (() => new Date())
    this.random = opts.random
    this.bookmarkIntervalMs = opts.bookmarkIntervalMs ?? 60_000
    this.serviceCidr = opts.serviceClusterIPRange ?? '10.96.0.0/12'
    this.nodePortRange = opts.nodePortRange ?? DEFAULT_NODE_PORT_RANGE
    this.lifecycle = new NamespaceLifecycle(this.storage, this.prefix)
    this.priority = new PriorityAdmission(this.storage, this.prefix, { enabled: opts.disabledAdmissionPlugins?.includes('Priority') !== true })
    this.quota = new QuotaAdmission(this.storage, this.prefix, { enabled: opts.disabledAdmissionPlugins?.includes('ResourceQuota') !== true })
    this.limitRanger = new LimitRanger(this.storage, this.prefix, { enabled: opts.disabledAdmissionPlugins?.includes('LimitRanger') !== true })
    const capacity = opts.watchCacheCapacity ?? DEFAULT_WATCH_CACHE_CAPACITY
    this.watchCaches = capacity > 0 ? new WatchCaches(this.storage, capacity) : undefined
  }

  /** Stops the shared watch caches (their storage watches); open watch streams end. */
  async close (): Promise<void> {
    await this.watchCaches?.stop()
  }

  async create (scope: RequestScope, obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    const { schema } = scope
    const generateFrom = obj.metadata?.name === undefined || obj.metadata.name === '' ? obj.metadata?.generateName : undefined
    const attempts = generateFrom !== undefined && generateFrom !== '' ? GENERATE_NAME_ATTEMPTS : 1
    // admission (NamespaceLifecycle) runs before validation, as upstream's admission chain does
    await this.lifecycle.admitCreate(schema, scope.namespace !== '' ? scope.namespace : obj.metadata?.namespace ?? '', obj.metadata?.name ?? '')
    await this.priority.admitCreate(schema, obj)
    await this.limitRanger.admitCreate(schema, scope.namespace, obj)
    this.limitRanger.noteWrite(schema, scope.namespace)
    this.quota.noteWrite(schema, scope.namespace)
    for (let attempt = 1; ; attempt++) {
      const name = attempts > 1 ? generateName(generateFrom ?? '', this.random) : undefined
      const prepared = prepareCreate(schema, scope.namespace, obj, name, this.now())
      // quota is validating admission: it sees the defaulted, valid object, once per request
      if (attempt === 1) await this.quota.admitCreate(schema, prepared.metadata.namespace ?? '', prepared, opts.dryRun === true)
      const finalName = prepared.metadata.name ?? ''
      const reservation = isService(schema) ? (await this.serviceAllocations(schema)).forCreate(prepared) : undefined
      try {
        const stored = await this.storage.create(this.key(schema, prepared.metadata.namespace ?? '', finalName), prepared, { dryRun: opts.dryRun })
        settle(reservation, opts.dryRun)
        return withTypeMeta(schema, stored)
      } catch (err) {
        reservation?.rollback()
        if (!isAlreadyExists(err)) throw err
        if (attempt >= attempts) throw errAlreadyExists(refOf(schema), finalName)
      }
    }
  }

  async get (scope: RequestScope, name: string, opts?: { resourceVersion?: string }): Promise<KubeObject> {
    const { schema } = scope
    const rv = parseResourceVersion(opts?.resourceVersion)
    const obj = await this.storage.get(this.key(schema, scope.namespace, name))
    if (rv !== undefined && rv > 0) {
      const current = await this.storage.currentRevision()
      if (rv > current) throw errTooLargeResourceVersion(rv, current)
    }
    if (obj === undefined) throw errNotFound(refOf(schema), name)
    return withTypeMeta(schema, obj)
  }

  async list (scope: RequestScope, query: ListQuery): Promise<KubeList> {
    const { schema } = scope
    const plan = planList(query, decodeContinue)
    const selection = compileSelection(schema, query.labelSelector, query.fieldSelector)
    if (plan.revision !== undefined) {
      const current = await this.storage.currentRevision()
      if (plan.revision > current) throw errTooLargeResourceVersion(plan.revision, current)
    }
    const res = await this.storage.list(listPrefix(this.prefix, schema, scope.namespace), {
      ...(plan.revision !== undefined ? { revision: plan.revision } : {}),
      ...(plan.limit !== undefined ? { limit: plan.limit } : {}),
      ...(plan.startKey !== undefined ? { startKey: plan.startKey } : {}),
      ...(selection.empty ? {} : { filter: selection.matches })
    })
    if (plan.minRevision !== undefined && plan.minRevision > res.revision) throw errTooLargeResourceVersion(plan.minRevision, res.revision)
    const list: KubeList = {
      apiVersion: apiVersionOf(schema.group, schema.version),
      kind: schema.listKind,
      metadata: { resourceVersion: String(res.revision) },
      items: res.items.map(item => withTypeMeta(schema, item))
    }
    if (res.nextKey !== undefined) {
      list.metadata.continue = encodeContinue({ startKey: res.nextKey, revision: res.revision })
      if (selection.empty && res.remainingItemCount !== undefined) list.metadata.remainingItemCount = res.remainingItemCount
    }
    return list
  }

  /** Validates synchronously (so the HTTP layer can answer 4xx before streaming), then streams. */
  watch (scope: RequestScope, query: WatchQuery, signal: AbortSignal): AsyncIterable<WatchEvent> {
    const { schema } = scope
    validateWatchQuery(query)
    parseResourceVersion(query.resourceVersion)
    const selection = compileSelection(schema, query.labelSelector, query.fieldSelector)
    const prefix = listPrefix(this.prefix, schema, scope.namespace)
    const root = listPrefix(this.prefix, schema, '')
    const caches = this.watchCaches
    const deps = {
      storage: this.storage,
      schema,
      prefix,
      selection,
      bookmarkIntervalMs: this.bookmarkIntervalMs,
      ...(caches !== undefined ? { events: async (after: number, s: AbortSignal) => await caches.watch(root, prefix, after, s) } : {})
    }
    return watchStream(deps, query, signal)
  }

  async update (scope: RequestScope, name: string, mutate: (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { allowCreate?: boolean }): Promise<{ object: KubeObject, created: boolean }> {
    // a namespace write may make it Terminating: forget the cached admission answer before and after it lands
    if (!isNamespace(scope.schema)) return await this.updateObject(scope, name, mutate, opts)
    this.lifecycle.forget(name)
    try { return await this.updateObject(scope, name, mutate, opts) } finally { this.lifecycle.forget(name) }
  }

  async delete (scope: RequestScope, name: string, opts: DeleteOptions): Promise<{ object: KubeObject, deleted: boolean }> {
    this.priority.admitDelete(scope.schema, name)
    this.lifecycle.admitDelete(scope.schema, name)
    this.limitRanger.noteWrite(scope.schema, scope.namespace)
    this.quota.noteWrite(scope.schema, scope.namespace)
    if (!isNamespace(scope.schema)) return await this.deleteObject(scope, name, opts)
    this.lifecycle.forget(name)
    try { return await this.deleteObject(scope, name, opts) } finally { this.lifecycle.forget(name) }
  }

  private async updateObject (scope: RequestScope, name: string, mutate: (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { allowCreate?: boolean }): Promise<{ object: KubeObject, created: boolean }> {
    const { schema } = scope
    this.limitRanger.noteWrite(schema, scope.namespace)
    this.quota.noteWrite(schema, scope.namespace)
    const key = this.key(schema, scope.namespace, name)
    let created = false
    let reservation: Reservation | undefined
    let emptied: { object: KubeObject, revision: number } | undefined
    const allocations = isService(schema) ? await this.serviceAllocations(schema) : undefined
    try {
      const res = await this.storage.guaranteedUpdate(key, async (current) => {
        reservation?.rollback()
        reservation = undefined
        created = false
        emptied = undefined
        if (current === undefined) {
          if (opts.allowCreate !== true) throw errNotFound(refOf(schema), name)
          const desired = deepClone(await mutate(undefined))
          desired.metadata ??= {}
          ensureName(desired, name)
          await this.lifecycle.admitCreate(schema, scope.namespace !== '' ? scope.namespace : desired.metadata.namespace ?? '', name)
          await this.priority.admitCreate(schema, desired)
          await this.limitRanger.admitCreate(schema, scope.namespace, desired)
          const prepared = prepareCreate(schema, scope.namespace, desired, name, this.now())
          await this.quota.admitCreate(schema, prepared.metadata.namespace ?? '', prepared, opts.dryRun === true)
          reservation = allocations?.forCreate(prepared)
          created = true
          return prepared
        }
        const desired = await mutate(deepClone(current))
        await this.priority.admitUpdate(schema, desired, current, opts.subresource)
        const prepared = prepareUpdate({ schema, namespace: scope.namespace, name, old: current, ...(opts.subresource !== undefined ? { subresource: opts.subresource } : {}) }, desired)
        if (shouldDeleteAfterUpdate(schema, prepared)) {
          // the last finalizer is gone: delete instead of writing (upstream shouldDeleteDuringUpdate)
          emptied = { object: prepared, revision: Number(current.metadata.resourceVersion) }
          return undefined
        }
        if (jsonEqual(prepared, withTypeMeta(schema, deepClone(current)))) return undefined
        reservation = allocations?.forUpdate(current, prepared)
        return prepared
      }, { dryRun: opts.dryRun })
      if (emptied !== undefined) return { object: await this.deleteEmptied(schema, key, name, emptied, opts.dryRun), created: false }
      settle(reservation, opts.dryRun)
      return { object: withTypeMeta(schema, res.object), created }
    } catch (err) {
      reservation?.rollback()
      if (isAlreadyExists(err)) throw errAlreadyExists(refOf(schema), name)
      throw err
    }
  }

  private async deleteObject (scope: RequestScope, name: string, opts: DeleteOptions): Promise<{ object: KubeObject, deleted: boolean }> {
    const { schema } = scope
    const key = this.key(schema, scope.namespace, name)
    for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
      const current = await this.storage.get(key)
      if (current === undefined) throw errNotFound(refOf(schema), name)
      checkPreconditions(schema, name, current, opts.preconditions)
      const plan = planDelete(schema, current, opts, this.now())
      const revision = Number(current.metadata.resourceVersion)
      try {
        if (plan.action === 'pending') return { object: withTypeMeta(schema, current), deleted: false }
        if (plan.action === 'mark') {
          const res = await this.storage.guaranteedUpdate(key, () => plan.object, { dryRun: opts.dryRun, expectedRevision: revision })
          return { object: withTypeMeta(schema, res.object), deleted: false }
        }
        const gone = await this.storage.delete(key, { expectedRevision: revision, dryRun: opts.dryRun })
        if (isService(schema) && !opts.dryRun) (await this.serviceAllocations(schema)).forDelete(current).commit()
        return { object: withTypeMeta(schema, gone), deleted: true }
      } catch (err) {
        if (isNotFound(err)) throw errNotFound(refOf(schema), name)
        if (!isConflict(err)) throw err
      }
    }
    throw errConflict(refOf(schema), name)
  }

  async deleteCollection (scope: RequestScope, query: ListQuery, opts: DeleteOptions): Promise<KubeList> {
    const { schema } = scope
    const { limit: _limit, continue: _continue, ...unpaged } = query
    const list = await this.list(scope, unpaged)
    const deleted: KubeObject[] = []
    const queue = [...list.items]
    const worker = async (): Promise<void> => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const ns = schema.namespaced ? item.metadata.namespace ?? scope.namespace : ''
        try {
          deleted.push((await this.delete({ schema, namespace: ns }, item.metadata.name ?? '', opts)).object)
        } catch (err) {
          // someone else deleted it in the meantime: that is what we wanted
          if (!isNotFound(err)) throw err
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(DELETE_COLLECTION_WORKERS, queue.length) }, worker))
    return { ...list, items: deleted }
  }

  /** Loads allocation state from stored Services once, before the first Service write (survives restarts). */
  async serviceAllocations (schema: ResourceSchema): Promise<ServiceAllocations> {
    this.allocations ??= (async () => {
      const a = new ServiceAllocations(this.serviceCidr, this.nodePortRange, this.random)
      const stored = await this.storage.list(listPrefix(this.prefix, schema, ''), {})
      a.load(stored.items)
      return a
    })()
    try {
      return await this.allocations
    } catch (err) {
      this.allocations = undefined
      throw err
    }
  }

  private key (schema: ResourceSchema, namespace: string, name: string): string {
    return objectKey(this.prefix, schema, namespace, name)
  }

  private async deleteEmptied (schema: ResourceSchema, key: string, name: string, emptied: { object: KubeObject, revision: number }, dryRun: boolean): Promise<KubeObject> {
    try {
      const gone = await this.storage.delete(key, { expectedRevision: emptied.revision, dryRun })
      if (isService(schema) && !dryRun) (await this.serviceAllocations(schema)).forDelete(gone).commit()
      return withTypeMeta(schema, { ...emptied.object, metadata: { ...emptied.object.metadata, resourceVersion: gone.metadata.resourceVersion } })
    } catch (err) {
      if (isNotFound(err)) throw errNotFound(refOf(schema), name)
      if (isConflict(err)) throw errConflict(refOf(schema), name)
      throw err
    }
  }
}

function settle (reservation: Reservation | undefined, dryRun: boolean): void {
  if (reservation === undefined) return
  if (dryRun) reservation.rollback()
  else reservation.commit()
}
