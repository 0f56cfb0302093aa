import type { ControllerDescriptor } from './controller-descriptors.js'

/**
 * Whether `--controllers` turns a controller on, as upstream's IsControllerEnabled: an exact name wins, `-name`
 * turns it off, `*` turns on everything not disabled by default, and without `*` only named ones run.
 */
export function isControllerEnabled (d: Pick<ControllerDescriptor, 'name' | 'disabledByDefault'>, controllers: readonly string[]): boolean {
  let star = false
  for (const c of controllers) {
    if (c === d.name) return true
    if (c === `-${d.name}`) return false
    if (c === '*') star = true
  }
  return star && d.disabledByDefault !== true
}

/**
 * Rewrites aliases (`replicaset`, `-deployment`) to canonical names and reports unknown entries with upstream's
 * message, so validation can list every problem at once.
 */
export function canonicalizeControllers (controllers: readonly string[], descriptors: readonly ControllerDescriptor[]): { controllers: string[], errors: string[] } {
  const byName = new Map<string, string>()
  for (const d of descriptors) {
    byName.set(d.name, d.name)
    for (const a of d.aliases) byName.set(a, d.name)
  }
  const out: string[] = []
  const errors: string[] = []
  for (const raw of controllers) {
    if (raw === '*') { out.push(raw); continue }
    const negated = raw.startsWith('-')
    const bare = negated ? raw.slice(1) : raw
    const name = byName.get(bare)
    if (name === undefined) {
      errors.push(`"${bare}" is not in the list of known controllers`)
      continue
    }
    out.push(negated ? `-${name}` : name)
  }
  return { controllers: out, errors }
}
