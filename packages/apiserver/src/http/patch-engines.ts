import {
  apiVersionOf, applyJsonPatch, applyMergePatch, applyServerSide, applyStrategicMergePatch, strategiesFromSchema, trackScaleUpdate,
  trackUpdate
} from '@kube-ts/api'
import type { PatchEngines } from './deps.js'
import { resetFieldsFor } from './reset-fields.js'

/** The engines from `@kube-ts/api`, including server-side apply and managedFields for every other write. */
export function defaultPatchEngines (now: () => Date = () => new Date()): PatchEngines {
  return {
    merge: (target, patch) => applyMergePatch(target, patch),
    json: (target, ops) => applyJsonPatch(target, ops),
    strategic: (target, patch, schema) => applyStrategicMergePatch(target, patch, strategiesFromSchema(schema)),
    apply: (current, applied, { schema, fieldManager, force, subresource }) => applyServerSide(current, applied, {
      manager: fieldManager,
      force,
      strategies: strategiesFromSchema(schema),
      apiVersion: apiVersionOf(schema.group, schema.version),
      now: now(),
      ...(subresource !== '' ? { subresource } : {}),
      resetFields: resetFieldsFor(schema, subresource, current, applied)
    }).object,
    managedFields: {
      update: (old, next, { schema, manager, subresource }) => trackUpdate(old, next, {
        manager,
        apiVersion: apiVersionOf(schema.group, schema.version),
        now: now(),
        strategies: strategiesFromSchema(schema),
        ...(subresource !== '' ? { subresource } : {}),
        resetFields: resetFieldsFor(schema, subresource, old, next),
        // upstream tracks the decoded object, defaults included: whoever writes an object owns its defaulted fields
        normalize: (obj) => {
          obj.apiVersion ??= apiVersionOf(schema.group, schema.version)
          obj.kind ??= schema.kind
          schema.defaults(obj)
        }
      }),
      scale: (old, next, { schema, manager }) => trackScaleUpdate(old, next, { manager, apiVersion: apiVersionOf(schema.group, schema.version) })
    }
  }
}
