import { CompareResult, CompareTarget, type Etcd3, type IKeyValue, type IRangeRequest, type IRangeResponse } from 'etcd3'
import { errInternal, type KubeObject } from '@kube-ts/api'
import { decodeObject, encodeObject, jsonEqual, withResourceVersion, withoutResourceVersion } from './codec.js'
import { createEtcdClient, DEFAULT_CALL_TIMEOUT_MS, etcdChannelOptions, isCompactedError, isFutureRevisionError, toApiError } from './etcd-client.js'
import { EtcdKv } from './etcd-kv.js'
import { listPages } from './etcd-list.js'
import { watchEtcd } from './etcd-watch.js'
import { checkKey, errTooLargeResourceVersion, keyConflict, keyExists, keyNotFound } from './key-errors.js'
import { prefixEnd } from './key-range.js'
import { silentLogger, type StorageLogger } from './storage-logger.js'
import type { ListOptions, ListResult, Storage, StorageEvent } from './storage.js'

export interface EtcdStorageOptions {
  endpoints: string[]
  /** Key prefix every key must live under, e.g. `/registry` (upstream `--etcd-prefix`). */
  prefix: string
  logger?: StorageLogger
  /** Deadline of each etcd call (default 4 s): the bound on how long a call can hang while etcd is down. */
  callTimeoutMs?: number
  /** How long a read for a revision etcd has not reached yet waits before 504 (upstream: 3 s). */
  futureRevisionWaitMs?: number
}

/** Upper bound on CAS retries of one guaranteedUpdate (upstream loops forever; a cap turns livelock into 409). */
const MAX_CAS_ATTEMPTS = 50

/** The etcd implementation of `Storage` (upstream `storage/etcd3/store.go`): resourceVersion = mod_revision. */
export class EtcdStorage implements Storage {
  /** Watches and compaction. */
  private readonly client: Etcd3
  /** Reads and writes: the per-request path, kept thin. */
  private readonly kv: EtcdKv
  private readonly prefix: string
  private readonly log: StorageLogger
  private readonly futureWaitMs: number
  /** Aborted by close() so that open watches end instead of reconnecting to a closed client forever. */
  private readonly lifetime = new AbortController()

  constructor (opts: EtcdStorageOptions) {
    this.prefix = opts.prefix.replace(/\/+$/, '')
    this.log = opts.logger ?? silentLogger
    this.futureWaitMs = opts.futureRevisionWaitMs ?? 3000
    const clientOpts: { endpoints: string[], callTimeoutMs?: number } = { endpoints: opts.endpoints }
    if (opts.callTimeoutMs !== undefined) clientOpts.callTimeoutMs = opts.callTimeoutMs
    this.client = createEtcdClient(clientOpts)
    this.kv = new EtcdKv({ endpoints: opts.endpoints, channelOptions: etcdChannelOptions, callTimeoutMs: opts.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS })
  }

  async create (key: string, obj: KubeObject, opts: { dryRun?: boolean } = {}): Promise<KubeObject> {
    checkKey(this.prefix, key)
    const value = encodeObject(obj)
    if (opts.dryRun === true) {
      if (await this.readKv(key, 'create') !== undefined) throw keyExists(this.prefix, key)
      return withoutResourceVersion(decodeObject(value, 0, key))
    }
    const res = await this.call('create', async () => await this.kv.txn({
      compare: [{ key: Buffer.from(key), target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }],
      success: [{ request_put: { key: Buffer.from(key), value: Buffer.from(value) } }],
      failure: []
    }))
    if (!res.succeeded) throw keyExists(this.prefix, key)
    // the caller hands obj over (Storage.create); parsing back what was just serialised would only copy it
    return withResourceVersion(obj, Number(res.header.revision))
  }

  async get (key: string): Promise<KubeObject | undefined> {
    checkKey(this.prefix, key)
    const kv = await this.readKv(key, 'get')
    return kv === undefined ? undefined : decodeObject(kv.value, kv.mod_revision, key)
  }

  async list (prefix: string, opts: ListOptions): Promise<ListResult> {
    checkKey(this.prefix, prefix)
    if (!prefix.endsWith('/')) throw errInternal(`list prefix ${JSON.stringify(prefix)} must end with "/"`)
    return await listPages(prefix, opts, async (req) => await this.range(req, 'list'))
  }

