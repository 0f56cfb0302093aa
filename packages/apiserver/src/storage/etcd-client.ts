import { noop } from 'cockatiel'
import { Etcd3 } from 'etcd3'
import { ApiError, errInternal, errServiceUnavailable, errTimeout, errTooLarge } from '@kube-ts/api'

export interface EtcdClientOptions {
  endpoints: string[]
  /** Deadline of every unary call; bounds how long any storage call can hang when etcd is gone. */
  callTimeoutMs?: number
}

export const DEFAULT_CALL_TIMEOUT_MS = 4000

/** grpc channel options for every channel to etcd (etcd3's and the storage's own KV path). */
export const etcdChannelOptions = {
  // detect half-open connections under watches; etcd's keepalive enforcement allows pings every 5 s or more
  'grpc.keepalive_time_ms': 15000,
  'grpc.keepalive_timeout_ms': 5000,
  // reconnect quickly once etcd is back instead of grpc's default backoff of up to 120 s
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1000,
  // a watch catch-up response can carry many large objects; a size cap would make the resume fail forever
  'grpc.max_receive_message_length': 2147483647,
  // channelz bookkeeping (per-call counters and traces for a debug service nobody queries) costs every call
  'grpc.enable_channelz': 0
}

/**
 * An etcd3 client tuned for an apiserver. The library's default fault handling (3 retries plus a 5 s circuit
 * breaker) is switched off: blind retries of a CAS write can double-apply it and turn success into a false
 * Conflict, and an open breaker keeps failing for seconds after etcd is back. Instead every unary call carries a
 * deadline, so calls fail fast with a 5xx while etcd is down and succeed again as soon as it answers; reads that
 * are safe to repeat are retried by the storage itself.
 */
export function createEtcdClient (opts: EtcdClientOptions): Etcd3 {
  const timeout = opts.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS
  return new Etcd3({
    hosts: opts.endpoints,
    dialTimeout: timeout,
    defaultCallOptions: (ctx) => ctx.isStream ? {} : { deadline: Date.now() + timeout },
    faultHandling: { host: () => noop, global: noop },
    grpcOptions: etcdChannelOptions
  })
}

const grpcName = (err: unknown): string => (err as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? ''
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** etcd says a read asked for history that compaction removed. */
export function isCompactedError (err: unknown): boolean {
  return messageOf(err).includes('required revision has been compacted')
}

/** etcd says a read asked for a revision it has not reached. */
export function isFutureRevisionError (err: unknown): boolean {
  return messageOf(err).includes('required revision is a future revision')
}

/**
 * Maps an etcd client failure to the 5xx/413 ApiError clients see. Timeouts are 504 because a write that timed out
 * may or may not have been applied (etcd sends no abort responses); the caller must not claim it failed.
 */
export function toApiError (err: unknown, op: string): ApiError {
  if (err instanceof ApiError || (err as ApiError | undefined)?.name === 'ApiError') return err as ApiError
  const name = grpcName(err)
  const msg = messageOf(err)
  if (name === 'GRPCDeadlineExceededError' || /deadline exceeded|request timed out/i.test(msg)) {
    return errTimeout(`etcd did not answer the ${op} request in time; the outcome of a write is unknown: ${msg}`)
  }
  if (name === 'GRPCUnavailableError' || name === 'ClientClosedError' || name === 'BrokenCircuitError' || name === 'GRPCCancelledError' ||
      /no leader|leader changed|server stopped|unhealthy cluster|No connection established|connect ECONNREFUSED/i.test(msg)) {
    return errServiceUnavailable(`etcd is unavailable (${op}): ${msg}`)
  }
  // etcd refuses requests over --max-request-bytes itself, and bigger ones (over that plus 512 KiB) already in gRPC
  if (msg.includes('request is too large') || msg.includes('received message larger than max')) return errTooLarge('etcdserver: request is too large')
  if (msg.includes('database space exceeded')) return errInternal(`etcd is out of space (${op}): ${msg}`)
  return errInternal(`etcd ${op} failed: ${msg}`)
}
