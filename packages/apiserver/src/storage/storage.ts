import type { KubeObject } from '@kube-ts/api'

/**
 * The etcd-facing contract (upstream `storage.Interface`). Keys are full etcd keys
 * (`/registry/pods/default/web`); objects are stored as JSON. `metadata.resourceVersion` of every object returned is
 * its etcd mod revision. Errors are `ApiError`s where a client must see them (NotFound, AlreadyExists, Conflict,
 * Gone) and 5xx `ApiError`s when etcd is unreachable.
 */
export interface Storage {
  /**
   * Fails with AlreadyExists when the key exists. Returns the stored object with its resourceVersion. The caller
   * hands `obj` over: the result may share nested values with it, so neither may be changed afterwards.
   */
  create (key: string, obj: KubeObject, opts?: { dryRun?: boolean }): Promise<KubeObject>
  /** Undefined when absent. `resourceVersion` (when set and non-zero) asks for a state no older than it. */
  get (key: string): Promise<KubeObject | undefined>
  /**
   * Lists every object whose key starts with `prefix` (callers pass a prefix ending in `/`).
   * `revision` 0 or unset = most recent; `limit`/`continueKey` paginate over one snapshot revision.
   * A compacted `revision` is 410 Expired (with an inconsistent continue token in `statusMetadata.continue` when
   * `startKey` is set); a revision not reached yet is 504 after a short wait.
   */
  list (prefix: string, opts: ListOptions): Promise<ListResult>
  /**
   * Compare-and-swap loop (upstream `GuaranteedUpdate`). `tryUpdate` receives the current object (or undefined
   * when absent) and returns the new object, `undefined` for a no-op (nothing written, current object returned),
   * or throws an ApiError to abort. When `expectedRevision` is set the first attempt must match it (Conflict
   * otherwise, no retry); without it, CAS failures retry with fresh state. A result deep-equal to the stored object
   * is a no-op too (resourceVersion kept, no watch event). With `dryRun`, `written` says whether a real request would
   * have written; nothing is stored.
   */
  guaranteedUpdate (key: string, tryUpdate: (current: KubeObject | undefined) => KubeObject | undefined | Promise<KubeObject | undefined>, opts?: { dryRun?: boolean, expectedRevision?: number }): Promise<{ object: KubeObject, written: boolean }>
  /**
   * Deletes the key if its mod revision still equals `expectedRevision` (when given); returns the deleted object
   * with the deletion's revision as resourceVersion.
   */
  delete (key: string, opts?: { expectedRevision?: number, dryRun?: boolean }): Promise<KubeObject>
  /** Events for keys under `prefix` strictly after `fromRevision`. Ends when `signal` aborts. Throws/ends with Gone when compacted. */
  watch (prefix: string, fromRevision: number, signal: AbortSignal): AsyncIterable<StorageEvent>
  /** How many keys are stored under `prefix` (a count-only read, for the apiserver_storage_objects metric). */
  count (prefix: string): Promise<number>
  /** The store's current revision (a quorum read). */
  currentRevision (): Promise<number>
  /** Compacts history up to `revision`. */
  compact (revision: number): Promise<void>
  /** True when etcd answers. */
  healthy (): Promise<boolean>
  close (): Promise<void>
}

export interface ListOptions {
  /** Exact snapshot revision to read at; 0, -1 (an inconsistent continue token) or unset = the latest. */
  revision?: number
  limit?: number
  /** The key (relative to prefix) to start from, inclusive; decoded from a continue token. */
  startKey?: string
  /** Optional filter applied before counting `limit` (so selectors do not produce short pages). */
  filter?: (obj: KubeObject) => boolean
}

export interface ListResult {
  items: KubeObject[]
  /** The snapshot revision the list was read at. */
  revision: number
  /** Set when more items remain: the next start key (relative to prefix). */
  nextKey?: string
  remainingItemCount?: number
}

export type StorageEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR' | 'BOOKMARK'

export interface StorageEvent {
  type: StorageEventType
  /** For DELETED: the last state with resourceVersion set to the deletion revision. For ERROR: a Status. */
  object: KubeObject
  /** The previous state for MODIFIED (lets selector-filtered watches synthesize ADDED/DELETED). */
  prevObject?: KubeObject
  revision: number
}
