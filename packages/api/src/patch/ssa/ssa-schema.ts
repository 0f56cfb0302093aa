import type { PatchStrategy } from '../../schema/resource-schema.js'

/** How server-side apply treats a list (x-kubernetes-list-type and list-map-keys). */
export type ListKind =
  | { type: 'atomic' }
  | { type: 'set' }
  | { type: 'map', keys: string[], defaults: Record<string, unknown> }

export interface SsaSchema {
  list: (path: string) => ListKind
  /** Maps and structs with `+mapType=atomic` / `+structType=atomic` are owned as one leaf. */
  atomicMap: (path: string) => boolean
}

/**
 * Where SSA keys differ from the SMP merge key (patch-semantics.md 2.6): ports are identified by port and protocol,
 * and protocol defaults to TCP when omitted.
 */
const multiKeys: Record<string, { keys: string[], defaults: Record<string, unknown> }> = {
  containerPort: { keys: ['containerPort', 'protocol'], defaults: { protocol: 'TCP' } },
  port: { keys: ['port', 'protocol'], defaults: { protocol: 'TCP' } },
  topologyKey: { keys: ['topologyKey', 'whenUnsatisfiable'], defaults: {} }
}

/** Label selectors and node selectors are atomic in the OpenAPI schema even though SMP merges them. */
const atomicMapNames = new Set(['selector', 'nodeSelector', 'labelSelector', 'namespaceSelector'])

/**
 * Derives SSA semantics from the SMP strategies a kind already declares, as kube-openapi does when a field has no
 * list-type marker: merge + key → map list, merge without key → set, anything else → atomic.
 */
export function ssaSchemaFromStrategies (strategies: (path: string) => PatchStrategy | undefined): SsaSchema {
  return {
    list (path) {
      const s = strategies(path)
      if (s === undefined || !s.strategy.startsWith('merge')) return { type: 'atomic' }
      if (s.mergeKey === undefined || s.mergeKey === '') return { type: 'set' }
      const multi = multiKeys[s.mergeKey]
      if (multi !== undefined) return { type: 'map', keys: multi.keys, defaults: multi.defaults }
      return { type: 'map', keys: [s.mergeKey], defaults: {} }
    },
    atomicMap (path) {
      if (strategies(path)?.strategy === 'replace') return true
      const last = path.slice(path.lastIndexOf('.') + 1)
      return atomicMapNames.has(last)
    }
  }
}
