import { activeReplicaSets, availableOf, byCreation, desiredOf, desiredReplicasAnnotation, isRollingUpdate, maxReplicasAnnotation, maxSurge, maxUnavailable, newRSNewReplicas, replicasOf, revisionOf, sum } from './deployment-util.js'
import type { RD, RRS } from './deployment-util.js'

/** The one write rollout planning needs: set an RS's replicas (and replicas annotations), recording the event. */
export type ScaleFn = (rs: RRS, replicas: number, operation?: 'up' | 'down') => Promise<RRS>

/** Scales the new RS towards the target within maxSurge; true when it changed (upstream reconcileNewReplicaSet). */
export async function reconcileNewReplicaSet (allRSs: readonly RRS[], newRS: RRS, d: RD, scale: ScaleFn): Promise<boolean> {
  const want = desiredOf(d)
  if (replicasOf(newRS) === want) return false
  if (replicasOf(newRS) > want) { await scale(newRS, want); return true }
  const n = newRSNewReplicas(d, allRSs, newRS)
  if (n === replicasOf(newRS)) return false
  await scale(newRS, n)
  return true
}

/**
 * Scales old ReplicaSets down as far as maxUnavailable allows (upstream reconcileOldReplicaSets): first their
 * unavailable pods, then available ones while enough remain available. Returns whether anything changed.
 */
export async function reconcileOldReplicaSets (allRSs: readonly RRS[], oldRSs: readonly RRS[], newRS: RRS, d: RD, scale: ScaleFn): Promise<boolean> {
  if (sum(oldRSs, replicasOf) === 0) return false
  const minAvailable = desiredOf(d) - maxUnavailable(d)
  const newUnavailable = replicasOf(newRS) - availableOf(newRS)
  // targets, not pods still terminating (upstream GetReplicaCountForReplicaSets): counting an RS just scaled down
  // by its lingering status.replicas would let a second old RS be scaled away in the same rollout step
  const maxScaledDown = sum(allRSs, replicasOf) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  const { rss: cleaned, count } = await cleanupUnhealthyReplicas(oldRSs, maxScaledDown, scale)
  const scaledDown = await scaleDownOldForRollingUpdate([...cleaned, newRS], cleaned, d, scale)
  return count + scaledDown > 0
}

/** Scales away old pods that are not available, oldest RS first (upstream cleanupUnhealthyReplicas). */
async function cleanupUnhealthyReplicas (oldRSs: readonly RRS[], maxCleanup: number, scale: ScaleFn): Promise<{ rss: RRS[], count: number }> {
  const rss = [...oldRSs].sort(byCreation)
  let total = 0
  for (let i = 0; i < rss.length; i++) {
    const rs = rss[i] as RRS
    if (total >= maxCleanup) break
    const unhealthy = replicasOf(rs) - availableOf(rs)
    if (replicasOf(rs) === 0 || unhealthy <= 0) continue
    const n = Math.min(maxCleanup - total, unhealthy)
    rss[i] = await scale(rs, replicasOf(rs) - n)
    total += n
  }
  return { rss, count: total }
}

/** Scales old RSs down by the available pods above minAvailable, oldest first (upstream scaleDownOldReplicaSetsForRollingUpdate). */
async function scaleDownOldForRollingUpdate (allRSs: readonly RRS[], oldRSs: readonly RRS[], d: RD, scale: ScaleFn): Promise<number> {
  const minAvailable = desiredOf(d) - maxUnavailable(d)
  const available = sum(allRSs, availableOf)
  if (available <= minAvailable) return 0
  const budget = available - minAvailable
  let total = 0
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break
    if (replicasOf(rs) === 0) continue
    // never count on more pods going away than are available in this RS
    const n = Math.min(replicasOf(rs), budget - total)
    await scale(rs, replicasOf(rs) - n)
    total += n
  }
  return total
}

/** Recreate: every old RS to zero; true when anything was scaled. */
export async function scaleDownOldForRecreate (oldRSs: readonly RRS[], scale: ScaleFn): Promise<boolean> {
  let scaled = false
  for (const rs of activeReplicaSets(oldRSs)) {
    await scale(rs, 0)
    scaled = true
  }
  return scaled
}

