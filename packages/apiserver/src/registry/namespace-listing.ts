import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { listPrefix } from './keys.js'

/** How long a namespace's listing answers admission; a write of the kind through this server drops it at once. */
const LISTING_TTL_MS = 1000

/**
 * A short-lived per-namespace listing of one kind that admission plugins read on every create (LimitRanges,
 * ResourceQuotas), so a namespace without any costs no storage read per request. After a write of the kind the
 * namespace is not cached until the write has surely landed, so an object written a moment ago is always seen.
 */
export class NamespaceListing {
  private readonly listings = new Map<string, { items: KubeObject[], until: number }>()
  private readonly uncachedUntil = new Map<string, number>()

  constructor (private readonly storage: Storage, private readonly prefix: string, private readonly schema: ResourceSchema | undefined, private readonly now: () => number) {}

  async items (namespace: string): Promise<KubeObject[]> {
    const hit = this.listings.get(namespace)
    const now = this.now()
    if (hit !== undefined && hit.until > now) return hit.items
    if (this.schema === undefined) return []
    const res = await this.storage.list(listPrefix(this.prefix, this.schema, namespace), {})
    if (now >= (this.uncachedUntil.get(namespace) ?? 0)) {
      this.uncachedUntil.delete(namespace)
      this.listings.set(namespace, { items: res.items, until: now + LISTING_TTL_MS })
    }
    return res.items
  }

  /** Called before a write of `schema` in `namespace` goes to storage. */
  noteWrite (schema: ResourceSchema, namespace: string): void {
    if (this.schema === undefined || schema.group !== this.schema.group || schema.plural !== this.schema.plural) return
    this.listings.delete(namespace)
    this.uncachedUntil.set(namespace, this.now() + LISTING_TTL_MS)
  }
}
