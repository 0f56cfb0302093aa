import { applyMergePatch, errAlreadyExists, errConflict, errNotFound, errBadRequest } from '@kube-ts/api'
import type { KubeList, Status } from '@kube-ts/api'

/** The part of @kube-ts/client's ResourceDescriptor a fake needs (kept structural so this file has no runtime deps). */
export interface FakeResourceDescriptor {
  group: string
  version: string
  resource: string
  namespaced: boolean
  kind?: string
}

export type FakeVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection'

/** One request the code under test made, as client-go's testing.Action (sample-controller's `fixture`). */
export interface FakeAction {
  verb: FakeVerb
  /** Plural resource name, e.g. `pods`, `replicasets`. */
  resource: string
  group: string
  namespace: string
  name?: string
  subresource?: string
  /** The body sent (create/update) or the patch (patch); absent for reads and deletes. */
  object?: unknown
  patchType?: string
}

/**
 * A reactor may answer an action instead of the tracker: return an object (the result), throw (usually an
 * ApiError) to fail the call, or return undefined to let the tracker handle it.
 */
export type FakeReactor = (action: FakeAction) => unknown

interface WatchSubscriber { namespace: string, push: (ev: { type: string, object: unknown }) => void }

interface Meta {
  metadata?: {
    name?: string
    generateName?: string
    namespace?: string
    uid?: string
    resourceVersion?: string
    generation?: number
    creationTimestamp?: string
    deletionTimestamp?: string
  }
  status?: unknown
  spec?: unknown
}

let uidCounter = 0

/**
 * A recording in-memory client (client-go's fake clientset): `resource(desc)` offers the verbs of
 * @kube-ts/client's ResourceClient over an object tracker, every call lands in `actions`, and reactors inject
 * failures. Objects get uid, resourceVersion, generation and creationTimestamp as the apiserver would give them.
 */
export class FakeClient {
  readonly actions: FakeAction[] = []
  private readonly objects = new Map<string, Map<string, unknown>>()
  private readonly reactors: Array<{ verb: FakeVerb | '*', resource: string, fn: FakeReactor }> = []
  private readonly watchers = new Map<string, Set<WatchSubscriber>>()
  private rv = 1
  private nameCounter = 0

  constructor (private readonly now: () => number = Date.now) {}

  /** Puts objects into the tracker without recording actions (the state the test starts from). */
  seed (desc: FakeResourceDescriptor, ...objs: object[]): void {
    for (const o of objs) {
      const obj = structuredClone(o) as Meta
      obj.metadata ??= {}
      obj.metadata.resourceVersion ??= String(this.rv++)
      // later writes must get higher resourceVersions than anything seeded, as etcd revisions would
      const seeded = Number(obj.metadata.resourceVersion)
      if (Number.isInteger(seeded) && seeded >= this.rv) this.rv = seeded + 1
      this.bucket(desc).set(keyOf(desc, obj.metadata.namespace ?? '', obj.metadata.name ?? ''), obj)
    }
  }

  /** Tracker contents for one resource (copies). */
  tracked<T = unknown> (desc: FakeResourceDescriptor, namespace?: string): T[] {
    return [...this.bucket(desc).values()]
      .filter(o => namespace === undefined || (o as Meta).metadata?.namespace === namespace)
      .map(o => structuredClone(o) as T)
  }

  /** First matching reactor wins; `resource` '*' matches all. */
  prependReactor (verb: FakeVerb | '*', resource: string, fn: FakeReactor): void {
    this.reactors.unshift({ verb, resource, fn })
  }

  clearActions (): void {
    this.actions.length = 0
  }

  /** Actions other than get/list/watch: what a controller changed (sample-controller's filterInformerActions). */
  writes (): FakeAction[] {
    return this.actions.filter(a => a.verb !== 'get' && a.verb !== 'list' && a.verb !== 'watch')
  }

  resource<T extends object = Record<string, unknown>> (desc: FakeResourceDescriptor): FakeResourceClient<T> {
    return new FakeResourceClient<T>(this, desc)
  }

  /** @internal used by FakeResourceClient */
  invoke<R> (desc: FakeResourceDescriptor, action: FakeAction, handle: () => R): R {
    this.actions.push(action)
    for (const r of this.reactors) {
      if ((r.verb === '*' || r.verb === action.verb) && (r.resource === '*' || r.resource === action.resource)) {
        const res = r.fn(action)
        if (res !== undefined) return res as R
      }
    }
    return handle()
  }

  /** @internal */
  bucket (desc: FakeResourceDescriptor): Map<string, unknown> {
    const id = `${desc.group}/${desc.resource}`
    let b = this.objects.get(id)
    if (b === undefined) this.objects.set(id, b = new Map())
    return b
  }

