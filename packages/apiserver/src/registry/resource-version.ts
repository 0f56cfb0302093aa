import { ApiError, errBadRequest, errInvalid, type FieldError } from '@kube-ts/api'
import type { ListQuery, WatchQuery } from './rest.js'

/** Parses a client-supplied resourceVersion; '' and undefined mean "unset". */
export function parseResourceVersion (rv: string | undefined): number | undefined {
  if (rv === undefined || rv === '') return undefined
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(Number(rv))) {
    throw errBadRequest(`invalid resource version: resourceVersion: Invalid value: ${JSON.stringify(rv)}: strconv.ParseUint: parsing ${JSON.stringify(rv)}: invalid syntax`)
  }
  return Number(rv)
}

/** Upstream's "Too large resource version" (504 Timeout, retry after 1 s). */
export function errTooLargeResourceVersion (wanted: number, current: number): ApiError {
  return new ApiError(504, 'Timeout', `Timeout: Too large resource version: ${wanted}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1
  })
}

const forbidden = (field: string, message: string): FieldError => ({ type: 'FieldValueForbidden', field, message })
const notSupported = (field: string, value: string, supported: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field, badValue: value, message: `supported values: ${supported.map(s => JSON.stringify(s)).join(', ')}` })

function invalidListOptions (errs: FieldError[]): void {
  if (errs.length > 0) throw errInvalid('meta.k8s.io', 'ListOptions', '', errs)
}

/** Upstream `ValidateListOptions` for a plain list (422 Invalid on ListOptions.meta.k8s.io). */
export function validateListQuery (q: ListQuery & { sendInitialEvents?: boolean }): void {
  const errs: FieldError[] = []
  const match = q.resourceVersionMatch as string | undefined
  if (match !== undefined && match !== '') {
    if (q.resourceVersion === undefined || q.resourceVersion === '') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'))
    if (q.continue !== undefined && q.continue !== '') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'))
    if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']))
    if (match === 'Exact' && q.resourceVersion === '0') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'))
  }
  if (q.sendInitialEvents !== undefined) errs.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'))
  invalidListOptions(errs)
}

/** Upstream `validateWatchOptions`. */
export function validateWatchQuery (q: WatchQuery): void {
  const errs: FieldError[] = []
  const match = q.resourceVersionMatch as string | undefined
  const hasMatch = match !== undefined && match !== ''
  if (q.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
    errs.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'))
  }
  if (hasMatch) {
    if (q.sendInitialEvents === undefined) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'))
    if (match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['NotOlderThan']))
    if (q.continue !== undefined && q.continue !== '') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'))
  }
  invalidListOptions(errs)
}

/** How to read a list from storage, derived from the reliability.md §1.2 table. */
export interface ListPlan {
  /** Read at exactly this revision (undefined = most recent). */
  revision?: number
  /** The result must be at least this fresh (504 "Too large resource version" otherwise). */
  minRevision?: number
  startKey?: string
  limit?: number
}

export interface DecodedContinue { revision: number, startKey: string }

export function planList (q: ListQuery, decodeContinue: (token: string) => DecodedContinue): ListPlan {
  validateListQuery(q)
  const rv = parseResourceVersion(q.resourceVersion)
  const limit = q.limit !== undefined && q.limit > 0 ? q.limit : undefined
  const plan: ListPlan = {}
  if (limit !== undefined) plan.limit = limit
  if (q.continue !== undefined && q.continue !== '') {
    if (rv !== undefined && rv !== 0) throw errBadRequest('specifying resource version is not allowed when using continue')
    const token = decodeContinue(q.continue)
    plan.startKey = token.startKey
    if (token.revision > 0) plan.revision = token.revision
    return plan
  }
  if (rv === undefined) return plan
  const match = q.resourceVersionMatch ?? ''
  if (match === 'Exact') {
    plan.revision = rv
  } else if (match === 'NotOlderThan') {
    if (rv > 0) plan.minRevision = rv
  } else if (limit !== undefined) {
    // legacy: limit with an RV means "exactly N" (RV 0 means "any")
    if (rv > 0) plan.revision = rv
  } else if (rv > 0) {
    plan.minRevision = rv
  }
  return plan
}
