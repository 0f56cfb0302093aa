import { pluginArgs, resolvePlugins } from '../config/resolve-plugins.js'
import type { Profile } from '../config/types.js'
import { EXTENSION_POINTS } from '../config/types.js'
import { Framework, emptyPlugins } from './framework.js'
import { isBind, isFilter, isPermit, isPostFilter, isPreFilter, isPreScore, isReserve, isScore } from './interface.js'
import type { Plugin } from './interface.js'
import * as names from './plugins/names.js'
import { DefaultPreemption } from './plugins/defaultpreemption/default-preemption.js'
import { inTreeRegistry } from './registry.js'
import type { PluginDeps, PluginFactory } from './registry.js'

const fits: Record<typeof EXTENSION_POINTS[number], (p: Plugin) => boolean> = {
  preFilter: isPreFilter, filter: isFilter, postFilter: isPostFilter, preScore: isPreScore, score: isScore, reserve: isReserve, permit: isPermit, bind: isBind
}

/** Instantiates one profile's plugins once each and places them at their extension points. Unknown names are config errors. */
export function buildFramework (profile: Profile, deps: PluginDeps, registry: ReadonlyMap<string, PluginFactory> = inTreeRegistry): Framework {
  const { multiPoint, points } = resolvePlugins(profile)
  const instances = new Map<string, Plugin>()
  const instance = (name: string): Plugin | undefined => {
    if (name === names.PrioritySort) return undefined // the queue always sorts by priority
    let p = instances.get(name)
    if (p === undefined) {
      const factory = registry.get(name)
      if (factory === undefined) throw new Error(`plugin "${name}" does not exist`)
      p = factory(pluginArgs(profile, name), deps)
      instances.set(name, p)
    }
    return p
  }
  const out = emptyPlugins()
  for (const point of EXTENSION_POINTS) {
    const refs = points[point] ?? multiPoint
    for (const ref of refs) {
      const p = instance(ref.name)
      if (p === undefined || !fits[point](p)) continue
      if (point === 'score') out.score.push({ plugin: p as never, weight: ref.weight ?? multiPoint.find(m => m.name === ref.name)?.weight ?? 1 })
      else (out[point] as Plugin[]).push(p)
    }
  }
  const fw = new Framework(profile.schedulerName, out, deps.handle, deps.waitingPods, deps.clock)
  for (const p of instances.values()) if (p instanceof DefaultPreemption) p.framework = fw
  return fw
}