  async guaranteedUpdate (
    key: string,
    tryUpdate: (current: KubeObject | undefined) => KubeObject | undefined | Promise<KubeObject | undefined>,
    opts: { dryRun?: boolean, expectedRevision?: number } = {}
  ): Promise<{ object: KubeObject, written: boolean }> {
    checkKey(this.prefix, key)
    let current = await this.readKv(key, 'update')
    if (opts.expectedRevision !== undefined) {
      if (current === undefined) throw keyNotFound(this.prefix, key)
      if (Number(current.mod_revision) !== opts.expectedRevision) throw keyConflict(this.prefix, key)
    }
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const currentObj = current === undefined ? undefined : decodeObject(current.value, current.mod_revision, key)
      const desired = await tryUpdate(currentObj)
      if (desired === undefined) {
        if (current === undefined) throw keyNotFound(this.prefix, key)
        return { object: decodeObject(current.value, current.mod_revision, key), written: false }
      }
      const value = encodeObject(desired)
      if (current !== undefined && jsonEqual(JSON.parse(value), JSON.parse(current.value.toString('utf8')))) {
        // upstream: an identical update keeps the resourceVersion and emits no watch event
        return { object: decodeObject(current.value, current.mod_revision, key), written: false }
      }
      if (opts.dryRun === true) {
        const obj = decodeObject(value, current?.mod_revision ?? 0, key)
        return { object: current === undefined ? withoutResourceVersion(obj) : obj, written: true }
      }
      const cmp = current === undefined
        ? { key: Buffer.from(key), target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }
        : { key: Buffer.from(key), target: CompareTarget.Mod, result: CompareResult.Equal, mod_revision: current.mod_revision }
      const res = await this.call('update', async () => await this.kv.txn({
        compare: [cmp],
        success: [{ request_put: { key: Buffer.from(key), value: Buffer.from(value) } }],
        // on a lost race read the fresh state in the same round trip
        failure: [{ request_range: { key: Buffer.from(key) } }]
      }))
      if (res.succeeded) return { object: decodeObject(value, res.header.revision, key), written: true }
      if (opts.expectedRevision !== undefined) throw keyConflict(this.prefix, key)
      current = res.responses[0]?.response_range?.kvs[0]
      this.log.debug({ key, attempt }, 'guaranteed update lost a CAS race; retrying with fresh state')
    }
    throw keyConflict(this.prefix, key)
  }

  async delete (key: string, opts: { expectedRevision?: number, dryRun?: boolean } = {}): Promise<KubeObject> {
    checkKey(this.prefix, key)
    if (opts.dryRun === true) {
      const kv = await this.readKv(key, 'delete')
      if (kv === undefined) throw keyNotFound(this.prefix, key)
      if (opts.expectedRevision !== undefined && Number(kv.mod_revision) !== opts.expectedRevision) throw keyConflict(this.prefix, key)
      return decodeObject(kv.value, kv.mod_revision, key)
    }
    const del = { request_delete_range: { key: Buffer.from(key), prev_kv: true } }
    const res = await this.call('delete', async () => await this.kv.txn(opts.expectedRevision === undefined
      ? { compare: [], success: [del], failure: [] }
      : {
          compare: [{ key: Buffer.from(key), target: CompareTarget.Mod, result: CompareResult.Equal, mod_revision: opts.expectedRevision }],
          success: [del],
          failure: [{ request_range: { key: Buffer.from(key) } }]
        }))
    if (!res.succeeded) {
      if ((res.responses[0]?.response_range?.kvs.length ?? 0) === 0) throw keyNotFound(this.prefix, key)
      throw keyConflict(this.prefix, key)
    }
    const prev = res.responses[0]?.response_delete_range?.prev_kvs[0]
    if (prev === undefined) throw keyNotFound(this.prefix, key)
    return decodeObject(prev.value, res.header.revision, key)
  }

  watch (prefix: string, fromRevision: number, signal: AbortSignal): AsyncIterable<StorageEvent> {
    checkKey(this.prefix, prefix)
    return watchEtcd({ client: this.client, prefix, fromRevision, signal: AbortSignal.any([signal, this.lifetime.signal]), logger: this.log })
  }

  async count (prefix: string): Promise<number> {
    checkKey(this.prefix, prefix)
    const res = await this.range({ key: Buffer.from(prefix), range_end: prefixEnd(prefix), count_only: true }, 'count')
    return Number(res.count)
  }

  async currentRevision (): Promise<number> {
    const res = await this.range({ key: Buffer.from(this.prefix), count_only: true }, 'currentRevision')
    return Number(res.header.revision)
  }

  async compact (revision: number): Promise<void> {
    try {
      await this.client.kv.compact({ revision, physical: false })
    } catch (err) {
      if (isCompactedError(err)) return // someone already compacted at or past this revision
      throw toApiError(err, 'compact')
    }
  }

  async healthy (): Promise<boolean> {
    try {
      await this.kv.range({ key: Buffer.from(`${this.prefix}/healthz`), count_only: true }, 2000)
      return true
    } catch {
      return false
    }
  }

  async close (): Promise<void> {
    this.lifetime.abort()
    this.kv.close()
    this.client.close()
  }

  private async readKv (key: string, op: string): Promise<IKeyValue | undefined> {
    const res = await this.range({ key: Buffer.from(key) }, op)
    return res.kvs[0]
  }

  /**
   * A linearizable range read. Reads are idempotent, so one retry smooths over a connection that broke while
   * etcd was restarting; a revision etcd has not reached yet is waited for briefly (then 504), as upstream does.
   */
  private async range (req: IRangeRequest, op: string): Promise<IRangeResponse> {
    const deadline = Date.now() + this.futureWaitMs
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.kv.range(req)
      } catch (err) {
        if (isFutureRevisionError(err)) {
          if (Date.now() < deadline) { await sleep(100); continue }
          throw errTooLargeResourceVersion(Number(req.revision), await this.currentRevision())
        }
        const apiErr = toApiError(err, op)
        if (apiErr.code !== 503 || attempt >= 1) throw isCompactedError(err) ? err : apiErr
        await sleep(200)
      }
    }
  }

  private async call<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      throw toApiError(err, op)
    }
  }
}

async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}
