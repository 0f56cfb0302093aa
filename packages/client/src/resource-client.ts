import type { KubeList, Status } from '@kube-ts/api'
import { resourcePath } from './paths.js'
import type { QueryValue } from './paths.js'
import type { RestClient } from './rest-client.js'
import type { ResourceDescriptor } from './resources.js'
import { readWatchEvents } from './watch-reader.js'
import type { WatchEvent } from './watch-reader.js'

export interface ListOptions {
  labelSelector?: string
  fieldSelector?: string
  limit?: number
  continue?: string
  resourceVersion?: string
  resourceVersionMatch?: 'Exact' | 'NotOlderThan'
  timeoutSeconds?: number
  signal?: AbortSignal
}

export interface WatchOptions {
  resourceVersion?: string
  labelSelector?: string
  fieldSelector?: string
  allowWatchBookmarks?: boolean
  timeoutSeconds?: number
}

export interface WriteOptions {
  fieldManager?: string
  dryRun?: boolean
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict'
  signal?: AbortSignal
}

export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take ownership of conflicting fields. */
  force?: boolean
  subresource?: string
}

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
  preconditions?: { uid?: string, resourceVersion?: string }
  dryRun?: boolean
  signal?: AbortSignal
}

/** Slack past the server's own `timeoutSeconds` before the client gives up on a watch. */
const watchGraceSeconds = 5

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply'

export const patchContentTypes: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml'
}

