import type { PodAffinityTerm, Pod } from 'kubernetes-types/core/v1.js'
import { selectorFromLabelSelector } from '@kube-ts/api'
import type { Selector } from '@kube-ts/api'

/** A pod (anti-)affinity term compiled once: selector, namespaces it applies to, and topology key. */
export interface CompiledTerm {
  selector: Selector
  /** undefined = every namespace (`namespaceSelector: {}`). */
  namespaces: Set<string> | undefined
  topologyKey: string
  weight: number
}

/**
 * Namespaces as upstream: the listed ones, else the owner's namespace; an empty namespaceSelector means all
 * namespaces. Non-empty namespace selectors would need namespace labels, which this scheduler does not watch,
 * so they add nothing beyond the listed namespaces.
 */
export function compileTerm (term: PodAffinityTerm, owner: Pod, weight = 1): CompiledTerm {
  const listed = term.namespaces ?? []
  const nsSel = term.namespaceSelector
  const all = nsSel !== undefined && (nsSel.matchLabels === undefined || Object.keys(nsSel.matchLabels).length === 0) &&
    (nsSel.matchExpressions === undefined || nsSel.matchExpressions.length === 0)
  const namespaces = all ? undefined : new Set(listed.length > 0 || nsSel !== undefined ? listed : [owner.metadata?.namespace ?? 'default'])
  return { selector: selectorFromLabelSelector(term.labelSelector ?? undefined), namespaces, topologyKey: term.topologyKey, weight }
}

export function termMatchesPod (t: CompiledTerm, pod: Pod): boolean {
  // a nil labelSelector matches nothing for affinity terms
  if (t.namespaces !== undefined && !t.namespaces.has(pod.metadata?.namespace ?? '')) return false
  return t.selector.matches(pod.metadata?.labels ?? {})
}
