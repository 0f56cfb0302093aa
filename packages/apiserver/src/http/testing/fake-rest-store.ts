import { errAlreadyExists, errConflict, errInvalid, errNotFound } from '@kube-ts/api'
import type { KubeList, KubeObject } from '@kube-ts/api'
import type { DeleteOptions, ListQuery, RequestScope, RestStore, WatchEvent, WatchQuery, WriteOptions } from '../../registry/rest.js'

/** One recorded call, so HTTP tests can assert what the handlers asked of the registry. */
export interface RecordedCall { method: string, namespace: string, resource: string, name?: string, opts?: unknown, query?: unknown }

/**
 * An in-memory RestStore for the HTTP layer's unit tests: enough registry behaviour (resourceVersions, conflicts,
 * validation through the schema, live watch events) to exercise every handler, and a log of the calls made.
 */
export class FakeRestStore implements RestStore {
  readonly calls: RecordedCall[] = []
  private readonly objects = new Map<string, KubeObject>()
  private rv = 100
  private readonly watchers = new Set<(ev: WatchEvent, resource: string, namespace: string) => void>()
  /** Watches whose iterators are still running. */
  get activeWatches (): number {
    return this.watchers.size
  }

  /** When set, every call fails with it (simulates storage outages). */
  failWith: Error | undefined

  private key (scope: RequestScope, name: string): string {
    return `${scope.schema.plural}/${scope.namespace}/${name}`
  }

  private check (method: string, scope: RequestScope, extra: Partial<RecordedCall> = {}): void {
    this.calls.push({ method, namespace: scope.namespace, resource: scope.schema.plural, ...extra })
    if (this.failWith !== undefined) throw this.failWith
  }

  private store (scope: RequestScope, obj: KubeObject, type: WatchEvent['type'], dryRun: boolean): KubeObject {
    const copy = structuredClone(obj)
    copy.apiVersion = scope.schema.group === '' ? scope.schema.version : `${scope.schema.group}/${scope.schema.version}`
    copy.kind = scope.schema.kind
    if (dryRun) return copy
    copy.metadata = { ...copy.metadata, resourceVersion: String(++this.rv) }
    this.objects.set(this.key(scope, copy.metadata.name ?? ''), copy)
    for (const w of this.watchers) w({ type, object: copy }, scope.schema.plural, scope.namespace)
    return structuredClone(copy)
  }

  private validate (scope: RequestScope, obj: KubeObject, old?: KubeObject): void {
    const errs = scope.schema.validate(obj, old === undefined ? {} : { old })
    if (errs.length > 0) throw errInvalid(scope.schema.group, scope.schema.kind, obj.metadata.name ?? '', errs)
  }

  /** Seeds an object directly (no call recorded). */
  seed (scope: RequestScope, obj: KubeObject): KubeObject {
    const namespace = scope.namespace === '' ? {} : { namespace: scope.namespace }
    return this.store(scope, { ...obj, metadata: { creationTimestamp: '2026-11-23T08:00:00Z', uid: `uid-${obj.metadata.name ?? ''}`, ...namespace, ...obj.metadata } }, 'ADDED', false)
  }

  async create (scope: RequestScope, obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    this.check('create', scope, { name: obj.metadata.name, opts })
    this.validate(scope, obj)
    const name = obj.metadata.name ?? ''
    if (this.objects.has(this.key(scope, name))) throw errAlreadyExists({ group: scope.schema.group, resource: scope.schema.plural }, name)
    return this.store(scope, { ...obj, metadata: { ...obj.metadata, uid: `uid-${name}`, creationTimestamp: '2026-11-23T08:00:00Z' } }, 'ADDED', opts.dryRun)
  }

  async get (scope: RequestScope, name: string, opts?: { resourceVersion?: string }): Promise<KubeObject> {
    this.check('get', scope, { name, opts })
    const obj = this.objects.get(this.key(scope, name))
    if (obj === undefined) throw errNotFound({ group: scope.schema.group, resource: scope.schema.plural }, name)
    return structuredClone(obj)
  }

