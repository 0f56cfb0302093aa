// Patch engines the apiserver runs for PATCH requests and server-side apply.
export { applyMergePatch } from './merge-patch.js'
export { applyJsonPatch, maxJsonPatchOperations } from './json-patch.js'
export { applyStrategicMergePatch } from './strategic-merge-patch.js'
export type { StrategyLookup } from './strategic-merge-patch.js'
export { strategiesFromSchema, objectMetaStrategies } from './strategies.js'
