import type { ServerResponse } from 'node:http'
import { ApiError, errBadRequest, errInvalid } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import type { UnknownField, UnknownFieldOptions } from '../openapi/unknown-fields.js'
import { findTypeMismatch, jsonDecodeText, typedPatchText, unstructuredConvertText } from '../openapi/type-mismatch.js'
import type { WriteQuery } from './query.js'
import { decodeRecordOf } from './decode-record.js'
import type { DecodeRecord, StrictError } from './decode-record.js'
import { byDocumentOrder } from './strict-errors.js'
import { goJsonText, goValueText } from './go-format.js'
import { addWarning } from './warnings.js'

export { addWarning } from './warnings.js'

/** Lists (and with `prune`, removes) the fields of `obj` its kind's schema does not declare. */
export type UnknownFieldFinder = (group: string, version: string, kind: string, obj: unknown, options?: UnknownFieldOptions) => UnknownField[]

const yamlErrorsPrefix = 'error converting YAML to JSON: yaml: unmarshal errors:\n'

/** go-yaml's strict error for repeated keys, as sigs.k8s.io/yaml wraps it. */
function yamlDuplicatesError (duplicates: string[]): string | undefined {
  return duplicates.length === 0 ? undefined : `${yamlErrorsPrefix}  ${duplicates.join('\n  ')}`
}

/** Upstream's `parseYAMLWarnings`: a go-yaml error becomes one warning per line, anything else stays whole. */
function warningsOf (error: string): string[] {
  return error.startsWith(yamlErrorsPrefix) ? error.slice(yamlErrorsPrefix.length).split('\n').map((s) => s.trim()) : [error]
}

function unknownErrors (unknown: UnknownField[]): StrictError[] {
  return unknown.map((u) => ({ text: `unknown field ${JSON.stringify(u.path)}`, order: u.order }))
}

/** The findings of one request in upstream's order: decoding the body meets repeats and unknown fields together. */
function strictErrors (record: DecodeRecord | undefined, unknown: UnknownField[]): string[] {
  if (record === undefined) return byDocumentOrder(unknownErrors(unknown)).map((e) => e.text)
  if (record.source === 'json') {
    const duplicates = record.duplicates.map((d) => ({ text: `duplicate field ${JSON.stringify(d.path)}`, order: d.order }))
    return byDocumentOrder([...duplicates, ...unknownErrors(unknown)]).map((e) => e.text)
  }
  // a YAML body is checked for repeats before it is decoded; a patch is decoded before it is applied
  const first = record.source === 'yaml' || record.type === 'apply' ? [yamlDuplicatesError(record.duplicates)].filter((e) => e !== undefined) : record.errors.map((e) => e.text)
  return [...first, ...byDocumentOrder(unknownErrors(unknown)).map((e) => e.text)]
}

/** structured-merge-diff refuses an applied configuration with undeclared fields, whatever the validation level. */
function typedPatchError (schema: ResourceSchema, obj: KubeObject, unknown: UnknownField[]): ApiError {
  const lines = unknown.map((u) => `.${u.path}: field not declared in schema`)
  return typedPatchFailure(schema, obj, lines.length === 1 ? lines[0] ?? '' : ['errors:', ...lines.map((l) => `  ${l}`)].join('\n'))
}

/** The fieldmanager's failure to type an applied configuration, which reaches the client as a 500. */
function typedPatchFailure (schema: ResourceSchema, obj: KubeObject, detail: string): ApiError {
  const where = `${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}; ${schema.group}/${schema.version}, Kind=${schema.kind}`
  return new ApiError(500, '', `failed to create typed patch object (${where}): ${detail}`)
}

function strictFailure (record: DecodeRecord | undefined, schema: ResourceSchema, patched: string, errors: string[]): ApiError {
  const text = `strict decoding error: ${errors.join(', ')}`
  if (record?.source !== 'patch') {
    return errBadRequest(`${schema.kind} in version ${JSON.stringify(schema.version)} cannot be handled as a ${schema.kind}: ${text}`)
  }
  if (record.type === 'apply') return errBadRequest(`error strict decoding YAML: ${errors.join(', ')}`)
  // upstream shows the patched document (JSON and merge patches) or the decoded patch map (strategic)
  const badValue = record.type === 'strategic' ? goValueText(record.patch) : patched
  return errInvalid('', '', '', [{ type: 'FieldValueInvalid', field: 'patch', badValue, message: text }])
}

/**
 * A value of the wrong JSON type fails upstream's typed decoding at any validation level, before unknown fields
 * are looked at: a body is "cannot be handled as" its kind (400); a patched result is an invalid patch (422), in
 * the unstructured converter's words for a strategic merge patch and encoding/json's for the others.
 */
function checkTypes (record: DecodeRecord | undefined, schema: ResourceSchema, obj: KubeObject, patched: () => string): void {
  const mismatch = findTypeMismatch(schema.group, schema.version, schema.kind, obj)
  if (mismatch === undefined) return
  if (record?.source === 'patch' && record.type === 'apply') throw typedPatchFailure(schema, obj, typedPatchText(mismatch))
  if (record?.source !== 'patch') {
    throw errBadRequest(`${schema.kind} in version ${JSON.stringify(schema.version)} cannot be handled as a ${schema.kind}: ${jsonDecodeText(mismatch)}`)
  }
  const strategic = record.type === 'strategic'
  const badValue = strategic ? goValueText(record.patch) : patched()
  throw errInvalid('', '', '', [{ type: 'FieldValueInvalid', field: 'patch', badValue, message: strategic ? unstructuredConvertText(mismatch) : jsonDecodeText(mismatch) }])
}

/**
 * Server-side field validation of a decoded or patched object. Unknown fields are pruned first, as upstream's
 * typed decoding drops them, so they are never stored under `Warn` or `Ignore`. Then, with the repeated keys the
 * body's decoding recorded: `Strict` refuses them as upstream does (400 for a create, update or apply, 422 for
 * the other patches), `Warn` (the default) answers with one Warning header each, `Ignore` says nothing.
 */
export function checkUnknownFields (find: UnknownFieldFinder | undefined, schema: ResourceSchema, obj: KubeObject, wq: WriteQuery, res: ServerResponse): void {
  const record = decodeRecordOf(res.req)
  if (find !== undefined) checkTypes(record, schema, obj, () => goJsonText(obj))
  // a Strict refusal of a JSON or merge patch shows the patched document as it was before pruning
  const patched = wq.fieldValidation === 'Strict' && record?.source === 'patch' && (record.type === 'json' || record.type === 'merge') ? goJsonText(obj) : ''
  const unknown = find === undefined ? [] : find(schema.group, schema.version, schema.kind, obj, { prune: true })
  if (record?.source === 'patch' && record.type === 'apply' && unknown.length > 0) throw typedPatchError(schema, obj, unknown)
  if (wq.fieldValidation === 'Ignore') return
  const errors = strictErrors(record, unknown)
  if (errors.length === 0) return
  if (wq.fieldValidation === 'Strict') throw strictFailure(record, schema, patched, errors)
  for (const e of errors) for (const w of warningsOf(e)) addWarning(res, w)
}