  /** @internal stamps server-set metadata on a create */
  admit (obj: Meta, namespace: string, desc: FakeResourceDescriptor): void {
    obj.metadata ??= {}
    if ((obj.metadata.name ?? '') === '') {
      if ((obj.metadata.generateName ?? '') === '') throw errBadRequest('name or generateName is required')
      obj.metadata.name = `${obj.metadata.generateName ?? ''}${suffix(this.nameCounter++)}`
    }
    if (desc.namespaced) obj.metadata.namespace = namespace
    obj.metadata.uid = `fake-uid-${++uidCounter}`
    obj.metadata.generation = 1
    obj.metadata.creationTimestamp = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
    this.stamp(obj)
  }

  /** @internal */
  stamp (obj: Meta): void {
    obj.metadata ??= {}
    obj.metadata.resourceVersion = String(this.rv++)
  }

  /** @internal */
  notify (desc: FakeResourceDescriptor, type: string, obj: unknown): void {
    const subs = this.watchers.get(`${desc.group}/${desc.resource}`)
    if (subs === undefined) return
    const ns = (obj as Meta).metadata?.namespace ?? ''
    for (const s of subs) if (s.namespace === '' || s.namespace === ns) s.push({ type, object: structuredClone(obj) })
  }

  /** @internal */
  subscribe (desc: FakeResourceDescriptor, sub: WatchSubscriber): () => void {
    const id = `${desc.group}/${desc.resource}`
    let set = this.watchers.get(id)
    if (set === undefined) this.watchers.set(id, set = new Set())
    set.add(sub)
    return () => { set?.delete(sub) }
  }
}

/** The verbs of one resource, shaped like @kube-ts/client's ResourceClient so code under test takes either. */
export class FakeResourceClient<T extends object> {
  constructor (private readonly c: FakeClient, readonly desc: FakeResourceDescriptor) {}

  async get (namespace: string, name: string, _opts: { resourceVersion?: string, signal?: AbortSignal } = {}): Promise<T> {
    return this.c.invoke(this.desc, this.action('get', namespace, name), () => {
      const found = this.c.bucket(this.desc).get(this.key(namespace, name))
      if (found === undefined) throw errNotFound(this.ref(), name)
      return structuredClone(found) as T
    })
  }

  async list (namespace: string, opts: { labelSelector?: string } = {}): Promise<KubeList<T>> {
    return this.c.invoke(this.desc, this.action('list', namespace), () => {
      const items = this.c.tracked<T>(this.desc, this.desc.namespaced && namespace !== '' ? namespace : undefined)
      if (opts.labelSelector !== undefined && opts.labelSelector !== '') throw errBadRequest('FakeClient does not filter by labelSelector')
      return { kind: `${this.desc.kind ?? 'Object'}List`, apiVersion: this.apiVersion(), metadata: { resourceVersion: String(this.c.tracked(this.desc).length) }, items }
    })
  }

  async create (namespace: string, obj: T, _opts: object = {}): Promise<T> {
    return this.c.invoke(this.desc, { ...this.action('create', namespace, (obj as Meta).metadata?.name), object: structuredClone(obj) }, () => {
      const copy = structuredClone(obj) as Meta
      this.c.admit(copy, namespace, this.desc)
      const key = this.key(namespace, copy.metadata?.name ?? '')
      if (this.c.bucket(this.desc).has(key)) throw errAlreadyExists(this.ref(), copy.metadata?.name ?? '')
      this.c.bucket(this.desc).set(key, copy)
      this.c.notify(this.desc, 'ADDED', copy)
      return structuredClone(copy) as T
    })
  }

  async update (namespace: string, obj: T, _opts: object = {}): Promise<T> {
    return this.write('update', namespace, obj, undefined, (old, next) => {
      if (JSON.stringify(old.spec) !== JSON.stringify(next.spec) && old.metadata?.generation !== undefined) next.metadata = { ...next.metadata, generation: old.metadata.generation + 1 }
      next.status = old.status
    })
  }

  async updateStatus (namespace: string, obj: T, _opts: object = {}): Promise<T> {
    // as the apiserver's status strategy: status, labels and annotations change, nothing else
    return this.write('update', namespace, obj, 'status', (old, next) => {
      const status = next.status
      const labels = (next.metadata as { labels?: unknown } | undefined)?.labels
      const annotations = (next.metadata as { annotations?: unknown } | undefined)?.annotations
      Object.assign(next, structuredClone(old))
      next.status = status
      next.metadata = { ...next.metadata, labels, annotations } as Meta['metadata']
    })
  }

