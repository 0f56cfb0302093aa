import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { GroupVersionKind, KubeObject } from '../meta/object.js'
import { apiVersionOf } from '../meta/object.js'

/** Anything with (possibly missing) metadata: full objects, read-only cache views, partial patches. */
interface HasMeta { metadata?: { ownerReferences?: readonly OwnerReference[], uid?: string } | undefined }

/** The owner references of `obj`, never undefined. */
export function ownerReferencesOf (obj: HasMeta | undefined | null): readonly OwnerReference[] {
  return obj?.metadata?.ownerReferences ?? []
}

/** The reference marked `controller: true`, if any (validation allows at most one). */
export function getControllerOf (obj: HasMeta | undefined | null): OwnerReference | undefined {
  return ownerReferencesOf(obj).find((r) => r.controller === true)
}

/** Whether `obj`'s controller reference points at `owner`, compared by UID as upstream's `IsControlledBy`. */
export function isControlledBy (obj: HasMeta | undefined | null, owner: HasMeta | undefined | null): boolean {
  const uid = owner?.metadata?.uid
  if (uid === undefined || uid === '') return false
  return getControllerOf(obj)?.uid === uid
}

export function hasOwnerWithUid (obj: HasMeta | undefined | null, uid: string): boolean {
  return uid !== '' && ownerReferencesOf(obj).some((r) => r.uid === uid)
}

/**
 * The reference a controller stamps on what it creates: it controls the dependent, and foreground deletion of
 * the owner waits for it (upstream `metav1.NewControllerRef`). The owner must already have a name and a UID.
 */
export function newControllerRef (owner: KubeObject, gvk: GroupVersionKind): OwnerReference {
  return {
    apiVersion: apiVersionOf(gvk.group, gvk.version),
    kind: gvk.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true
  }
}
