import { Quantity } from '@kube-ts/api'

type Obj = Record<string, unknown>

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
export const objects = (v: unknown): Obj[] => Array.isArray(v) ? v.filter(isObj) : []
export const asObj = (v: unknown): Obj => isObj(v) ? v : {}

/** A resource quantity, or undefined for a malformed one (validation reports those). */
export function quantity (v: unknown): Quantity | undefined {
  try { return Quantity.from(v) } catch { return undefined }
}

/**
 * A pod's requests or limits as the scheduler and quota count them (upstream's PodRequests / PodLimits): the sum
 * over its containers, raised to any single init container's value, plus the pod overhead.
 */
export function podTotal (spec: Obj, field: 'requests' | 'limits'): Map<string, Quantity> {
  const total = new Map<string, Quantity>()
  for (const c of objects(spec.containers)) {
    for (const [k, v] of Object.entries(asObj(asObj(c.resources)[field]))) {
      const q = quantity(v)
      if (q !== undefined) total.set(k, total.get(k)?.add(q) ?? q)
    }
  }
  for (const c of objects(spec.initContainers)) {
    for (const [k, v] of Object.entries(asObj(asObj(c.resources)[field]))) {
      const q = quantity(v)
      const cur = total.get(k)
      if (q !== undefined && (cur === undefined || q.cmp(cur) > 0)) total.set(k, q)
    }
  }
  for (const [k, v] of Object.entries(asObj(spec.overhead))) {
    const q = quantity(v)
    if (q !== undefined) total.set(k, total.get(k)?.add(q) ?? q)
  }
  return total
}
