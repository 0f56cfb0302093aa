import { ApiError, errNotFound, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'

/** How long an Active namespace is trusted without a storage read (this registry's own namespace writes invalidate it). */
const ACTIVE_TTL_MS = 5000

/** Namespaces the apiserver keeps for itself (upstream's default `immortalNamespaces`). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

/**
 * The NamespaceLifecycle admission check on create: a namespaced object may only be created in a namespace that
 * exists and is not terminating. Like upstream's lister plus live lookup, a namespace seen Active recently is
 * trusted for a few seconds; anything else (missing, terminating, unknown) is read from storage with a quorum read.
 */
export class NamespaceLifecycle {
  private readonly active = new Map<string, number>()

  constructor (private readonly storage: Storage, private readonly prefix: string, private readonly now: () => number = Date.now) {}

  async admitCreate (schema: ResourceSchema, namespace: string, name: string): Promise<void> {
    if (!schema.namespaced) return
    const until = this.active.get(namespace)
    if (until !== undefined && until > this.now()) return
    const ns = await this.storage.get(`${this.prefix}/namespaces/${namespace}`)
    if (ns === undefined) {
      this.active.delete(namespace)
      throw errNotFound({ group: '', resource: 'namespaces' }, namespace)
    }
    const phase = (ns.status as { phase?: string } | undefined)?.phase
    if (phase === 'Terminating' || ns.metadata.deletionTimestamp !== undefined) {
      this.active.delete(namespace)
      throw errNamespaceTerminating(schema, namespace, name)
    }
    this.active.set(namespace, this.now() + ACTIVE_TTL_MS)
  }

  /** Upstream's immortal namespaces cannot be deleted (NamespaceLifecycle admission on delete). */
  admitDelete (schema: ResourceSchema, name: string): void {
    if (schema.group !== '' || schema.plural !== 'namespaces' || !IMMORTAL_NAMESPACES.includes(name)) return
    throw new ApiError(403, 'Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' })
  }

  /** Called for every write to a namespace through this registry, so its own deletes are seen at once. */
  forget (namespace: string): void {
    this.active.delete(namespace)
  }
}

/** Upstream admission.NewForbidden with the NamespaceTerminating cause. */
export function errNamespaceTerminating (schema: ResourceSchema, namespace: string, name: string): ApiError {
  const resource = schema.group === '' ? schema.plural : `${schema.plural}.${schema.group}`
  const why = `unable to create new content in namespace ${namespace} because it is being terminated`
  const message = name === '' ? `${resource} is forbidden: ${why}` : `${resource} "${name}" is forbidden: ${why}`
  const details = {
    name,
    kind: schema.plural,
    ...(schema.group !== '' ? { group: schema.group } : {}),
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }]
  }
  return new ApiError(403, 'Forbidden', message, details)
}
