import type { Clock } from '@kube-ts/client'

/** Upstream ExpectationsTimeout: after this, a controller stops waiting for the watch to confirm its writes. */
export const expectationsTimeoutMs = 5 * 60 * 1000

interface Record { add: number, del: number, deleting: Set<string>, at: number }

/**
 * In-flight create/delete tracking per controller key (upstream ControllerExpectations combined with
 * UIDTrackingControllerExpectations): a sync that created N pods waits until the informer has seen N adds before
 * it counts pods again, so nothing is created twice. Deletions are tracked by pod key, so a pod observed deleted
 * twice (update with deletionTimestamp, then the delete) lowers the count once. Records expire after 5 minutes so
 * a lost watch event cannot wedge a controller.
 */
export class ControllerExpectations {
  private readonly records = new Map<string, Record>()

  constructor (private readonly clock: Clock, private readonly ttlMs = expectationsTimeoutMs) {}

  /** True when the key has nothing outstanding, has no record, or its record expired. */
  satisfied (key: string): boolean {
    const r = this.records.get(key)
    if (r === undefined) return true
    if (r.add <= 0 && r.del <= 0) return true
    return this.clock.now() - r.at > this.ttlMs
  }

  expectCreations (key: string, n: number): void {
    this.records.set(key, { add: n, del: 0, deleting: new Set(), at: this.clock.now() })
  }

  /** Expects these pods (by `namespace/name`) to disappear. */
  expectDeletions (key: string, podKeys: readonly string[]): void {
    this.records.set(key, { add: 0, del: podKeys.length, deleting: new Set(podKeys), at: this.clock.now() })
  }

  creationObserved (key: string): void {
    const r = this.records.get(key)
    if (r !== undefined) r.add--
  }

  /** A create that failed will never be observed; lower the count for it. */
  creationFailed (key: string, n = 1): void {
    const r = this.records.get(key)
    if (r !== undefined) r.add -= n
  }

  /** Lowers the delete count once per expected pod. */
  deletionObserved (key: string, podKey: string): void {
    const r = this.records.get(key)
    if (r === undefined || !r.deleting.delete(podKey)) return
    r.del--
  }

  delete (key: string): void {
    this.records.delete(key)
  }

  /** Outstanding counts (for logs and tests). */
  pending (key: string): { add: number, del: number } | undefined {
    const r = this.records.get(key)
    return r === undefined ? undefined : { add: r.add, del: r.del }
  }
}
