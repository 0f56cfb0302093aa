import type { NamespaceCondition } from 'kubernetes-types/core/v1.js'
import type { DeepReadonly } from '@kube-ts/api'

/** What one served resource still holds in a namespace being deleted. */
export interface RemainingContent { group: string, resource: string, count: number, finalizers: Record<string, number> }

/** The conditions upstream's namespace deleter maintains, with their "all is well" reason and message. */
const okConditions: Array<[type: string, reason: string, message: string]> = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed']
]

/** The failing variants for content still there (upstream ProcessContentTotals), keyed by condition type. */
function remainingConditions (remaining: readonly RemainingContent[]): Map<string, { reason: string, message: string }> {
  const out = new Map<string, { reason: string, message: string }>()
  const left = remaining.filter((r) => r.count > 0)
  if (left.length > 0) {
    // upstream prints resource.group, so core resources read "pods." and the list is sorted for stable updates
    const parts = left.map((r) => `${r.resource}.${r.group} has ${r.count} resource instances`).sort()
    out.set('NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${parts.join(', ')}` })
  }
  const byFinalizer = new Map<string, number>()
  for (const r of left) for (const [f, n] of Object.entries(r.finalizers)) byFinalizer.set(f, (byFinalizer.get(f) ?? 0) + n)
  if (byFinalizer.size > 0) {
    const parts = [...byFinalizer].map(([f, n]) => `${f} in ${n} resource instances`).sort()
    out.set('NamespaceFinalizersRemaining', { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${parts.join(', ')}` })
  }
  return out
}

/**
 * The namespace's status conditions after a deletion pass (upstream updateConditions): every maintained type
 * present, True with a reason while content or finalizers remain, False otherwise; a condition's
 * lastTransitionTime moves only when its status flips. Undefined when nothing changed, so no write is needed.
 */
export function deletionConditions (existing: ReadonlyArray<DeepReadonly<NamespaceCondition>>, remaining: readonly RemainingContent[], now: string): NamespaceCondition[] | undefined {
  const failing = remainingConditions(remaining)
  const next = existing.map((c) => structuredClone(c) as NamespaceCondition)
  let changed = false
  for (const [type, okReason, okMessage] of okConditions) {
    const f = failing.get(type)
    const want = { status: f !== undefined ? 'True' : 'False', reason: f?.reason ?? okReason, message: f?.message ?? okMessage }
    const old = next.find((c) => c.type === type)
    if (old === undefined) {
      next.push({ type, ...want, lastTransitionTime: now })
      changed = true
    } else if (old.status !== want.status || old.reason !== want.reason || old.message !== want.message) {
      if (old.status !== want.status) old.lastTransitionTime = now
      Object.assign(old, want)
      changed = true
    }
  }
  return changed ? next : undefined
}
