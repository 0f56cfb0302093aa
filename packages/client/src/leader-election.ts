import type { Lease } from 'kubernetes-types/coordination/v1.js'
import { isAlreadyExists, isConflict, isNotFound } from '@kube-ts/api'
import { sleep, systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { noopLogger } from './logger.js'
import type { Logger } from './logger.js'
import { formatMicroTime, parseTime } from './micro-time.js'
import type { ResourceClient } from './resource-client.js'

/** The Lease verbs leader election uses; `client.resource<Lease>(resources.leases)` satisfies it. */
export type LeaseApi = Pick<ResourceClient<Lease>, 'get' | 'create' | 'update'>

export interface LeaderElectionOptions {
  client: LeaseApi
  namespace: string
  name: string
  /** Unique per process, e.g. `<hostname>_<uuid>` as upstream. */
  identity: string
  leaseDurationMs?: number
  renewDeadlineMs?: number
  retryPeriodMs?: number
  /** Runs while we lead; its signal aborts when leadership ends. Must honour the signal: we await it. */
  onStartedLeading: (signal: AbortSignal) => Promise<void> | void
  onStoppedLeading: () => void
  onNewLeader?: (identity: string) => void
  /** Give the lease up (holder cleared) when `signal` aborts while leading, so a successor need not wait. */
  releaseOnCancel?: boolean
  clock?: Clock
  signal: AbortSignal
  logger?: Logger
  random?: () => number
}

export type LeaderElectionResult = 'lost' | 'canceled'

const jitterFactor = 1.2

/**
 * client-go leader election on a coordination.k8s.io/v1 Lease. Every write is conditioned on the Lease's
 * resourceVersion (reliability.md 2.2 fencing): two candidates can never both succeed in the same round. Resolves
 * 'lost' when renewals fail for `renewDeadlineMs` (the daemon should then exit non-zero) or 'canceled' on abort.
 * `onStoppedLeading` is always called on return, as upstream does.
 */
export async function runLeaderElection (opts: LeaderElectionOptions): Promise<LeaderElectionResult> {
  const elector = new LeaderElector(opts)
  try {
    return await elector.run()
  } finally {
    opts.onStoppedLeading()
  }
}

class LeaderElector {
  private readonly leaseMs: number
  private readonly renewMs: number
  private readonly retryMs: number
  private readonly clock: Clock
  private readonly log: Logger
  private readonly random: () => number
  private observed: Lease | undefined
  private observedAt = 0
  private reportedLeader: string | undefined

  constructor (private readonly o: LeaderElectionOptions) {
    this.leaseMs = o.leaseDurationMs ?? 15_000
    this.renewMs = o.renewDeadlineMs ?? 10_000
    this.retryMs = o.retryPeriodMs ?? 2_000
    if (this.leaseMs <= this.renewMs) throw new Error('leaseDuration must be greater than renewDeadline')
    if (this.renewMs <= this.retryMs * jitterFactor) throw new Error('renewDeadline must be greater than retryPeriod*1.2')
    this.clock = o.clock ?? systemClock
    this.log = (o.logger ?? noopLogger).child({ lease: `${o.namespace}/${o.name}`, identity: o.identity })
    this.random = o.random ?? Math.random
  }

  async run (): Promise<LeaderElectionResult> {
    if (!await this.acquire()) return 'canceled'
    const leading = new AbortController()
    const stopLeading = (): void => leading.abort(this.o.signal.reason)
    this.o.signal.addEventListener('abort', stopLeading, { once: true })
    const work = Promise.resolve().then(async () => await this.o.onStartedLeading(leading.signal)).catch((err: unknown) => {
      this.log.error({ err }, 'onStartedLeading failed')
    })
    let result: LeaderElectionResult
    try {
      result = await this.renewLoop()
    } finally {
      this.o.signal.removeEventListener('abort', stopLeading)
      leading.abort(new DOMException('leadership ended', 'AbortError'))
    }
    await work
    if (result === 'canceled' && this.o.releaseOnCancel === true) await this.release()
    return result
  }

  /** Retries every retryPeriod (jittered) until we hold the lease; false if canceled first. */
  private async acquire (): Promise<boolean> {
    this.log.info('attempting to acquire leader lease')
    while (!this.o.signal.aborted) {
      if (await this.tryAcquireOrRenew()) {
        this.log.info('successfully acquired lease')
        return true
      }
      try {
        await sleep(this.clock, this.retryMs * (1 + this.random() * (jitterFactor - 1)), this.o.signal)
      } catch {
        return false
      }
    }
    return false
  }

  /** Renews every retryPeriod; gives up when no renewal succeeds within renewDeadline. */
  private async renewLoop (): Promise<LeaderElectionResult> {
    for (;;) {
      try {
        await sleep(this.clock, this.retryMs, this.o.signal)
      } catch {
        return 'canceled'
      }
      const deadline = this.clock.now() + this.renewMs
      let renewed = false
      while (!renewed && this.clock.now() < deadline) {
        renewed = await this.tryAcquireOrRenew()
        if (renewed) break
        try {
          await sleep(this.clock, Math.min(this.retryMs, Math.max(0, deadline - this.clock.now())), this.o.signal)
        } catch {
          return 'canceled'
        }
      }
      if (this.o.signal.aborted) return 'canceled'
      if (!renewed) {
        this.log.error('failed to renew lease before the renew deadline, leaderelection lost')
        return 'lost'
      }
    }
  }

  private async tryAcquireOrRenew (): Promise<boolean> {
    const now = this.clock.now()
    const nowText = formatMicroTime(now)
    let current: Lease
    try {
      current = await this.o.client.get(this.o.namespace, this.o.name, { signal: this.o.signal })
    } catch (err) {
      if (!isNotFound(err)) {
        this.log.warn({ err }, 'error retrieving lease')
        return false
      }
      return await this.create(nowText)
    }
    const spec = current.spec ?? {}
    this.observe(current, now)
    const holder = spec.holderIdentity ?? ''
    const iAmHolder = holder === this.o.identity
    if (holder !== '' && !iAmHolder && this.observedAt + (spec.leaseDurationSeconds ?? this.leaseMs / 1000) * 1000 > now) {
      this.log.debug({ holder }, 'lease is held by another candidate and has not yet expired')
      return false
    }
    const next: Lease = {
      ...current,
      spec: {
        ...spec,
        holderIdentity: this.o.identity,
        leaseDurationSeconds: Math.round(this.leaseMs / 1000),
        renewTime: nowText,
        acquireTime: iAmHolder ? (spec.acquireTime ?? nowText) : nowText,
        leaseTransitions: iAmHolder ? (spec.leaseTransitions ?? 0) : (spec.leaseTransitions ?? 0) + 1
      }
    }
    try {
      // `current` carries metadata.resourceVersion, so this update is a compare-and-swap.
      const written = await this.o.client.update(this.o.namespace, next, { signal: this.o.signal })
      this.observe(written, now)
      return true
    } catch (err) {
      if (!isConflict(err)) this.log.warn({ err }, 'failed to update lease')
      return false
    }
  }

  private async create (nowText: string): Promise<boolean> {
    const lease: Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: this.o.name, namespace: this.o.namespace },
      spec: { holderIdentity: this.o.identity, leaseDurationSeconds: Math.round(this.leaseMs / 1000), acquireTime: nowText, renewTime: nowText, leaseTransitions: 0 }
    }
    try {
      const created = await this.o.client.create(this.o.namespace, lease, { signal: this.o.signal })
      this.observe(created, this.clock.now())
      return true
    } catch (err) {
      if (!isAlreadyExists(err)) this.log.warn({ err }, 'failed to create lease')
      return false
    }
  }

  /** Tracks when the record last changed, on our clock (never trusting the holder's timestamps). */
  private observe (lease: Lease, now: number): void {
    const s = lease.spec ?? {}
    const o = this.observed?.spec ?? {}
    if (this.observed === undefined || s.holderIdentity !== o.holderIdentity || s.renewTime !== o.renewTime || s.acquireTime !== o.acquireTime) {
      this.observed = lease
      this.observedAt = now
    }
    const holder = s.holderIdentity ?? ''
    if (holder !== '' && holder !== this.reportedLeader) {
      this.reportedLeader = holder
      this.log.info({ leader: holder }, 'new leader elected')
      this.o.onNewLeader?.(holder)
    }
  }

  /** Clears the holder so another candidate can take over at once (client-go's release()). */
  private async release (): Promise<void> {
    const lease = this.observed
    if (lease?.spec?.holderIdentity !== this.o.identity) return
    const nowText = formatMicroTime(this.clock.now())
    const released: Lease = { ...lease, spec: { ...lease.spec, holderIdentity: undefined, leaseDurationSeconds: 1, renewTime: nowText, acquireTime: nowText } }
    delete released.spec?.holderIdentity
    try {
      await this.o.client.update(this.o.namespace, released)
      this.log.info('released leader lease')
    } catch (err) {
      this.log.warn({ err }, 'failed to release lease')
    }
  }
}

/** When `lease` stops being valid, by its own timestamps (for observers such as health checks). */
export function leaseExpiresAt (lease: Lease): number {
  return parseTime(lease.spec?.renewTime) + (lease.spec?.leaseDurationSeconds ?? 0) * 1000
}
