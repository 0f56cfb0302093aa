import type { IncomingMessage } from 'node:http'
import { ApiError, errBadRequest, errInvalid } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { errEntityTooLarge, mediaTypeOf, readBody } from './body.js'
import { asApiError } from './errors.js'
import { isPlainObject } from './decode.js'
import { parseJsonWithDuplicates } from './safe-json.js'
import { parseYamlWithDuplicates } from './safe-yaml.js'
import { recordDecode } from './decode-record.js'
import type { StrictError } from './decode-record.js'
import { byDocumentOrder } from './strict-errors.js'
import type { PatchEngines } from './deps.js'
import type { WriteQuery } from './query.js'

/** Upstream's cap on RFC 6902 operations per request (PR #74000). */
export const maxJsonPatchOperations = 10000

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

const patchMediaTypes: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply'
}

/** The patch type of a request; 415 for unknown types and for engines not available in this build. */
export function patchTypeOf (req: IncomingMessage, engines: PatchEngines, allowStrategic: boolean): PatchType {
  const media = mediaTypeOf(req.headers['content-type'])
  const type = patchMediaTypes[media]
  const available = Object.entries(patchMediaTypes)
    .filter(([, t]) => t === 'json' || t === 'merge' || (t === 'strategic' && allowStrategic && engines.strategic !== undefined) || (t === 'apply' && engines.apply !== undefined))
    .map(([m]) => m)
  if (type === undefined || !available.includes(media)) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${available.join(', ')}`)
  }
  return type
}

/** Validates the PatchOptions that depend on the patch type (upstream ValidatePatchOptions). */
export function checkPatchOptions (type: PatchType, wq: WriteQuery): void {
  if (type === 'apply') {
    if (wq.fieldManager === undefined) {
      throw errInvalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueRequired', field: 'fieldManager', message: 'is required for apply patch' }])
    }
  } else if (wq.force !== undefined) {
    throw errInvalid('meta.k8s.io', 'PatchOptions', '', [{ type: 'FieldValueForbidden', field: 'force', message: 'may not be specified for non-apply patch' }])
  }
}

/** The members of an RFC 6902 operation (upstream's `jsonPatchOp`); anything else is an unknown field. */
const jsonPatchOpFields = new Set(['op', 'path', 'from', 'value'])

function unknownOpFields (ops: unknown[]): StrictError[] {
  const found: StrictError[] = []
  ops.forEach((op, i) => {
    if (!isPlainObject(op)) return
    Object.keys(op).forEach((k, j) => {
      if (!jsonPatchOpFields.has(k)) found.push({ text: `json patch unknown field ${JSON.stringify(`[${i}].${k}`)}`, order: [i, j] })
    })
  })
  return found
}

/**
 * Reads and parses a patch body: JSON for the patch types, YAML (a superset) for apply. Repeated keys (and, for a
 * JSON patch, unknown operation members) are recorded for field validation, as upstream's strict patch decoding
 * reports them.
 */
export async function readPatch (req: IncomingMessage, type: PatchType): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8')
  if (text.trim() === '') throw errBadRequest('the request body is empty; a patch is required')
  let patch: unknown
  if (type === 'apply') {
    const parsed = parseYamlWithDuplicates(text)
    patch = parsed.value
    recordDecode(req, { source: 'patch', type, patch, duplicates: parsed.duplicates })
  } else {
    const parsed = parseJsonWithDuplicates(text)
    patch = parsed.value
    const prefix = type === 'json' ? 'json patch ' : ''
    const errors: StrictError[] = parsed.duplicates.map((d) => ({ text: `${prefix}duplicate field ${JSON.stringify(d.path)}`, order: d.order }))
    if (type === 'json' && Array.isArray(patch)) errors.push(...unknownOpFields(patch))
    recordDecode(req, { source: 'patch', type, patch, errors: byDocumentOrder(errors) })
  }
  if (type === 'json') {
    if (!Array.isArray(patch)) throw errBadRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
    if (patch.length > maxJsonPatchOperations) {
      throw errEntityTooLarge(`The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${patch.length}`)
    }
  } else if (!isPlainObject(patch)) {
    throw errBadRequest(`the patch must be a JSON object, got ${Array.isArray(patch) ? 'an array' : typeof patch}`)
  }
  return patch
}

/**
 * Applies a merge, JSON or strategic patch to a copy of `current`. Engine failures become the upstream codes:
 * a JSON patch that does not apply is 422, a malformed merge/strategic patch is 400.
 */
export function applyPatch (engines: PatchEngines, type: Exclude<PatchType, 'apply'>, current: KubeObject, patch: unknown, schema: ResourceSchema): Record<string, unknown> {
  const base = structuredClone(current)
  let result: unknown
  try {
    if (type === 'json') result = engines.json(base, patch as unknown[])
    else if (type === 'merge') result = engines.merge(base, patch)
    else if (engines.strategic !== undefined) result = engines.strategic(base, patch, schema)
  } catch (err) {
    const api = asApiError(err)
    if (api !== undefined) throw api
    const message = (err as Error).message ?? String(err)
    throw type === 'json' ? new ApiError(422, 'Invalid', message) : errBadRequest(message)
  }
  if (!isPlainObject(result)) throw errBadRequest('the patch did not produce an object')
  return result
}
