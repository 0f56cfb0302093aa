import type { IncomingMessage } from 'node:http'
import { errBadRequest, errInvalid } from '@kube-ts/api'
import type { FieldError } from '@kube-ts/api'
import type { DeleteOptions } from '../registry/rest.js'
import { decodeBody, isPlainObject } from './decode.js'
import { boolParam, intParam, parseDryRun } from './query.js'
import type { Query } from './query.js'

export interface ParsedDeleteOptions extends DeleteOptions {
  /** The legacy field, kept because `false` turns a pending delete into 202 Accepted. */
  orphanDependents?: boolean
}

const policies = new Set(['Orphan', 'Background', 'Foreground'])

/**
 * DeleteOptions from the query string, then overridden by a JSON/YAML body when one is sent, as upstream decodes
 * them (kubectl sends `{"propagationPolicy":"Background"}` as the body).
 */
export async function parseDeleteOptions (req: IncomingMessage, q: Query): Promise<ParsedDeleteOptions> {
  const raw: Record<string, unknown> = {}
  const grace = intParam(q, 'gracePeriodSeconds')
  if (grace !== undefined) raw.gracePeriodSeconds = grace
  const policy = q.get('propagationPolicy')
  if (policy !== null && policy !== '') raw.propagationPolicy = policy
  const orphan = boolParam(q, 'orphanDependents')
  if (orphan !== undefined) raw.orphanDependents = orphan
  const dryRun = q.getAll('dryRun')
  if (dryRun.length > 0) raw.dryRun = dryRun
  const body = await decodeBody(req, true)
  if (body !== undefined) {
    if (!isPlainObject(body)) throw errBadRequest('the body of a delete request must be a DeleteOptions object')
    if (body.kind !== undefined && body.kind !== 'DeleteOptions') throw errBadRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (DeleteOptions)`)
    for (const key of ['gracePeriodSeconds', 'propagationPolicy', 'orphanDependents', 'dryRun', 'preconditions']) {
      if (body[key] !== undefined && body[key] !== null) raw[key] = body[key]
    }
  }
  return validate(raw)
}

function validate (raw: Record<string, unknown>): ParsedDeleteOptions {
  const errs: FieldError[] = []
  const out: ParsedDeleteOptions = { dryRun: false }
  if (raw.gracePeriodSeconds !== undefined) {
    if (!Number.isSafeInteger(raw.gracePeriodSeconds)) throw errBadRequest('gracePeriodSeconds must be an integer')
    out.gracePeriodSeconds = raw.gracePeriodSeconds as number
  }
  if (raw.propagationPolicy !== undefined) {
    const p = raw.propagationPolicy
    if (typeof p !== 'string' || !policies.has(p)) {
      errs.push({ type: 'FieldValueNotSupported', field: 'propagationPolicy', badValue: p, message: 'supported values: "Foreground", "Background", "Orphan", "nil"' })
    } else {
      out.propagationPolicy = p as NonNullable<DeleteOptions['propagationPolicy']>
    }
  }
  if (raw.orphanDependents !== undefined) {
    if (typeof raw.orphanDependents !== 'boolean') throw errBadRequest('orphanDependents must be a boolean')
    if (out.propagationPolicy !== undefined) {
      errs.push({ type: 'FieldValueInvalid', field: 'propagationPolicy', badValue: out.propagationPolicy, message: 'orphanDependents and deletionPropagation cannot be both set' })
    } else {
      out.orphanDependents = raw.orphanDependents
      out.propagationPolicy = raw.orphanDependents ? 'Orphan' : 'Background'
    }
  }
  if (raw.dryRun !== undefined) {
    if (!Array.isArray(raw.dryRun) || raw.dryRun.some((v) => typeof v !== 'string')) throw errBadRequest('dryRun must be a list of strings')
    out.dryRun = parseDryRun(raw.dryRun as string[], errs)
  }
  if (raw.preconditions !== undefined) {
    const pre = raw.preconditions
    if (!isPlainObject(pre)) throw errBadRequest('preconditions must be an object')
    const p: NonNullable<DeleteOptions['preconditions']> = {}
    if (typeof pre.uid === 'string') p.uid = pre.uid
    if (typeof pre.resourceVersion === 'string') p.resourceVersion = pre.resourceVersion
    out.preconditions = p
  }
  if (errs.length > 0) throw errInvalid('meta.k8s.io', 'DeleteOptions', '', errs)
  return out
}
