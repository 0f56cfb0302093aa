import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, strategiesFromSchema } from '@kube-ts/api'
import type { PatchEngines } from './deps.js'

/**
 * The engines from `@kube-ts/api`. Server-side apply is not wired yet: without an `apply` engine the apiserver
 * answers `application/apply-patch+yaml` with 415 instead of guessing at field ownership.
 */
export function defaultPatchEngines (): PatchEngines {
  return {
    merge: (target, patch) => applyMergePatch(target, patch),
    json: (target, ops) => applyJsonPatch(target, ops),
    strategic: (target, patch, schema) => applyStrategicMergePatch(target, patch, strategiesFromSchema(schema))
  }
}