  async patch (namespace: string, name: string, type: string, body: unknown, opts: { subresource?: string } = {}): Promise<T> {
    const action = { ...this.action('patch', namespace, name, opts.subresource), object: structuredClone(body), patchType: type }
    return this.c.invoke(this.desc, action, () => {
      if (type !== 'merge' && type !== 'strategic') throw errBadRequest(`FakeClient only applies merge patches, not ${type}`)
      const key = this.key(namespace, name)
      const old = this.c.bucket(this.desc).get(key) as Meta | undefined
      if (old === undefined) throw errNotFound(this.ref(), name)
      const next = applyMergePatch(structuredClone(old), body) as Meta
      this.c.stamp(next)
      this.c.bucket(this.desc).set(key, next)
      this.c.notify(this.desc, 'MODIFIED', next)
      return structuredClone(next) as T
    })
  }

  async delete (namespace: string, name: string, opts: { preconditions?: { uid?: string } } = {}): Promise<T | Status> {
    return this.c.invoke(this.desc, this.action('delete', namespace, name), () => {
      const key = this.key(namespace, name)
      const old = this.c.bucket(this.desc).get(key) as Meta | undefined
      if (old === undefined) throw errNotFound(this.ref(), name)
      if (opts.preconditions?.uid !== undefined && opts.preconditions.uid !== old.metadata?.uid) {
        throw errConflict(this.ref(), name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${old.metadata?.uid ?? ''}`)
      }
      this.c.bucket(this.desc).delete(key)
      this.c.notify(this.desc, 'DELETED', old)
      return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200, details: { name, kind: this.desc.resource } } satisfies Status
    })
  }

  /** Streams ADDED/MODIFIED/DELETED for changes made after the call, until `signal` aborts. */
  async * watch (namespace: string, _opts: object = {}, signal?: AbortSignal): AsyncGenerator<{ type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T }> {
    this.c.actions.push(this.action('watch', namespace))
    const pending: Array<{ type: string, object: unknown }> = []
    let wake: (() => void) | undefined
    const unsubscribe = this.c.subscribe(this.desc, { namespace, push: (ev) => { pending.push(ev); wake?.() } })
    const onAbort = (): void => { wake?.() }
    signal?.addEventListener('abort', onAbort)
    try {
      while (signal?.aborted !== true) {
        const ev = pending.shift()
        if (ev !== undefined) { yield ev as { type: 'ADDED' | 'MODIFIED' | 'DELETED', object: T }; continue }
        await new Promise<void>((resolve) => { wake = resolve })
        wake = undefined
      }
    } finally {
      unsubscribe()
      signal?.removeEventListener('abort', onAbort)
    }
  }

  private write (verb: 'update', namespace: string, obj: T, subresource: string | undefined, merge: (old: Meta, next: Meta) => void): T {
    const name = (obj as Meta).metadata?.name ?? ''
    return this.c.invoke(this.desc, { ...this.action(verb, namespace, name, subresource), object: structuredClone(obj) }, () => {
      const key = this.key(namespace, name)
      const old = this.c.bucket(this.desc).get(key) as Meta | undefined
      if (old === undefined) throw errNotFound(this.ref(), name)
      const next = structuredClone(obj) as Meta
      const sentRV = next.metadata?.resourceVersion
      if (sentRV !== undefined && sentRV !== '' && sentRV !== old.metadata?.resourceVersion) throw errConflict(this.ref(), name)
      merge(old, next)
      this.c.stamp(next)
      this.c.bucket(this.desc).set(key, next)
      this.c.notify(this.desc, 'MODIFIED', next)
      return structuredClone(next) as T
    })
  }

  private action (verb: FakeVerb, namespace: string, name?: string, subresource?: string): FakeAction {
    const a: FakeAction = { verb, resource: this.desc.resource, group: this.desc.group, namespace: this.desc.namespaced ? namespace : '' }
    if (name !== undefined) a.name = name
    if (subresource !== undefined) a.subresource = subresource
    return a
  }

  private key (namespace: string, name: string): string { return keyOf(this.desc, namespace, name) }
  private ref (): { group: string, resource: string } { return { group: this.desc.group, resource: this.desc.resource } }
  private apiVersion (): string { return this.desc.group === '' ? this.desc.version : `${this.desc.group}/${this.desc.version}` }
}

function keyOf (desc: FakeResourceDescriptor, namespace: string, name: string): string {
  return desc.namespaced && namespace !== '' ? `${namespace}/${name}` : name
}

/** generateName suffixes as the apiserver's: five characters from a consonant-heavy alphabet, deterministic here. */
function suffix (n: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
  let out = ''
  let x = n
  for (let i = 0; i < 5; i++) { out += alphabet[x % alphabet.length] ?? 'x'; x = Math.floor(x / alphabet.length) }
  return out
}