  private matching (scope: RequestScope, query: ListQuery): KubeObject[] {
    const prefix = `${scope.schema.plural}/${scope.namespace === '' ? '' : `${scope.namespace}/`}`
    const wanted = (query.labelSelector ?? '').split(',').filter((s) => s !== '').map((s) => s.split('='))
    return [...this.objects.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([, o]) => structuredClone(o))
      .filter((o) => wanted.every(([k, v]) => o.metadata.labels?.[k ?? ''] === v))
  }

  async list (scope: RequestScope, query: ListQuery): Promise<KubeList> {
    this.check('list', scope, { query })
    const s = scope.schema
    return { apiVersion: s.group === '' ? s.version : `${s.group}/${s.version}`, kind: s.listKind, metadata: { resourceVersion: String(this.rv) }, items: this.matching(scope, query) }
  }

  watch (scope: RequestScope, query: WatchQuery, signal: AbortSignal): AsyncIterable<WatchEvent> {
    this.check('watch', scope, { query })
    const queue: WatchEvent[] = []
    let wake: (() => void) | undefined
    const listener = (ev: WatchEvent, resource: string, namespace: string): void => {
      if (resource !== scope.schema.plural || (scope.namespace !== '' && namespace !== scope.namespace)) return
      queue.push(ev)
      wake?.()
    }
    if (query.resourceVersion === undefined || query.resourceVersion === '0') {
      for (const object of this.matching(scope, query)) queue.push({ type: 'ADDED', object })
    }
    this.watchers.add(listener)
    const watchers = this.watchers
    return {
      async * [Symbol.asyncIterator] () {
        try {
          while (!signal.aborted) {
            const ev = queue.shift()
            if (ev !== undefined) {
              yield ev
              continue
            }
            await new Promise<void>((resolve) => {
              wake = resolve
              signal.addEventListener('abort', () => resolve(), { once: true })
            })
          }
        } finally {
          watchers.delete(listener)
        }
      }
    }
  }

  async update (scope: RequestScope, name: string, mutate: (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { allowCreate?: boolean }): Promise<{ object: KubeObject, created: boolean }> {
    this.check('update', scope, { name, opts })
    const current = this.objects.get(this.key(scope, name))
    if (current === undefined && opts.allowCreate !== true) {
      // still run mutate: handlers raise their own NotFound (patch) before the store would
      await mutate(undefined)
      throw errNotFound({ group: scope.schema.group, resource: scope.schema.plural }, name)
    }
    const next = await mutate(current === undefined ? undefined : structuredClone(current))
    const wanted = next.metadata.resourceVersion
    if (current !== undefined && wanted !== undefined && wanted !== '' && wanted !== current.metadata.resourceVersion) {
      throw errConflict({ group: scope.schema.group, resource: scope.schema.plural }, name)
    }
    this.validate(scope, next, current)
    const object = this.store(scope, { ...next, metadata: { ...(current?.metadata ?? {}), ...next.metadata } }, current === undefined ? 'ADDED' : 'MODIFIED', opts.dryRun)
    return { object, created: current === undefined }
  }

  async delete (scope: RequestScope, name: string, opts: DeleteOptions): Promise<{ object: KubeObject, deleted: boolean }> {
    this.check('delete', scope, { name, opts })
    const key = this.key(scope, name)
    const current = this.objects.get(key)
    if (current === undefined) throw errNotFound({ group: scope.schema.group, resource: scope.schema.plural }, name)
    if ((current.metadata.finalizers ?? []).length > 0) {
      const marked = this.store(scope, { ...current, metadata: { ...current.metadata, deletionTimestamp: '2026-11-23T09:00:00Z' } }, 'MODIFIED', opts.dryRun)
      return { object: marked, deleted: false }
    }
    if (!opts.dryRun) {
      this.objects.delete(key)
      for (const w of this.watchers) w({ type: 'DELETED', object: current }, scope.schema.plural, scope.namespace)
    }
    return { object: structuredClone(current), deleted: true }
  }

  async deleteCollection (scope: RequestScope, query: ListQuery, opts: DeleteOptions): Promise<KubeList> {
    this.check('deleteCollection', scope, { query, opts })
    const list = await this.list(scope, query)
    this.calls.pop()
    for (const o of list.items) {
      if (!opts.dryRun) this.objects.delete(this.key(scope, o.metadata.name ?? ''))
    }
    return list
  }
}
