import type { Taint, Toleration } from 'kubernetes-types/core/v1.js'

/** Upstream Toleration.ToleratesTaint: key (empty key + Exists matches all), effect (empty matches all), operator. */
export function toleratesTaint (t: Toleration, taint: Taint): boolean {
  if ((t.effect ?? '') !== '' && t.effect !== taint.effect) return false
  if ((t.key ?? '') !== '' && t.key !== taint.key) return false
  switch (t.operator ?? 'Equal') {
    case 'Exists': return true
    case 'Equal': return (t.value ?? '') === (taint.value ?? '')
    default: return false
  }
}

export function tolerated (tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some(t => toleratesTaint(t, taint))
}

/** The first taint with one of `effects` that no toleration tolerates. */
export function findUntoleratedTaint (taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  return taints.find(taint => effects.includes(taint.effect) && !tolerated(tolerations, taint))
}
