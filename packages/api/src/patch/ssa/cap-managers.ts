import { managerIdentity, type ManagerEntry } from './managed-fields.js'

/** Upstream's `DefaultMaxUpdateManagers`. */
export const maxUpdateManagers = 10
export const ancientChangesManager = 'ancient-changes'

function seconds (t: string | undefined): number {
  const ms = t === undefined ? NaN : Date.parse(t)
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000)
}

/**
 * Keeps at most `max` Update entries (capmanagers.go): the oldest are folded, per apiVersion, into an
 * `ancient-changes` entry that takes the time of the newest entry folded in. An entry whose apiVersion is seen only
 * once among the oldest stays as it is. Apply entries are never capped.
 */
export function capUpdateManagers (entries: ManagerEntry[], max = maxUpdateManagers): ManagerEntry[] {
  const updaters = entries.filter(e => e.operation === 'Update')
  if (updaters.length <= max) return entries
  updaters.sort((a, b) => seconds(a.time) - seconds(b.time) || (managerIdentity(a) < managerIdentity(b) ? -1 : 1))
  let work = [...entries]
  const firstByVersion = new Map<string, ManagerEntry>()
  let length = updaters.length
  for (const e of updaters) {
    if (length <= max) break
    const first = firstByVersion.get(e.apiVersion)
    if (first === undefined) {
      firstByVersion.set(e.apiVersion, e)
      continue
    }
    const isBucket = (x: ManagerEntry): boolean => x.operation === 'Update' && x.manager === ancientChangesManager && x.apiVersion === e.apiVersion
    let bucket = work.find(isBucket)
    if (bucket === undefined) {
      // the oldest entry of this version turns into the bucket
      bucket = { manager: ancientChangesManager, operation: 'Update', apiVersion: e.apiVersion, set: first.set }
      work = [...work.filter(x => x !== first), bucket]
    }
    bucket.set = bucket.set.union(e.set)
    if (e.time !== undefined) bucket.time = e.time
    else delete bucket.time
    work = work.filter(x => x !== e)
    length--
  }
  return work
}
