import type { IKeyValue, IRangeRequest, IRangeResponse } from 'etcd3'

/** One stored version of a key; `value` undefined marks a deletion (tombstone). */
interface Version {
  modRevision: number
  createRevision: number
  value: string | undefined
}

/** One change, as an etcd watch would report it. */
export interface MvccEvent {
  type: 'put' | 'delete'
  key: string
  revision: number
  createRevision: number
  /** The new value (put) or undefined (delete). */
  value: string | undefined
  prev?: { value: string, modRevision: number }
}

/** The error etcd gives for reads below the compaction point; the message is what callers test for. */
export class CompactedError extends Error {
  constructor (readonly compactRevision: number) {
    super('etcdserver: mvcc: required revision has been compacted')
  }
}

export class FutureRevisionError extends Error {
  constructor () {
    super('etcdserver: mvcc: required revision is a future revision')
  }
}

/**
 * A tiny in-process MVCC key space with etcd's revision rules: one global revision bumped by every write, reads at
 * any retained revision, compaction that keeps the latest version at or below the compaction revision, and an
 * event history for watches. It answers range requests in etcd's wire shape so list paging code is shared.
 */
export class MemoryMvcc {
  private rev = 1
  private compacted = 0
  private readonly keys = new Map<string, Version[]>()
  private readonly history: MvccEvent[] = []

  get revision (): number { return this.rev }
  get compactRevision (): number { return this.compacted }

  latest (key: string): (Version & { value: string }) | undefined {
    const v = this.keys.get(key)?.at(-1)
    return v?.value === undefined ? undefined : v as Version & { value: string }
  }

  put (key: string, value: string): number {
    const prev = this.latest(key)
    const revision = ++this.rev
    const createRevision = prev?.createRevision ?? revision
    const versions = this.keys.get(key) ?? []
    versions.push({ modRevision: revision, createRevision, value })
    this.keys.set(key, versions)
    const ev: MvccEvent = { type: 'put', key, revision, createRevision, value }
    if (prev !== undefined) ev.prev = { value: prev.value, modRevision: prev.modRevision }
    this.history.push(ev)
    return revision
  }

  /** Deletes `key` (which must exist) and returns the deletion revision. */
  delete (key: string): number {
    const prev = this.latest(key)
    if (prev === undefined) throw new Error(`delete of absent key ${key}`)
    const revision = ++this.rev
    this.keys.get(key)?.push({ modRevision: revision, createRevision: 0, value: undefined })
    this.history.push({ type: 'delete', key, revision, createRevision: prev.createRevision, value: undefined, prev: { value: prev.value, modRevision: prev.modRevision } })
    return revision
  }

  /** etcd's Range for keys in [key, range_end) at `revision` (0 = latest), honouring `limit`, `count` and `more`. */
  range (req: IRangeRequest): IRangeResponse {
    const at = Number(req.revision ?? 0) > 0 ? Number(req.revision) : this.rev
    if (at < this.compacted) throw new CompactedError(this.compacted)
    if (at > this.rev) throw new FutureRevisionError()
    const start = Buffer.from(req.key ?? Buffer.alloc(0))
    const end = req.range_end === undefined ? undefined : Buffer.from(req.range_end)
    const kvs: IKeyValue[] = []
    for (const key of [...this.keys.keys()].sort(compareBytes)) {
      const kb = Buffer.from(key)
      if (end === undefined ? !kb.equals(start) : (Buffer.compare(kb, start) < 0 || Buffer.compare(kb, end) >= 0)) continue
      const v = this.keys.get(key)?.filter(x => x.modRevision <= at).at(-1)
      if (v?.value === undefined) continue
      kvs.push({ key: kb, value: Buffer.from(v.value), create_revision: String(v.createRevision), mod_revision: String(v.modRevision), version: '1', lease: '0' })
    }
    const limit = Number(req.limit ?? 0)
    const page = limit > 0 ? kvs.slice(0, limit) : kvs
    return {
      header: { cluster_id: '0', member_id: '0', revision: String(this.rev), raft_term: '0' },
      kvs: req.count_only === true ? [] : page,
      more: page.length < kvs.length,
      count: String(kvs.length)
    }
  }

  /** Events with revision >= `from` for keys under `prefix`; throws CompactedError when `from` is compacted away. */
  eventsFrom (prefix: string, from: number): MvccEvent[] {
    if (from < this.compacted) throw new CompactedError(this.compacted)
    // history is in revision order: binary-search the start so idle watchers do not rescan everything per write
    let lo = 0
    let hi = this.history.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.history[mid]?.revision ?? Infinity) < from) lo = mid + 1
      else hi = mid
    }
    const out: MvccEvent[] = []
    for (let i = lo; i < this.history.length; i++) {
      const e = this.history[i]
      if (e !== undefined && e.key.startsWith(prefix)) out.push(e)
    }
    return out
  }

  compact (revision: number): void {
    if (revision > this.rev) throw new FutureRevisionError()
    if (revision <= this.compacted) throw new CompactedError(this.compacted)
    this.compacted = revision
    for (const [key, versions] of this.keys) {
      const keepFrom = versions.findLastIndex(v => v.modRevision <= revision)
      const kept = keepFrom < 0 ? versions : versions.slice(keepFrom)
      if (kept[0]?.value === undefined && kept[0]?.modRevision !== undefined && kept[0].modRevision <= revision) kept.shift()
      if (kept.length === 0) this.keys.delete(key)
      else this.keys.set(key, kept)
    }
    // like etcd, the compaction revision itself stays watchable
    const firstKept = this.history.findIndex(e => e.revision >= revision)
    this.history.splice(0, firstKept < 0 ? this.history.length : firstKept)
  }
}

function compareBytes (a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}
