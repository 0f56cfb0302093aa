import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly, Selector } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import type { ResourceApi } from './kube-client.js'

interface Owned { metadata?: { name?: string, namespace?: string, uid?: string, deletionTimestamp?: string | null, ownerReferences?: ReadonlyArray<DeepReadonly<OwnerReference>>, labels?: Readonly<Record<string, string>> } }

export interface ClaimDeps<T extends Owned> {
  /** The controller's own object. */
  owner: Owned
  /** The controller reference to put on adopted objects. */
  controllerRef: OwnerReference
  selector: Selector
  /**
   * Re-reads the owner from the API (not the cache) before the first adoption, as upstream's
   * RecheckDeletionTimestamp: a deleted or replaced owner must not adopt anything.
   */
  recheckOwner: () => Promise<Owned | undefined>
  /** Writes a merge patch to one object. */
  patch: (obj: DeepReadonly<T>, patch: unknown) => Promise<void>
}

/**
 * Upstream's ControllerRefManager.ClaimObjects: returns the objects this owner controls after adopting orphans
 * matching the selector and releasing owned objects that stopped matching. Objects controlled by someone else
 * are left alone. Patches carry the object's uid so a recreated object of the same name is never touched.
 */
export async function claimObjects<T extends Owned> (objs: ReadonlyArray<DeepReadonly<T>>, deps: ClaimDeps<T>): Promise<Array<DeepReadonly<T>>> {
  const ownerUid = deps.owner.metadata?.uid
  const ownerDeleting = deps.owner.metadata?.deletionTimestamp != null
  let canAdopt: Promise<boolean> | undefined
  const claimed: Array<DeepReadonly<T>> = []
  const errors: unknown[] = []
  await Promise.all(objs.map(async (obj) => {
    const o = obj as Owned
    const refs = o.metadata?.ownerReferences ?? []
    const ctrl = refs.find(r => r.controller === true)
    const matches = deps.selector.matches(o.metadata?.labels as Record<string, string> | undefined)
    try {
      if (ctrl !== undefined) {
        if (ctrl.uid !== ownerUid) return
        if (matches) { claimed.push(obj); return }
        if (ownerDeleting) return
        await deps.patch(obj, { metadata: { uid: o.metadata?.uid, ownerReferences: refs.filter(r => r.uid !== ownerUid) } })
        return
      }
      if (!matches || ownerDeleting || o.metadata?.deletionTimestamp != null) return
      canAdopt ??= recheck(deps)
      if (!await canAdopt) return
      await deps.patch(obj, { metadata: { uid: o.metadata?.uid, ownerReferences: [...refs, deps.controllerRef] } })
      claimed.push(obj)
    } catch (err) {
      // the object vanished meanwhile: nothing to adopt or release
      if (!isNotFound(err)) errors.push(err)
    }
  }))
  if (errors.length > 0) throw errors[0]
  return claimed
}

async function recheck<T extends Owned> (deps: ClaimDeps<T>): Promise<boolean> {
  const fresh = await deps.recheckOwner()
  return fresh !== undefined && fresh.metadata?.uid === deps.owner.metadata?.uid && fresh.metadata?.deletionTimestamp == null
}

/** A `recheckOwner` that reads the owner from the API; a deleted owner reads as undefined. */
export function ownerFromApi<T> (api: ResourceApi<T>, namespace: string, name: string, signal?: AbortSignal): () => Promise<Owned | undefined> {
  return async () => {
    try {
      return await api.get(namespace, name, { signal }) as Owned
    } catch (err) {
      if (isNotFound(err)) return undefined
      throw err
    }
  }
}
