import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1.js'

/** PodTopologySpreadArgs (kubescheduler.config.k8s.io/v1) after defaults. */
export interface PodTopologySpreadArgs {
  defaultConstraints: TopologySpreadConstraint[]
  /** System: the built-in constraints below; List: `defaultConstraints` (possibly none). */
  defaultingType: 'System' | 'List'
}

/** Upstream systemDefaultConstraints: soft spreading over hostnames (maxSkew 3) and zones (maxSkew 5). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 }
]

/** Thrown by the plugin factory; building the profile fails with every problem listed, as upstream's args validation. */
export class InvalidPluginArgsError extends Error {
  constructor (plugin: string, problems: string[]) {
    super(`invalid ${plugin} args: ${problems.join('; ')}`)
    this.name = 'InvalidPluginArgsError'
  }
}

const LABEL_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/

/** Applies v1 defaults and returns the problems upstream's ValidatePodTopologySpreadArgs would report. */
export function parsePodTopologySpreadArgs (raw: Record<string, unknown> | undefined): { args: PodTopologySpreadArgs, problems: string[] } {
  const constraints = Array.isArray(raw?.defaultConstraints) ? raw.defaultConstraints as TopologySpreadConstraint[] : []
  const type = raw?.defaultingType ?? 'System'
  const problems: string[] = []
  if (type !== 'System' && type !== 'List') problems.push(`defaultingType: Unsupported value: ${JSON.stringify(type)}: supported values: "System", "List"`)
  else if (type === 'System' && constraints.length > 0) problems.push('defaultingType: Invalid value: "System": when .defaultConstraints are not empty')
  const seen = new Set<string>()
  constraints.forEach((c, i) => {
    const p = `defaultConstraints[${i}]`
    if (typeof c.maxSkew !== 'number' || c.maxSkew <= 0) problems.push(`${p}.maxSkew: Invalid value: ${JSON.stringify(c.maxSkew)}: not in valid range (0, inf)`)
    if (typeof c.topologyKey !== 'string' || c.topologyKey === '') problems.push(`${p}.topologyKey: Required value: can not be empty`)
    else if (!LABEL_NAME.test(c.topologyKey)) problems.push(`${p}.topologyKey: Invalid value: ${JSON.stringify(c.topologyKey)}: not a qualified name`)
    if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway') problems.push(`${p}.whenUnsatisfiable: Unsupported value: ${JSON.stringify(c.whenUnsatisfiable)}: supported values: "DoNotSchedule", "ScheduleAnyway"`)
    if (c.labelSelector !== undefined && c.labelSelector !== null) problems.push(`${p}.labelSelector: Forbidden: constraint must not define a selector, as they deduced for each pod`)
    const key = `${c.topologyKey}/${c.whenUnsatisfiable}`
    if (seen.has(key)) problems.push(`${p}: Duplicate value: {${JSON.stringify(c.topologyKey)}, ${JSON.stringify(c.whenUnsatisfiable)}}`)
    seen.add(key)
  })
  return { args: { defaultConstraints: constraints, defaultingType: type === 'List' ? 'List' : 'System' }, problems }
}
