import type { ServerResponse } from 'node:http'
import { errBadRequest } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import type { WriteQuery } from './query.js'

/** Lists the fields of `obj` its kind's schema does not declare (paths like `spec.containers[0].foo`). */
export type UnknownFieldFinder = (group: string, version: string, kind: string, obj: unknown) => string[]

/** Adds one `Warning: 299` header line, as upstream's warning recorder does (kubectl prints them on stderr). */
export function addWarning (res: ServerResponse, text: string): void {
  const line = `299 - ${JSON.stringify(text)}`
  const existing = res.getHeader('Warning')
  const lines = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]
  if (!lines.includes(line)) res.setHeader('Warning', [...lines, line])
}

/**
 * Server-side field validation: `Strict` refuses unknown fields with 400 (`strict decoding error: ...`), `Warn`
 * (the default) answers with Warning headers, `Ignore` does nothing. Without a finder it is a no-op.
 */
export function checkUnknownFields (find: UnknownFieldFinder | undefined, schema: ResourceSchema, obj: KubeObject, wq: WriteQuery, res: ServerResponse): void {
  if (find === undefined || wq.fieldValidation === 'Ignore') return
  const unknown = find(schema.group, schema.version, schema.kind, obj)
  if (unknown.length === 0) return
  if (wq.fieldValidation === 'Strict') {
    throw errBadRequest(`strict decoding error: ${unknown.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ')}`)
  }
  for (const f of unknown) addWarning(res, `unknown field ${JSON.stringify(f)}`)
}
