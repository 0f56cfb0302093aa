import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

type RSlice = DeepReadonly<EndpointSlice>

const rvNumber = (rv: string | undefined): number => (rv === undefined || rv === '' ? 0 : Number(rv))

/**
 * Remembers what this controller last wrote per slice (upstream endpointSliceTracker), so a sync that sees a cache
 * older than its own writes waits for the informer instead of creating duplicates or undoing an update.
 */
export class SliceTracker {
  // service key -> slice name -> resourceVersion we wrote, or 'deleted'
  private readonly written = new Map<string, Map<string, string>>()

  recordWrite (serviceKey: string, slice: EndpointSlice): void {
    this.forService(serviceKey).set(slice.metadata?.name ?? '', slice.metadata?.resourceVersion ?? '')
  }

  recordDelete (serviceKey: string, name: string): void {
    this.forService(serviceKey).set(name, 'deleted')
  }

  /** True when the cached slices already reflect every write this controller made for the service. */
  cacheIsCurrent (serviceKey: string, cached: readonly RSlice[]): boolean {
    const mine = this.written.get(serviceKey)
    if (mine === undefined) return true
    const byName = new Map(cached.map((s) => [s.metadata?.name ?? '', s]))
    for (const [name, rv] of mine) {
      const c = byName.get(name)
      if (rv === 'deleted') {
        if (c === undefined) mine.delete(name)
        continue
      }
      if (c !== undefined && rvNumber(c.metadata?.resourceVersion) >= rvNumber(rv)) mine.delete(name)
    }
    if (mine.size === 0) this.written.delete(serviceKey)
    return !this.written.has(serviceKey)
  }

  /** Forgets a service (deleted) so the map does not grow. */
  forget (serviceKey: string): void { this.written.delete(serviceKey) }

  /** Slice deleted by someone else (or GC): nothing to wait for any more. */
  sliceGone (serviceKey: string, name: string): void {
    const mine = this.written.get(serviceKey)
    if (mine?.get(name) === 'deleted') mine.delete(name)
  }

  private forService (key: string): Map<string, string> {
    let m = this.written.get(key)
    if (m === undefined) this.written.set(key, m = new Map())
    return m
  }
}
