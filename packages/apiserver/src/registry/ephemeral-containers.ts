import type { KubeObject } from '@kube-ts/api'
import { deepClone, metaOf } from './object-meta.js'

type Obj = Record<string, unknown>

/** Metadata a status-style write cannot change (upstream ResetObjectMetaForStatus). */
const KEPT_META = ['labels', 'annotations', 'finalizers', 'ownerReferences', 'deletionTimestamp', 'generation'] as const

/**
 * A write to `pods/<name>/ephemeralcontainers` changes `spec.ephemeralContainers` and nothing else: spec, status and
 * the status-protected metadata come from the stored pod (upstream's dropNonEphemeralContainerUpdates).
 */
export function keepOnlyEphemeralContainers (old: KubeObject, obj: KubeObject): KubeObject {
  const out = deepClone(obj)
  const spec = deepClone((old.spec ?? {}) as Obj)
  const wanted = (obj.spec as Obj | undefined)?.ephemeralContainers
  if (wanted === undefined || wanted === null) delete spec.ephemeralContainers
  else spec.ephemeralContainers = deepClone(wanted)
  out.spec = spec
  if (old.status === undefined) delete out.status
  else out.status = deepClone(old.status)
  const meta = metaOf(out)
  const oldMeta = metaOf(old)
  for (const key of KEPT_META) {
    if (oldMeta[key] === undefined) delete meta[key]
    else (meta as Obj)[key] = deepClone(oldMeta[key])
  }
  return out
}
