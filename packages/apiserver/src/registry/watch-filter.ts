import type { KubeObject } from '@kube-ts/api'
import type { StorageEvent } from '../storage/storage.js'
import type { WatchEvent } from './rest.js'
import type { Selection } from './selection.js'
import { deepClone, metaOf } from './object-meta.js'

/**
 * Applies a selection to one storage event with upstream cacher semantics: an object that starts matching is
 * ADDED, one that stops matching is DELETED (carrying its previous state at the new resourceVersion), and events
 * for objects that never matched are dropped.
 */
export function filterEvent (ev: StorageEvent, sel: Selection): WatchEvent | undefined {
  if (ev.type === 'ERROR' || ev.type === 'BOOKMARK') return { type: ev.type, object: ev.object }
  if (sel.empty) return { type: ev.type, object: ev.object }
  const cur = sel.matches(ev.object)
  if (ev.type === 'ADDED' || ev.type === 'DELETED') return cur ? { type: ev.type, object: ev.object } : undefined
  const prev = ev.prevObject === undefined ? cur : sel.matches(ev.prevObject)
  if (cur && prev) return { type: 'MODIFIED', object: ev.object }
  if (cur) return { type: 'ADDED', object: ev.object }
  if (prev && ev.prevObject !== undefined) return { type: 'DELETED', object: atRevision(ev.prevObject, ev.object.metadata.resourceVersion) }
  return undefined
}

/** Synthesized DELETED states by the previous object they copy, so every selector watcher shares one (and its frame). */
const deletedStates = new WeakMap<KubeObject, KubeObject>()

function atRevision (obj: KubeObject, rv: string | undefined): KubeObject {
  const hit = deletedStates.get(obj)
  if (hit !== undefined && hit.metadata.resourceVersion === rv) return hit
  const out = deepClone(obj)
  if (rv !== undefined) metaOf(out).resourceVersion = rv
  deletedStates.set(obj, out)
  return out
}
