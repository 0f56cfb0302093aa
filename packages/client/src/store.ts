import type { DeepReadonly } from '@kube-ts/api'

interface Meta { metadata?: { name?: string, namespace?: string, resourceVersion?: string } }

/** `namespace/name`, or just `name` for cluster-scoped objects (client-go's MetaNamespaceKeyFunc). */
export function objectKey (obj: object): string {
  const m = (obj as Meta).metadata
  const name = m?.name
  if (name === undefined || name === '') throw new Error('object has no metadata.name')
  return m?.namespace !== undefined && m.namespace !== '' ? `${m.namespace}/${name}` : name
}

/** Splits a key made by `objectKey`; `namespace` is '' for cluster-scoped keys. */
export function splitKey (key: string): { namespace: string, name: string } {
  const i = key.indexOf('/')
  return i < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) }
}

export function resourceVersionOf (obj: object): string | undefined {
  return (obj as Meta).metadata?.resourceVersion
}

/** Maps an object to the index values it is filed under (e.g. its namespace, its node name). */
export type IndexFunc<T> = (obj: DeepReadonly<T>) => string[]

export const namespaceIndex = 'namespace'
export const namespaceIndexFunc = <T>(obj: DeepReadonly<T>): string[] => [(obj as Meta).metadata?.namespace ?? '']

/**
 * The informer cache (client-go's thread-safe indexer): objects by key plus secondary indexes. Objects handed out
 * are the cached ones, typed DeepReadonly: clone (`structuredClone`) before changing anything.
 */
export class Store<T> {
  private readonly items = new Map<string, DeepReadonly<T>>()
  private readonly indexers = new Map<string, IndexFunc<T>>()
  private readonly indices = new Map<string, Map<string, Set<string>>>()

  constructor () {
    this.addIndexer(namespaceIndex, namespaceIndexFunc)
  }

  /** Registers an index and files every existing object under it. Re-registering a name replaces it. */
  addIndexer (name: string, fn: IndexFunc<T>): void {
    this.indexers.set(name, fn)
    const index = new Map<string, Set<string>>()
    this.indices.set(name, index)
    for (const [key, obj] of this.items) fileUnder(index, fn(obj), key)
  }

  get (key: string): DeepReadonly<T> | undefined {
    return this.items.get(key)
  }

  has (key: string): boolean {
    return this.items.has(key)
  }

  list (): Array<DeepReadonly<T>> {
    return [...this.items.values()]
  }

  keys (): string[] {
    return [...this.items.keys()]
  }

  get size (): number {
    return this.items.size
  }

  byIndex (name: string, value: string): Array<DeepReadonly<T>> {
    const index = this.indices.get(name)
    if (index === undefined) throw new Error(`index "${name}" does not exist`)
    const keys = index.get(value)
    if (keys === undefined) return []
    const out: Array<DeepReadonly<T>> = []
    for (const k of keys) {
      const obj = this.items.get(k)
      if (obj !== undefined) out.push(obj)
    }
    return out
  }

  /** Adds or replaces; returns the previous object. */
  upsert (obj: T): DeepReadonly<T> | undefined {
    const key = objectKey(obj as object)
    const old = this.items.get(key)
    if (old !== undefined) this.unindex(key, old)
    const ro = obj as DeepReadonly<T>
    this.items.set(key, ro)
    for (const [name, fn] of this.indexers) fileUnder(this.indices.get(name) as Map<string, Set<string>>, fn(ro), key)
    return old
  }

  /** Removes by key; returns what was there. */
  remove (key: string): DeepReadonly<T> | undefined {
    const old = this.items.get(key)
    if (old === undefined) return undefined
    this.unindex(key, old)
    this.items.delete(key)
    return old
  }

  private unindex (key: string, obj: DeepReadonly<T>): void {
    for (const [name, fn] of this.indexers) {
      const index = this.indices.get(name) as Map<string, Set<string>>
      for (const v of fn(obj)) {
        const set = index.get(v)
        set?.delete(key)
        if (set?.size === 0) index.delete(v)
      }
    }
  }
}

function fileUnder (index: Map<string, Set<string>>, values: string[], key: string): void {
  for (const v of values) {
    let set = index.get(v)
    if (set === undefined) index.set(v, set = new Set())
    set.add(key)
  }
}

/** Read access to an informer's cache (client-go's listers), never mutable. */
export interface Lister<T> {
  /** `get('ns', 'name')`, or `get('', 'name')` for cluster-scoped objects. */
  get: (namespace: string, name: string) => DeepReadonly<T> | undefined
  /** Everything, or one namespace's objects; `filter` narrows further (e.g. a label selector's `matches`). */
  list: (namespace?: string, filter?: (obj: DeepReadonly<T>) => boolean) => Array<DeepReadonly<T>>
  byIndex: (name: string, value: string) => Array<DeepReadonly<T>>
}

export function listerFor<T> (store: Store<T>): Lister<T> {
  return {
    get: (namespace, name) => store.get(namespace === '' ? name : `${namespace}/${name}`),
    list: (namespace, filter) => {
      const all = namespace === undefined || namespace === '' ? store.list() : store.byIndex(namespaceIndex, namespace)
      return filter === undefined ? all : all.filter(filter)
    },
    byIndex: (name, value) => store.byIndex(name, value)
  }
}

/**
 * Handed to `onDelete` when the informer learns of a deletion only by relisting: the final state was never seen,
 * `obj` is the last state the cache had (client-go's cache.DeletedFinalStateUnknown).
 */
export class DeletedFinalStateUnknown<T> {
  readonly deletedFinalStateUnknown = true
  constructor (readonly key: string, readonly obj: DeepReadonly<T>) {}
}

export function isDeletedFinalStateUnknown<T> (x: unknown): x is DeletedFinalStateUnknown<T> {
  return (x as DeletedFinalStateUnknown<T> | undefined)?.deletedFinalStateUnknown === true
}

/** The object inside a tombstone, or the object itself. */
export function unwrapTombstone<T> (x: DeepReadonly<T> | DeletedFinalStateUnknown<T>): DeepReadonly<T> {
  return isDeletedFinalStateUnknown<T>(x) ? x.obj : x
}
