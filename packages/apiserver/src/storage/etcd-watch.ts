import type { Etcd3, IEvent, IKeyValue, IWatchResponse } from 'etcd3'
import { errInternal, type KubeObject } from '@kube-ts/api'
import { decodeObject } from './codec.js'
import { errTooOldResourceVersion } from './key-errors.js'
import { prefixEnd } from './key-range.js'
import type { StorageLogger } from './storage-logger.js'
import type { StorageEvent } from './storage.js'

export interface EtcdWatchParams {
  client: Etcd3
  prefix: string
  fromRevision: number
  signal: AbortSignal
  logger: StorageLogger
  /** Reconnect backoff bounds (ms). */
  minBackoffMs?: number
  maxBackoffMs?: number
}

/**
 * Watches `prefix` from `fromRevision + 1` over a raw etcd watch stream. We do not use etcd3's Watcher: on
 * reconnect it resumes from the response header revision, which can be ahead of the last event actually delivered,
 * and it reports compaction without the compact revision. Here the resume point is always "last delivered event
 * revision + 1", so a lost connection can neither drop nor duplicate events; a resume that lands in compacted
 * history ends the watch with one 410 ERROR event, as does a start revision that is already compacted.
 */
export async function * watchEtcd (p: EtcdWatchParams): AsyncGenerator<StorageEvent> {
  const minBackoff = p.minBackoffMs ?? 100
  const maxBackoff = p.maxBackoffMs ?? 2000
  let next = p.fromRevision + 1
  let backoff = minBackoff
  while (!p.signal.aborted) {
    const stream = await openStream(p.client).catch((err: unknown) => {
      p.logger.warn({ err, prefix: p.prefix }, 'etcd watch stream could not be opened; retrying')
      return undefined
    })
    if (stream !== undefined) {
      const onAbort = (): void => { stream.cancel() }
      p.signal.addEventListener('abort', onAbort, { once: true })
      try {
        // an abort while the stream was opening fired no listener
        if (p.signal.aborted) return
        stream.write({ create_request: { key: Buffer.from(p.prefix), range_end: prefixEnd(p.prefix), start_revision: next, prev_kv: true, progress_notify: true } })
        for await (const res of stream) {
          if (res.created && !res.canceled) { backoff = minBackoff; continue }
          const compacted = Number(res.compact_revision ?? 0)
          if (compacted > 0) {
            yield errorEvent(errTooOldResourceVersion(next - 1, compacted).toStatus(), compacted)
            return
          }
          if (res.canceled) {
            yield errorEvent(errInternal(`etcd canceled the watch: ${res.cancel_reason ?? 'unknown reason'}`).toStatus(), next - 1)
            return
          }
          // a revision is never split across responses, so skip whole revisions already delivered before a reconnect
          const floor = next
          for (const ev of res.events ?? []) {
            const rev = Number(ev.kv.mod_revision)
            if (rev < floor) continue
            const converted = toStorageEvent(ev, rev)
            yield converted
            if (converted.type === 'ERROR') return
            next = Math.max(next, rev + 1)
          }
        }
        if (p.signal.aborted) return
        p.logger.warn({ prefix: p.prefix, resumeFrom: next }, 'etcd watch stream ended; resuming')
      } catch (err) {
        if (p.signal.aborted) return
        p.logger.warn({ err, prefix: p.prefix, resumeFrom: next }, 'etcd watch stream failed; resuming')
      } finally {
        p.signal.removeEventListener('abort', onAbort)
        stream.cancel()
      }
    }
    await sleep(backoff, p.signal)
    backoff = Math.min(maxBackoff, backoff * 2)
  }
}

/** grpc-js duplex streams are Node streams: async-iterable (with backpressure) and cancellable. */
type WatchStream = Awaited<ReturnType<Etcd3['watchClient']['watch']>> & AsyncIterable<IWatchResponse> & { cancel: () => void }

async function openStream (client: Etcd3): Promise<WatchStream> {
  return await client.watchClient.watch() as unknown as WatchStream
}

function toStorageEvent (ev: IEvent, rev: number): StorageEvent {
  const key = ev.kv.key.toString('utf8')
  try {
    if (String(ev.type).toLowerCase() === 'delete') {
      if (ev.prev_kv === undefined || ev.prev_kv === null) {
        return errorEvent(errInternal(`etcd delete event for ${key} at revision ${rev} carries no previous value`).toStatus(), rev)
      }
      return { type: 'DELETED', object: decodeObject(ev.prev_kv.value, rev, key), revision: rev }
    }
    const object = decodeObject(ev.kv.value, rev, key)
    if (isCreate(ev.kv)) return { type: 'ADDED', object, revision: rev }
    const event: StorageEvent = { type: 'MODIFIED', object, revision: rev }
    if (ev.prev_kv !== undefined && ev.prev_kv !== null) event.prevObject = decodeObject(ev.prev_kv.value, ev.prev_kv.mod_revision, key)
    return event
  } catch (err) {
    return errorEvent((err as { toStatus?: () => KubeObject }).toStatus?.() ?? errInternal(String(err)).toStatus(), rev)
  }
}

function isCreate (kv: IKeyValue): boolean {
  return kv.create_revision === kv.mod_revision
}

function errorEvent (status: object, revision: number): StorageEvent {
  return { type: 'ERROR', object: status as KubeObject, revision }
}

async function sleep (ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return
  await new Promise<void>(resolve => {
    const t = setTimeout(done, ms)
    function done (): void { clearTimeout(t); signal.removeEventListener('abort', done); resolve() }
    signal.addEventListener('abort', done, { once: true })
  })
}