/** Verbs on one subresource (`pods/binding`, `deployments/scale`, `pods/log`, `pods/eviction`). */
export interface SubresourceClient<R> {
  get: (namespace: string, name: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => Promise<R>
  /** For text subresources such as `log`. */
  getText: (namespace: string, name: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => Promise<string>
  create: <B>(namespace: string, name: string, body: B, opts?: WriteOptions) => Promise<R>
  update: <B>(namespace: string, name: string, body: B, opts?: WriteOptions) => Promise<R>
  patch: (namespace: string, name: string, type: PatchType, body: unknown, opts?: PatchOptions) => Promise<R>
}

interface Named { metadata?: { name?: string, namespace?: string } }

/**
 * Typed verbs for one resource, as client-go's typed clients. `namespace` '' means all namespaces on collection
 * verbs and is ignored for cluster-scoped resources.
 */
export class ResourceClient<T extends object> {
  constructor (private readonly rest: RestClient, readonly desc: ResourceDescriptor) {}

  async get (namespace: string, name: string, opts: { resourceVersion?: string, signal?: AbortSignal } = {}): Promise<T> {
    return await this.rest.request<T>({ method: 'GET', path: this.path(namespace, name), query: { resourceVersion: opts.resourceVersion }, signal: opts.signal })
  }

  async list (namespace: string, opts: ListOptions = {}): Promise<KubeList<T>> {
    const { signal, ...query } = opts
    return await this.rest.request<KubeList<T>>({ method: 'GET', path: this.path(namespace), query: { ...query }, signal })
  }

  async create (namespace: string, obj: T, opts: WriteOptions = {}): Promise<T> {
    return await this.rest.request<T>({ method: 'POST', path: this.path(namespace), query: writeQuery(opts), body: obj, signal: opts.signal })
  }

  async update (namespace: string, obj: T, opts: WriteOptions = {}): Promise<T> {
    return await this.rest.request<T>({ method: 'PUT', path: this.path(namespace, nameOf(obj)), query: writeQuery(opts), body: obj, signal: opts.signal })
  }

  async updateStatus (namespace: string, obj: T, opts: WriteOptions = {}): Promise<T> {
    return await this.rest.request<T>({ method: 'PUT', path: this.path(namespace, nameOf(obj), 'status'), query: writeQuery(opts), body: obj, signal: opts.signal })
  }

  async patch (namespace: string, name: string, type: PatchType, body: unknown, opts: PatchOptions = {}): Promise<T> {
    if (type === 'apply' && (opts.fieldManager === undefined || opts.fieldManager === '')) {
      throw new Error('server-side apply needs a fieldManager')
    }
    return await this.rest.request<T>({
      method: 'PATCH',
      path: this.path(namespace, name, opts.subresource),
      query: { ...writeQuery(opts), force: opts.force },
      body,
      contentType: patchContentTypes[type],
      signal: opts.signal
    })
  }

  /** Returns the object (still terminating, with finalizers or a grace period) or a success Status. */
  async delete (namespace: string, name: string, opts: DeleteOptions = {}): Promise<T | Status> {
    return await this.rest.request<T | Status>({ method: 'DELETE', path: this.path(namespace, name), body: deleteBody(opts), signal: opts.signal })
  }

  async deleteCollection (namespace: string, list: ListOptions = {}, opts: DeleteOptions = {}): Promise<KubeList<T> | Status> {
    const { signal, ...query } = list
    return await this.rest.request<KubeList<T> | Status>({ method: 'DELETE', path: this.path(namespace), query: { ...query }, body: deleteBody(opts), signal: signal ?? opts.signal })
  }

  /**
   * Streams watch events until the server ends the response, the signal aborts (ends quietly) or the stream
   * breaks (throws). A non-2xx answer (e.g. 410 Expired) throws ApiError on the first iteration. With
   * `timeoutSeconds`, the client also ends the watch (quietly) a little after that, as client-go's typed clients
   * do, so a silently dead connection cannot hang an informer forever.
   */
  async * watch (namespace: string, opts: WatchOptions = {}, signal?: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    const local = new AbortController()
    const combined = signal === undefined ? local.signal : AbortSignal.any([signal, local.signal])
    let timer: NodeJS.Timeout | undefined
    if (opts.timeoutSeconds !== undefined && opts.timeoutSeconds > 0) {
      timer = setTimeout(() => local.abort(), (opts.timeoutSeconds + watchGraceSeconds) * 1000)
      timer.unref()
    }
    try {
      const res = await this.rest.stream({ method: 'GET', path: this.path(namespace), query: { ...opts, watch: true }, signal: combined })
      try {
        for await (const ev of readWatchEvents<T>(res)) yield ev
      } finally {
        res.destroy()
      }
    } catch (err) {
      if (combined.aborted) return
      throw err
    } finally {
      clearTimeout(timer)
    }
  }

  subresource<R = unknown> (sub: string): SubresourceClient<R> {
    const rest = this.rest
    const path = (ns: string, name: string): string => this.path(ns, name, sub)
    return {
      get: async (ns, name, query, signal) => await rest.request<R>({ method: 'GET', path: path(ns, name), query, signal }),
      getText: async (ns, name, query, signal) => await rest.request<string>({ method: 'GET', path: path(ns, name), query, signal, accept: '*/*' }),
      create: async (ns, name, body, opts = {}) => await rest.request<R>({ method: 'POST', path: path(ns, name), query: writeQuery(opts), body, signal: opts.signal }),
      update: async (ns, name, body, opts = {}) => await rest.request<R>({ method: 'PUT', path: path(ns, name), query: writeQuery(opts), body, signal: opts.signal }),
      patch: async (ns, name, type, body, opts = {}) => await rest.request<R>({
        method: 'PATCH', path: path(ns, name), query: { ...writeQuery(opts), force: opts.force }, body, contentType: patchContentTypes[type], signal: opts.signal
      })
    }
  }

  /** The URL path for this resource; exposed for logging and tests. */
  path (namespace: string, name?: string, subresource?: string): string {
    return resourcePath(this.desc, namespace, name, subresource)
  }
}

function nameOf (obj: object): string {
  const name = (obj as Named).metadata?.name
  if (name === undefined || name === '') throw new Error('object has no metadata.name')
  return name
}

function writeQuery (o: WriteOptions): Record<string, QueryValue> {
  return { fieldManager: o.fieldManager, dryRun: o.dryRun === true ? 'All' : undefined, fieldValidation: o.fieldValidation }
}

function deleteBody (o: DeleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' }
  if (o.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = o.gracePeriodSeconds
  if (o.propagationPolicy !== undefined) body.propagationPolicy = o.propagationPolicy
  if (o.preconditions !== undefined) body.preconditions = o.preconditions
  if (o.dryRun === true) body.dryRun = ['All']
  return body
}
