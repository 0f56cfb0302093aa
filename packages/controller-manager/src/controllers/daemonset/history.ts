import type { ControllerRevision } from 'kubernetes-types/apps/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isAlreadyExists, isNotFound } from '@kube-ts/api'
import { resources } from '@kube-ts/client'
import type { KubeClient } from '../../controller-utils/kube-client.js'

/** The label pods and ControllerRevisions carry with the revision's hash (apps/v1 ControllerRevisionHashLabelKey). */
export const controllerRevisionHashLabel = 'controller-revision-hash'

type RRev = DeepReadonly<ControllerRevision>

export interface RevisionOwner {
  metadata?: { name?: string, namespace?: string, uid?: string }
}

/** Revisions sorted by revision number, oldest first (upstream history.SortControllerRevisions). */
export function sortRevisions (revs: readonly RRev[]): RRev[] {
  return [...revs].sort((a, b) => (a.revision - b.revision) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''))
}

export function maxRevision (revs: readonly RRev[]): number {
  return revs.reduce((m, r) => Math.max(m, r.revision), 0)
}

/**
 * Makes sure a ControllerRevision named `<owner>-<hash>` holds `data` and has the highest revision number, as
 * upstream's constructHistory/createRevision: an existing equal revision is bumped (a rollback), a new one is
 * created. Returns the current revision.
 */
export async function ensureRevision (client: KubeClient, o: {
  owner: RevisionOwner
  controllerRef: OwnerReference
  revisions: readonly RRev[]
  hash: string
  data: unknown
  labels: Record<string, string>
  fieldManager: string
  signal?: AbortSignal
}): Promise<ControllerRevision> {
  const api = client.resource<ControllerRevision>(resources.controllerRevisions)
  const namespace = o.owner.metadata?.namespace ?? ''
  const name = `${o.owner.metadata?.name ?? ''}-${o.hash}`
  const top = maxRevision(o.revisions)
  const existing = o.revisions.find(r => r.metadata?.name === name)
  if (existing !== undefined) {
    if (existing.revision === top) return existing as ControllerRevision
    const bumped = structuredClone(existing) as ControllerRevision
    bumped.revision = top + 1
    return await api.update(namespace, bumped, { fieldManager: o.fieldManager, signal: o.signal })
  }
  const rev: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace, labels: { ...o.labels, [controllerRevisionHashLabel]: o.hash }, ownerReferences: [o.controllerRef] },
    data: o.data as ControllerRevision['data'],
    revision: top + 1
  }
  try {
    return await api.create(namespace, rev, { fieldManager: o.fieldManager, signal: o.signal })
  } catch (err) {
    // a revision of that name from an earlier run of ours: reuse it if it is ours
    if (!isAlreadyExists(err)) throw err
    const cur = await api.get(namespace, name, { signal: o.signal })
    if (cur.metadata?.ownerReferences?.some(r => r.uid === o.owner.metadata?.uid) !== true) throw err
    return cur
  }
}

/** Deletes the oldest revisions beyond `limit` that no live pod still uses (upstream cleanupHistory). */
export async function truncateHistory (client: KubeClient, revisions: readonly RRev[], current: string, liveHashes: ReadonlySet<string>, limit: number, signal?: AbortSignal): Promise<void> {
  const old = sortRevisions(revisions).filter(r => r.metadata?.name !== current && !liveHashes.has(r.metadata?.labels?.[controllerRevisionHashLabel] ?? ''))
  const api = client.resource<ControllerRevision>(resources.controllerRevisions)
  for (const r of old.slice(0, Math.max(0, old.length - limit))) {
    try {
      await api.delete(r.metadata?.namespace ?? '', r.metadata?.name ?? '', { signal })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
}
