import type { PatchStrategy, ResourceSchema } from '../schema/resource-schema.js'
import type { StrategyLookup } from './strategic-merge-patch.js'

/** ObjectMeta fields every kind shares (struct tags of meta/v1 ObjectMeta). */
export const objectMetaStrategies: Readonly<Record<string, PatchStrategy>> = {
  'metadata.finalizers': { strategy: 'merge' },
  'metadata.ownerReferences': { strategy: 'merge', mergeKey: 'uid' },
  'metadata.managedFields': { strategy: 'replace' }
}

/** Strategy lookup for one kind: its own table first, then the shared ObjectMeta entries. */
export function strategiesFromSchema (schema: Pick<ResourceSchema, 'patchStrategies'>): StrategyLookup {
  const own = schema.patchStrategies
  return (path) => (Object.prototype.hasOwnProperty.call(own, path) ? own[path] : undefined) ??
    (Object.prototype.hasOwnProperty.call(objectMetaStrategies, path) ? objectMetaStrategies[path] : undefined)
}
