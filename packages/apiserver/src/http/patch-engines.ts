import { apiVersionOf, applyJsonPatch, applyMergePatch, applyServerSide, applyStrategicMergePatch, strategiesFromSchema } from '@kube-ts/api'
import type { PatchEngines } from './deps.js'

/** The engines from `@kube-ts/api`, including server-side apply with managedFields. */
export function defaultPatchEngines (now: () => Date = () => new Date()): PatchEngines {
  return {
    merge: (target, patch) => applyMergePatch(target, patch),
    json: (target, ops) => applyJsonPatch(target, ops),
    strategic: (target, patch, schema) => applyStrategicMergePatch(target, patch, strategiesFromSchema(schema)),
    apply: (current, applied, { schema, fieldManager, force }) => applyServerSide(current, applied, {
      manager: fieldManager,
      force,
      strategies: strategiesFromSchema(schema),
      apiVersion: apiVersionOf(schema.group, schema.version),
      now: now(),
      // status is owned by the /status subresource: an apply to the main resource must not touch it
      resetFields: schema.statusSubresource ? ['status'] : []
    }).object
  }
}
