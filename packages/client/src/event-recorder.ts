import type { Event, ObjectReference } from 'kubernetes-types/core/v1.js'
import { isNotFound } from '@kube-ts/api'
import { systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { noopLogger } from './logger.js'
import type { Logger } from './logger.js'
import { formatTime } from './micro-time.js'
import type { ResourceClient } from './resource-client.js'
import { isNamespaceTerminating } from './http-errors.js'

/** The Event verbs the recorder uses; `client.resource<Event>(resources.events)` satisfies it. */
export type EventApi = Pick<ResourceClient<Event>, 'create' | 'patch'>

export interface EventRecorderOptions {
  client: EventApi
  /** `source.component` and `reportingComponent` (`kube-scheduler`, `replicaset-controller`). */
  component: string
  /** `source.host` / `reportingInstance` (the kubelet's node name). */
  host?: string
  clock?: Clock
  logger?: Logger
  /** How many distinct events to remember for aggregation (upstream's LRU is 4096). */
  cacheSize?: number
}

interface Involved {
  apiVersion?: string
  kind?: string
  metadata?: { name?: string, namespace?: string, uid?: string, resourceVersion?: string }
}

interface Seen { name: string, namespace: string, count: number, firstTimestamp: string }

/**
 * Writes core/v1 Events about objects (client-go's EventRecorder + a simple correlator): a repeat of the same
 * object/type/reason/message patches `count` and `lastTimestamp` on the existing Event instead of creating
 * another. Never throws into callers; failures are logged. Writes are queued in order; `flush()` awaits them.
 */
export class EventRecorder {
  private readonly clock: Clock
  private readonly log: Logger
  private readonly seen = new Map<string, Seen>()
  private readonly cacheSize: number
  private tail: Promise<void> = Promise.resolve()
  private lastNanos = 0n

  constructor (private readonly o: EventRecorderOptions) {
    this.clock = o.clock ?? systemClock
    this.log = (o.logger ?? noopLogger).child({ eventRecorder: o.component })
    this.cacheSize = o.cacheSize ?? 4096
  }

  normal (obj: Involved, reason: string, message: string): void {
    this.record(obj, 'Normal', reason, message)
  }

  warning (obj: Involved, reason: string, message: string): void {
    this.record(obj, 'Warning', reason, message)
  }

  /** Resolves when every event recorded so far has been written (or has failed and been logged). */
  async flush (): Promise<void> {
    await this.tail
  }

  private record (obj: Involved, type: 'Normal' | 'Warning', reason: string, message: string): void {
    let ref: ObjectReference
    try {
      ref = referenceTo(obj)
    } catch (err) {
      this.log.warn({ err, reason }, 'cannot record event for an object without a name')
      return
    }
    const now = formatTime(this.clock.now())
    const nanos = this.uniqueNanos()
    this.tail = this.tail.then(async () => { await this.write(ref, type, reason, message, now, nanos) }).catch((err: unknown) => {
      const fields = { err, reason, object: `${ref.namespace ?? ''}/${ref.name ?? ''}` }
      // events about objects in a namespace being deleted are expected to bounce (upstream logs them at V(5))
      if (isNamespaceTerminating(err)) this.log.debug(fields, 'event not recorded: namespace is terminating')
      else this.log.warn(fields, 'failed to record event')
    })
  }

  private async write (ref: ObjectReference, type: string, reason: string, message: string, now: string, nanos: bigint): Promise<void> {
    const key = JSON.stringify([ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, type, reason, message])
    const prev = this.seen.get(key)
    if (prev !== undefined) {
      try {
        await this.o.client.patch(prev.namespace, prev.name, 'merge', { count: prev.count + 1, lastTimestamp: now, message })
        prev.count++
        this.touch(key, prev)
        return
      } catch (err) {
        if (!isNotFound(err)) throw err
        // the aggregated Event was deleted (TTL): start a fresh one
        this.seen.delete(key)
      }
    }
    // Cluster-scoped objects (Nodes) get their events in "default", as upstream.
    const namespace = ref.namespace !== undefined && ref.namespace !== '' ? ref.namespace : 'default'
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name ?? ''}.${nanos.toString(16)}`, namespace },
      involvedObject: ref,
      reason,
      message,
      type,
      source: this.o.host !== undefined ? { component: this.o.component, host: this.o.host } : { component: this.o.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: this.o.component,
      reportingInstance: this.o.host ?? ''
    }
    const created = await this.o.client.create(namespace, event)
    this.touch(key, { name: created.metadata?.name ?? event.metadata.name ?? '', namespace, count: 1, firstTimestamp: now })
  }

  private touch (key: string, s: Seen): void {
    this.seen.delete(key)
    this.seen.set(key, s)
    if (this.seen.size > this.cacheSize) {
      const oldest = this.seen.keys().next().value
      if (oldest !== undefined) this.seen.delete(oldest)
    }
  }

  /** Event names are `<object>.<hex unix nanos>`; bump by one so two events in the same ms never collide. */
  private uniqueNanos (): bigint {
    let n = BigInt(Math.floor(this.clock.now())) * 1_000_000n
    if (n <= this.lastNanos) n = this.lastNanos + 1n
    this.lastNanos = n
    return n
  }
}

/** An ObjectReference to `obj` (kind/apiVersion from the object itself, as GetReference does). */
export function referenceTo (obj: Involved): ObjectReference {
  const name = obj.metadata?.name
  if (name === undefined || name === '') throw new Error('object has no metadata.name')
  const ref: ObjectReference = { kind: obj.kind, name }
  if (obj.apiVersion !== undefined) ref.apiVersion = obj.apiVersion
  if (obj.metadata?.namespace !== undefined && obj.metadata.namespace !== '') ref.namespace = obj.metadata.namespace
  if (obj.metadata?.uid !== undefined) ref.uid = obj.metadata.uid
  if (obj.metadata?.resourceVersion !== undefined) ref.resourceVersion = obj.metadata.resourceVersion
  return ref
}
