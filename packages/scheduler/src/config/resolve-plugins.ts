import { DEFAULT_MULTI_POINT, EXTENSION_POINTS } from './types.js'
import type { ExtensionPoint, PluginRef, Profile } from './types.js'

/** For each extension point, the enabled plugin names in order with their score weights. */
export type ResolvedPlugins = Record<ExtensionPoint, PluginRef[]>

function applySet (base: PluginRef[], enabled: PluginRef[] = [], disabled: PluginRef[] = []): PluginRef[] {
  const off = new Set(disabled.map(d => d.name))
  const kept = off.has('*') ? [] : base.filter(p => !off.has(p.name))
  // an enabled entry overrides a default of the same name (e.g. a new weight); new ones append in their order
  const result = kept.map(p => enabled.find(e => e.name === p.name) ?? p)
  for (const e of enabled) if (!result.some(r => r.name === e.name)) result.push(e)
  return result
}

/**
 * Upstream semantics, shortened: multiPoint (defaults plus the profile's multiPoint) enables a plugin at every point it
 * implements; a per-point set then enables more or disables (`*` disables everything from multiPoint there). Score weights
 * come from the score set, else multiPoint, else 1.
 */
export function resolvePlugins (profile: Profile): { multiPoint: PluginRef[], points: Partial<ResolvedPlugins> } {
  const mp = profile.plugins?.multiPoint
  const multiPoint = applySet(DEFAULT_MULTI_POINT, mp?.enabled, mp?.disabled)
  const points: Partial<ResolvedPlugins> = {}
  for (const point of EXTENSION_POINTS) {
    const set = profile.plugins?.[point]
    if (set === undefined) continue
    points[point] = applySet(multiPoint, set.enabled, set.disabled)
  }
  return { multiPoint, points }
}

export function pluginArgs (profile: Profile, name: string): Record<string, unknown> | undefined {
  return profile.pluginConfig?.find(c => c.name === name)?.args
}
