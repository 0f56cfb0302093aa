import { apiVersionOf, errInvalid, type KubeList, type KubeObject, type SchemaConversion } from '@kube-ts/api'
import type { DeleteOptions, ListQuery, RequestScope, RestStore, WatchEvent, WatchQuery, WriteOptions } from './rest.js'

/**
 * Serves versions that are views of another version's storage (`ResourceSchema.conversion`): autoscaling/v1
 * HPAs over autoscaling/v2, events.k8s.io Events over core/v1. Requests for other kinds pass straight through.
 * The view's own validation runs first; the storage version's defaulting and validation then run in the registry.
 */
export class ConvertingStore implements RestStore {
  constructor (private readonly inner: RestStore) {}

  private split (scope: RequestScope): { conv: SchemaConversion | undefined, inner: RequestScope } {
    const conv = scope.schema.conversion
    return conv === undefined ? { conv, inner: scope } : { conv, inner: { ...scope, schema: conv.storage() } }
  }

  private out (scope: RequestScope, conv: SchemaConversion | undefined, obj: KubeObject): KubeObject {
    if (conv === undefined || obj.kind === 'Status') return obj
    return { ...conv.fromStorage(obj), apiVersion: apiVersionOf(scope.schema.group, scope.schema.version), kind: scope.schema.kind }
  }

  private in (scope: RequestScope, conv: SchemaConversion, obj: KubeObject, old?: KubeObject): KubeObject {
    const errs = scope.schema.validate(obj, { old })
    if (errs.length > 0) throw errInvalid(scope.schema.group, scope.schema.kind, obj.metadata?.name ?? '', errs)
    return conv.toStorage(obj)
  }

  async create (scope: RequestScope, obj: KubeObject, opts: WriteOptions): Promise<KubeObject> {
    const { conv, inner } = this.split(scope)
    if (conv === undefined) return await this.inner.create(scope, obj, opts)
    return this.out(scope, conv, await this.inner.create(inner, this.in(scope, conv, obj), opts))
  }

  async get (scope: RequestScope, name: string, opts?: { resourceVersion?: string }): Promise<KubeObject> {
    const { conv, inner } = this.split(scope)
    return this.out(scope, conv, await this.inner.get(inner, name, opts))
  }

  async list (scope: RequestScope, query: ListQuery): Promise<KubeList> {
    const { conv, inner } = this.split(scope)
    const list = await this.inner.list(inner, query)
    if (conv === undefined) return list
    return { ...list, apiVersion: apiVersionOf(scope.schema.group, scope.schema.version), kind: scope.schema.listKind, items: list.items.map(i => this.out(scope, conv, i)) }
  }

  watch (scope: RequestScope, query: WatchQuery, signal: AbortSignal): AsyncIterable<WatchEvent> {
    const { conv, inner } = this.split(scope)
    // unconverted kinds pass straight through: one generator layer less per event and watcher
    if (conv === undefined) return this.inner.watch(scope, query, signal)
    return this.convertedWatch(scope, conv, inner, query, signal)
  }

  private async * convertedWatch (scope: RequestScope, conv: SchemaConversion, inner: RequestScope, query: WatchQuery, signal: AbortSignal): AsyncIterable<WatchEvent> {
    for await (const ev of this.inner.watch(inner, query, signal)) {
      if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') {
        yield ev.type === 'BOOKMARK' ? { ...ev, object: { ...ev.object, apiVersion: apiVersionOf(scope.schema.group, scope.schema.version), kind: scope.schema.kind } } : ev
      } else {
        yield { type: ev.type, object: this.out(scope, conv, ev.object) }
      }
    }
  }

  async update (scope: RequestScope, name: string, mutate: (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { allowCreate?: boolean }): Promise<{ object: KubeObject, created: boolean }> {
    const { conv, inner } = this.split(scope)
    if (conv === undefined) return await this.inner.update(scope, name, mutate, opts)
    const result = await this.inner.update(inner, name, async (current) => {
      const view = current === undefined ? undefined : this.out(scope, conv, current)
      return this.in(scope, conv, await mutate(view), view)
    }, opts)
    return { ...result, object: this.out(scope, conv, result.object) }
  }

  async delete (scope: RequestScope, name: string, opts: DeleteOptions): Promise<{ object: KubeObject, deleted: boolean }> {
    const { conv, inner } = this.split(scope)
    const result = await this.inner.delete(inner, name, opts)
    return { ...result, object: this.out(scope, conv, result.object) }
  }

  async deleteCollection (scope: RequestScope, query: ListQuery, opts: DeleteOptions): Promise<KubeList> {
    const { conv, inner } = this.split(scope)
    const list = await this.inner.deleteCollection(inner, query, opts)
    if (conv === undefined) return list
    return { ...list, apiVersion: apiVersionOf(scope.schema.group, scope.schema.version), kind: scope.schema.listKind, items: list.items.map(i => this.out(scope, conv, i)) }
  }
}
