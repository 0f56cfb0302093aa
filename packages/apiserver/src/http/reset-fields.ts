import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { isPlainObject } from './decode.js'

/**
 * What a write through each subresource may change, as the registry's update rules enforce it (prepare-update.ts):
 * `/status` changes status, labels and annotations; a namespace's `/finalize` changes spec.finalizers.
 */
const ownedBySubresource: Record<string, string[]> = {
  status: ['status', 'metadata.labels', 'metadata.annotations'],
  finalize: ['spec.finalizers']
}

const typeMeta = new Set(['apiVersion', 'kind'])

function keysOf (...values: unknown[]): string[] {
  return [...new Set(values.flatMap(v => isPlainObject(v) ? Object.keys(v) : []))]
}

/** Every field of `objects` outside `owned`, to two levels, dotted: the complement of an include list. */
function complement (owned: string[], objects: Array<Record<string, unknown>>): string[] {
  const out: string[] = []
  for (const top of keysOf(...objects)) {
    if (typeMeta.has(top) || owned.includes(top)) continue
    const inside = owned.filter(o => o.startsWith(`${top}.`))
    if (inside.length === 0) {
      out.push(top)
      continue
    }
    for (const child of keysOf(...objects.map(o => o[top]))) {
      if (!inside.includes(`${top}.${child}`)) out.push(`${top}.${child}`)
    }
  }
  return out
}

/**
 * The fields managedFields must not credit to a write through `subresource` (upstream's per-strategy
 * GetResetFields): the status on the main resource of a kind with a status subresource, and everything but what the
 * subresource may change otherwise. Written dotted, for `trackUpdate` and `applyServerSide`.
 */
export function resetFieldsFor (schema: ResourceSchema, subresource: string, old: KubeObject | undefined, next: KubeObject): string[] {
  const owned = ownedBySubresource[subresource]
  if (owned === undefined) {
    const reset = schema.statusSubresource ? ['status'] : []
    if (schema.group === '' && schema.kind === 'Namespace') reset.push('spec.finalizers')
    return reset
  }
  const objects = [next, ...(old === undefined ? [] : [old])] as unknown as Array<Record<string, unknown>>
  return complement(owned, objects)
}
