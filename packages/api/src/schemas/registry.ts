import type { ResourceSchema } from '../schema/resource-schema.js'
import { appsSchemas } from './apps.js'
import { autoscalingSchemas } from './autoscaling-v1.js'
import { batchSchemas } from './batch.js'
import { coordinationSchemas } from './coordination.js'
import { coreSchemas } from './core.js'
import { discoverySchemas } from './discovery.js'
import { eventsSchemas } from './events.js'
import { networkingSchemas } from './networking.js'
import { policySchemas } from './policy.js'
import { rbacSchemas } from './rbac.js'
import { authenticationSchemas, authorizationSchemas } from './reviews.js'
import { schedulingSchemas } from './scheduling.js'
import { storageSchemas } from './storage.js'

// Discovery order: core/v1 first, then groups in upstream's /apis order; within a group, preferred version first.
const ALL: ResourceSchema[] = [
  ...coreSchemas, ...appsSchemas, ...eventsSchemas, ...authenticationSchemas, ...authorizationSchemas, ...autoscalingSchemas,
  ...batchSchemas, ...networkingSchemas, ...policySchemas, ...rbacSchemas, ...storageSchemas, ...schedulingSchemas, ...coordinationSchemas, ...discoverySchemas
]

const byResource = new Map<string, ResourceSchema>()
const byKind = new Map<string, ResourceSchema>()
for (const s of ALL) {
  byResource.set(`${s.group}/${s.version}/${s.plural}`, s)
  // several resources may share a kind (none today); the first registered wins, as in discovery order
  const kindKey = `${s.group}/${s.version}/${s.kind}`
  if (!byKind.has(kindKey)) byKind.set(kindKey, s)
}

/** Every registered kind in stable discovery order (core/v1 first). */
export function allSchemas (): ResourceSchema[] {
  return ALL.slice()
}

export function schemaForResource (group: string, version: string, resource: string): ResourceSchema | undefined {
  return byResource.get(`${group}/${version}/${resource}`)
}

export function schemaForKind (group: string, version: string, kind: string): ResourceSchema | undefined {
  return byKind.get(`${group}/${version}/${kind}`)
}

/**
 * Resolves a name as kubectl users type it (plural, singular, short name or kind, optionally `.group`-qualified) to the
 * schemas it may mean, preferred versions first. Discovery does this client-side; this serves tests and tools.
 */
export function schemasForName (name: string): ResourceSchema[] {
  const lower = name.toLowerCase()
  return ALL.filter((s) => {
    const names = [s.plural, s.singular, ...s.shortNames, s.kind.toLowerCase()]
    if (names.includes(lower)) return true
    return s.group !== '' && names.some((n) => lower === `${n}.${s.group}` || lower === `${n}.${s.version}.${s.group}`)
  })
}

/** API groups with their versions, preferred first; the core group is `''`. */
export function apiGroups (): Array<{ group: string, versions: string[] }> {
  const out: Array<{ group: string, versions: string[] }> = []
  for (const s of ALL) {
    let g = out.find((x) => x.group === s.group)
    if (g === undefined) { g = { group: s.group, versions: [] }; out.push(g) }
    if (!g.versions.includes(s.version)) g.versions.push(s.version)
  }
  return out
}

// Helpers the apiserver needs next to the registry, re-exported so `@kube-ts/api` reaches them.
export { subresourceInfo } from './subresources.js'
export type { SubresourceInfo } from './subresources.js'
export { eventToCore, eventFromCore } from './event-conversion.js'
export { PREEMPT_LOWER_PRIORITY, SYSTEM_PRIORITY_CLASSES } from './scheduling.js'
export type { SystemPriorityClass } from './scheduling.js'
