import type { KubeList, KubeObject, ResourceSchema } from '@kube-ts/api'

/**
 * The contract between the HTTP layer (`src/http`) and the generic registry store (`src/registry`), the analogue of
 * upstream's `registry/generic/registry.Store`. Every method throws `ApiError` for client-visible failures.
 * `schema` selects the kind; `namespace` is '' for cluster-scoped kinds and for all-namespace list/watch.
 */
export interface RequestScope {
  schema: ResourceSchema
  namespace: string
}

export interface WriteOptions {
  dryRun: boolean
  fieldManager?: string
  /** Set for writes to `/status` or `/scale`-style subresources. */
  subresource?: string
}

export interface ListQuery {
  labelSelector?: string
  fieldSelector?: string
  limit?: number
  continue?: string
  resourceVersion?: string
  resourceVersionMatch?: 'Exact' | 'NotOlderThan'
}

export interface WatchQuery extends ListQuery {
  allowWatchBookmarks?: boolean
  sendInitialEvents?: boolean
  timeoutSeconds?: number
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: KubeObject
}

export interface DeleteOptions {
  dryRun: boolean
  gracePeriodSeconds?: number
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
  preconditions?: { uid?: string, resourceVersion?: string }
}

export interface RestStore {
  create (scope: RequestScope, obj: KubeObject, opts: WriteOptions): Promise<KubeObject>
  get (scope: RequestScope, name: string, opts?: { resourceVersion?: string }): Promise<KubeObject>
  list (scope: RequestScope, query: ListQuery): Promise<KubeList>
  /** Yields events until `signal` aborts or `timeoutSeconds` elapses; a 410 arrives as an ERROR event. */
  watch (scope: RequestScope, query: WatchQuery, signal: AbortSignal): AsyncIterable<WatchEvent>
  /**
   * Read-modify-write used by PUT and every PATCH type: `mutate` gets the current object (undefined if absent) and
   * returns the desired object. Runs inside the storage CAS loop, so patches re-apply to fresh state on conflict.
   * `created` is true when the object did not exist and `allowCreate` let it be created (PUT upsert for some kinds,
   * server-side apply).
   */
  update (scope: RequestScope, name: string, mutate: (current: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { allowCreate?: boolean }): Promise<{ object: KubeObject, created: boolean }>
  /** Returns the deleted object (or the object marked for deletion when finalizers/grace keep it) and whether it is gone. */
  delete (scope: RequestScope, name: string, opts: DeleteOptions): Promise<{ object: KubeObject, deleted: boolean }>
  deleteCollection (scope: RequestScope, query: ListQuery, opts: DeleteOptions): Promise<KubeList>
}
