import { errInternal, errServiceUnavailable, errTooLarge, type KubeObject } from '@kube-ts/api'
import { decodeObject, encodeObject, jsonEqual, withoutResourceVersion } from './codec.js'
import { listPages } from './etcd-list.js'
import { checkKey, errTooLargeResourceVersion, errTooOldResourceVersion, keyConflict, keyExists, keyNotFound } from './key-errors.js'
import { prefixEnd } from './key-range.js'
import { CompactedError, FutureRevisionError, MemoryMvcc, type MvccEvent } from './memory-mvcc.js'
import type { ListOptions, ListResult, Storage, StorageEvent } from './storage.js'

/** etcd's default `--max-request-bytes` (1.5 MiB); values above it are refused like etcd refuses them. */
export const MAX_VALUE_BYTES = 1.5 * 1024 * 1024

export interface MemoryStorageOptions {
  /** Key prefix every key must live under (default `/registry`). */
  prefix?: string
  /** How long a read for a revision not reached yet waits before 504 (default 3 s, as upstream). */
  futureRevisionWaitMs?: number
}

/**
 * `Storage` in memory with the same observable semantics as `EtcdStorage` (it passes the same contract suite):
 * one global revision, CAS on mod revision, snapshot pagination, watch history and compaction with 410. Meant for
 * fast tests of the HTTP and registry layers; it keeps all history until `compact` is called.
 */
export class MemoryStorage implements Storage {
  private readonly mvcc = new MemoryMvcc()
  private readonly prefix: string
  private readonly futureWaitMs: number
  private changed = deferred()
  private closed = false

  constructor (opts: MemoryStorageOptions = {}) {
    this.prefix = (opts.prefix ?? '/registry').replace(/\/+$/, '')
    this.futureWaitMs = opts.futureRevisionWaitMs ?? 3000
  }

  async create (key: string, obj: KubeObject, opts: { dryRun?: boolean } = {}): Promise<KubeObject> {
    this.checkOpen(key)
    const value = encodeObject(obj)
    if (this.mvcc.latest(key) !== undefined) throw keyExists(this.prefix, key)
    if (opts.dryRun === true) return withoutResourceVersion(decodeObject(value, 0, key))
    return decodeObject(value, this.write(key, value, () => this.mvcc.put(key, value)), key)
  }

  async get (key: string): Promise<KubeObject | undefined> {
    this.checkOpen(key)
    const v = this.mvcc.latest(key)
    return v === undefined ? undefined : decodeObject(v.value, v.modRevision, key)
  }

  async list (prefix: string, opts: ListOptions): Promise<ListResult> {
    this.checkOpen(prefix)
    if (!prefix.endsWith('/')) throw errInternal(`list prefix ${JSON.stringify(prefix)} must end with "/"`)
    const wanted = opts.revision ?? 0
    if (wanted > this.mvcc.revision) await this.waitForRevision(wanted)
    return await listPages(prefix, opts, async (req) => this.mvcc.range(req))
  }

  async guaranteedUpdate (
    key: string,
    tryUpdate: (current: KubeObject | undefined) => KubeObject | undefined | Promise<KubeObject | undefined>,
    opts: { dryRun?: boolean, expectedRevision?: number } = {}
  ): Promise<{ object: KubeObject, written: boolean }> {
    this.checkOpen(key)
    if (opts.expectedRevision !== undefined) {
      const cur = this.mvcc.latest(key)
      if (cur === undefined) throw keyNotFound(this.prefix, key)
      if (cur.modRevision !== opts.expectedRevision) throw keyConflict(this.prefix, key)
    }
    for (;;) {
      const current = this.mvcc.latest(key)
      const desired = await tryUpdate(current === undefined ? undefined : decodeObject(current.value, current.modRevision, key))
      if (desired === undefined) {
        if (current === undefined) throw keyNotFound(this.prefix, key)
        return { object: decodeObject(current.value, current.modRevision, key), written: false }
      }
      const value = encodeObject(desired)
      if (current !== undefined && jsonEqual(JSON.parse(value), JSON.parse(current.value))) {
        return { object: decodeObject(current.value, current.modRevision, key), written: false }
      }
      if (opts.dryRun === true) {
        const obj = decodeObject(value, current?.modRevision ?? 0, key)
        return { object: current === undefined ? withoutResourceVersion(obj) : obj, written: true }
      }
      // tryUpdate may have awaited: the compare-and-swap happens here, synchronously
      const now = this.mvcc.latest(key)
      if (now?.modRevision === current?.modRevision) {
        return { object: decodeObject(value, this.write(key, value, () => this.mvcc.put(key, value)), key), written: true }
      }
      if (opts.expectedRevision !== undefined) throw keyConflict(this.prefix, key)
    }
  }

