import type { DeepReadonly } from '@kube-ts/api'
import { DeletedFinalStateUnknown, listerFor, objectKey, Store } from '@kube-ts/client'
import type { EventHandlers, IndexFunc, Lister } from '@kube-ts/client'
import type { InformerFactory, SharedInformer } from '../informer-types.js'
import type { ResourceRef } from '../kube-client.js'

/**
 * A synced informer whose cache the test fills (sample-controller's seeded indexers). `add`/`update`/`remove`
 * change the cache and call handlers as a watch event would, so handler → queue behaviour is testable too.
 */
export class FakeInformer<T> implements SharedInformer<T> {
  readonly store = new Store<T>()
  private readonly handlers: Array<EventHandlers<T>> = []

  constructor (objs: readonly T[] = []) {
    for (const o of objs) this.store.upsert(structuredClone(o))
  }

  lister (): Lister<T> { return listerFor(this.store) }
  hasSynced (): boolean { return true }
  addIndexer (name: string, fn: IndexFunc<T>): void { this.store.addIndexer(name, fn) }
  addEventHandler (h: EventHandlers<T>): void { this.handlers.push(h) }

  add (obj: T): void {
    const ro = this.store.upsert(structuredClone(obj))
    const now = this.store.get(objectKey(obj as object)) as DeepReadonly<T>
    for (const h of this.handlers) {
      if (ro === undefined) h.onAdd?.(now)
      else h.onUpdate?.(ro, now)
    }
  }

  update (obj: T): void { this.add(obj) }

  /** Removes and tells handlers; `tombstone` delivers a DeletedFinalStateUnknown as after a relist. */
  remove (obj: T, tombstone = false): void {
    const key = objectKey(obj as object)
    const old = this.store.remove(key) ?? (obj as DeepReadonly<T>)
    for (const h of this.handlers) h.onDelete?.(tombstone ? new DeletedFinalStateUnknown<T>(key, old) : old)
  }
}

/** Hands out one FakeInformer per resource, seeded from `seed` keyed by plural resource name. */
export class FakeInformerFactory implements InformerFactory {
  private readonly informers = new Map<string, FakeInformer<unknown>>()

  constructor (private readonly seed: Record<string, readonly object[]> = {}) {}

  forResource<T>(desc: ResourceRef): FakeInformer<T> {
    let inf = this.informers.get(desc.resource)
    if (inf === undefined) {
      inf = new FakeInformer<unknown>(this.seed[desc.resource] ?? [])
      this.informers.set(desc.resource, inf)
    }
    return inf as FakeInformer<T>
  }
}