/** A replicas change on the Deployment that the active RSs' desired-replicas annotations do not reflect yet. */
export function isScalingEvent (d: RD, allRSs: ReadonlyArray<RRS | undefined>): boolean {
  return activeReplicaSets(allRSs).some((rs) => {
    const v = rs.metadata?.annotations?.[desiredReplicasAnnotation]
    return v !== undefined && Number(v) !== desiredOf(d)
  })
}

function findActiveOrLatest (newRS: RRS | undefined, oldRSs: readonly RRS[]): RRS | undefined {
  if (newRS === undefined && oldRSs.length === 0) return undefined
  const newestFirst = [...oldRSs].sort(byCreation).reverse()
  const active = activeReplicaSets([...newestFirst, newRS])
  if (active.length === 0) return newRS ?? newestFirst[0]
  return active.length === 1 ? active[0] : undefined
}

function isSaturated (d: RD, rs: RRS | undefined): boolean {
  if (rs === undefined) return false
  const desired = Number(rs.metadata?.annotations?.[desiredReplicasAnnotation] ?? NaN)
  return replicasOf(rs) === desiredOf(d) && desired === desiredOf(d) && (rs.status?.availableReplicas ?? 0) === desiredOf(d)
}

function proportion (rs: RRS, d: RD, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  let fraction: number
  if (desiredOf(d) === 0) {
    fraction = -replicasOf(rs)
  } else {
    const deploymentReplicas = desiredOf(d) + maxSurge(d)
    const annotated = Number(rs.metadata?.annotations?.[maxReplicasAnnotation] ?? NaN)
    const base = Number.isFinite(annotated) && annotated > 0 ? annotated : (d.status?.replicas ?? 0)
    fraction = base === 0 ? 0 : Math.round(replicasOf(rs) * deploymentReplicas / base) - replicasOf(rs)
  }
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/**
 * Applies a replicas change (upstream DeploymentController.scale): one active RS takes it all; a saturated new
 * RS retires the old ones; mid-rollout, the change is shared proportionally, leftovers to the largest RS.
 */
export async function proportionalScale (d: RD, newRS: RRS | undefined, oldRSs: readonly RRS[], scale: ScaleFn): Promise<void> {
  const target = findActiveOrLatest(newRS, oldRSs)
  if (target !== undefined) {
    if (replicasOf(target) !== desiredOf(d)) await scale(target, desiredOf(d))
    return
  }
  if (isSaturated(d, newRS)) {
    for (const rs of activeReplicaSets(oldRSs)) await scale(rs, 0)
    return
  }
  if (!isRollingUpdate(d)) return
  const all = activeReplicaSets([...oldRSs, newRS])
  const allowed = desiredOf(d) > 0 ? desiredOf(d) + maxSurge(d) : 0
  const toAdd = allowed - sum(all, replicasOf)
  if (toAdd === 0) return
  // growing favours the biggest, newest RS; shrinking the biggest, oldest (ReplicaSetsBySizeNewer/Older)
  all.sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? byCreation(b, a) : byCreation(a, b)))
  const sizes = new Map<RRS, number>()
  let added = 0
  for (const rs of all) {
    const p = proportion(rs, d, toAdd, added)
    sizes.set(rs, replicasOf(rs) + p)
    added += p
  }
  for (let i = 0; i < all.length; i++) {
    const rs = all[i] as RRS
    let size = sizes.get(rs) ?? replicasOf(rs)
    if (i === 0) size = Math.max(0, size + toAdd - added)
    await scale(rs, size, toAdd > 0 ? 'up' : 'down')
  }
}

/** Old RSs beyond revisionHistoryLimit that are fully scaled down and settled, oldest revision first (upstream cleanupDeployment). */
export function historyToDelete (d: RD, oldRSs: readonly RRS[]): RRS[] {
  const limit = d.spec?.revisionHistoryLimit
  if (limit === undefined) return []
  const alive = oldRSs.filter(rs => rs.metadata?.deletionTimestamp == null)
  const diff = alive.length - limit
  if (diff <= 0) return []
  return [...alive].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b)).slice(0, diff).filter(rs =>
    (rs.status?.replicas ?? 0) === 0 && replicasOf(rs) === 0 && (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0))
}