  async delete (key: string, opts: { expectedRevision?: number, dryRun?: boolean } = {}): Promise<KubeObject> {
    this.checkOpen(key)
    const cur = this.mvcc.latest(key)
    if (cur === undefined) throw keyNotFound(this.prefix, key)
    if (opts.expectedRevision !== undefined && cur.modRevision !== opts.expectedRevision) throw keyConflict(this.prefix, key)
    if (opts.dryRun === true) return decodeObject(cur.value, cur.modRevision, key)
    return decodeObject(cur.value, this.write(key, undefined, () => this.mvcc.delete(key)), key)
  }

  watch (prefix: string, fromRevision: number, signal: AbortSignal): AsyncIterable<StorageEvent> {
    checkKey(this.prefix, prefix)
    return this.watchGen(prefix, fromRevision, signal)
  }

  async count (prefix: string): Promise<number> {
    this.checkOpen(prefix)
    return Number(this.mvcc.range({ key: Buffer.from(prefix), range_end: prefixEnd(prefix), count_only: true }).count)
  }

  async currentRevision (): Promise<number> {
    if (this.closed) throw errServiceUnavailable('storage is closed')
    return this.mvcc.revision
  }

  async compact (revision: number): Promise<void> {
    try {
      this.mvcc.compact(revision)
    } catch (err) {
      if (err instanceof CompactedError) return
      throw errInternal((err as Error).message)
    }
    this.notify()
  }

  async healthy (): Promise<boolean> {
    return !this.closed
  }

  async close (): Promise<void> {
    this.closed = true
    this.notify()
  }

  private async * watchGen (prefix: string, fromRevision: number, signal: AbortSignal): AsyncGenerator<StorageEvent> {
    let next = fromRevision + 1
    while (!signal.aborted && !this.closed) {
      const wake = this.changed.promise
      let batch: MvccEvent[]
      try {
        batch = this.mvcc.eventsFrom(prefix, next)
      } catch (err) {
        if (!(err instanceof CompactedError)) throw err
        yield { type: 'ERROR', object: errTooOldResourceVersion(next - 1, err.compactRevision).toStatus() as unknown as KubeObject, revision: err.compactRevision }
        return
      }
      for (const ev of batch) {
        if (signal.aborted) return
        yield toStorageEvent(ev)
        next = ev.revision + 1
      }
      if (batch.length === 0) await waitOrAbort(wake, signal)
    }
  }

  private write (key: string, value: string | undefined, fn: () => number): number {
    if (value !== undefined && Buffer.byteLength(key) + Buffer.byteLength(value) > MAX_VALUE_BYTES) throw errTooLarge('etcdserver: request is too large')
    const rev = fn()
    this.notify()
    return rev
  }

  private notify (): void {
    const old = this.changed
    this.changed = deferred()
    old.resolve()
  }

  private async waitForRevision (rev: number): Promise<void> {
    const deadline = Date.now() + this.futureWaitMs
    while (this.mvcc.revision < rev) {
      const left = deadline - Date.now()
      if (left <= 0) throw errTooLargeResourceVersion(rev, this.mvcc.revision)
      const ac = new AbortController()
      const t = setTimeout(() => ac.abort(), left)
      await waitOrAbort(this.changed.promise, ac.signal)
      clearTimeout(t)
    }
  }

  private checkOpen (key: string): void {
    if (this.closed) throw errServiceUnavailable('storage is closed')
    checkKey(this.prefix, key)
  }
}

function toStorageEvent (ev: MvccEvent): StorageEvent {
  if (ev.type === 'delete') {
    return { type: 'DELETED', object: decodeObject(ev.prev?.value ?? '{}', ev.revision, ev.key), revision: ev.revision }
  }
  const object = decodeObject(ev.value ?? '{}', ev.revision, ev.key)
  if (ev.prev === undefined) return { type: 'ADDED', object, revision: ev.revision }
  return { type: 'MODIFIED', object, prevObject: decodeObject(ev.prev.value, ev.prev.modRevision, ev.key), revision: ev.revision }
}

function deferred (): { promise: Promise<void>, resolve: () => void } {
  let resolve: () => void = () => {}
  const promise = new Promise<void>(r => { resolve = r })
  return { promise, resolve }
}

async function waitOrAbort (p: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  await new Promise<void>(resolve => {
    const done = (): void => { signal.removeEventListener('abort', done); resolve() }
    signal.addEventListener('abort', done, { once: true })
    void p.then(done)
  })
}
