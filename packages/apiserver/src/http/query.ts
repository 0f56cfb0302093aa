import { errBadRequest, errInvalid } from '@kube-ts/api'
import type { FieldError } from '@kube-ts/api'
import type { ListQuery, WatchQuery } from '../registry/rest.js'

/**
 * Query-string decoding for resource requests. Unparseable values are 400 BadRequest (upstream's parameter codec);
 * parseable but invalid option combinations are 422 Invalid on the options kind (upstream's options validation).
 */
export type Query = URLSearchParams

export function queryOf (url: string): Query {
  const i = url.indexOf('?')
  return new URLSearchParams(i < 0 ? '' : url.slice(i + 1))
}

const trueValues = new Set(['1', 't', 'T', 'true', 'TRUE', 'True'])
const falseValues = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False'])

/** Go's strconv.ParseBool, as upstream's parameter codec uses. */
export function boolParam (q: Query, key: string): boolean | undefined {
  const v = q.get(key)
  if (v === null || v === '') return undefined
  if (trueValues.has(v)) return true
  if (falseValues.has(v)) return false
  throw errBadRequest(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`)
}

export function intParam (q: Query, key: string): number | undefined {
  const v = q.get(key)
  if (v === null || v === '') return undefined
  if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) {
    throw errBadRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`)
  }
  return Number(v)
}

/** Validates a resourceVersion string: empty or a non-negative decimal that fits (etcd revisions are int64). */
export function checkResourceVersion (rv: string | undefined): void {
  if (rv === undefined || rv === '') return
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(Number(rv))) {
    throw errBadRequest(`invalid resource version: ${JSON.stringify(rv)}`)
  }
}

const optionsInvalid = (kind: string, errs: FieldError[]): Error => errInvalid('meta.k8s.io', kind, '', errs)

export function isWatchRequest (q: Query): boolean {
  return boolParam(q, 'watch') ?? false
}

function listCommon (q: Query, watch: boolean): ListQuery {
  const out: ListQuery = {}
  const labelSelector = q.get('labelSelector')
  if (labelSelector !== null && labelSelector !== '') out.labelSelector = labelSelector
  const fieldSelector = q.get('fieldSelector')
  if (fieldSelector !== null && fieldSelector !== '') out.fieldSelector = fieldSelector
  const limit = intParam(q, 'limit')
  if (limit !== undefined && limit > 0) out.limit = limit
  const cont = q.get('continue')
  if (cont !== null && cont !== '') out.continue = cont
  const rv = q.get('resourceVersion') ?? ''
  checkResourceVersion(rv)
  if (rv !== '') out.resourceVersion = rv
  const match = q.get('resourceVersionMatch') ?? ''
  const errs: FieldError[] = []
  if (match !== '') {
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      errs.push({ type: 'FieldValueNotSupported', field: 'resourceVersionMatch', badValue: match, message: 'supported values: "Exact", "NotOlderThan", ""' })
    } else if (watch && !(match === 'NotOlderThan' && boolParam(q, 'sendInitialEvents') === true)) {
      // a watch may carry NotOlderThan only as part of a WatchList request (sendInitialEvents=true)
      errs.push({ type: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided' })
    } else if (watch) {
      out.resourceVersionMatch = match
    } else if (rv === '') {
      errs.push({ type: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'resourceVersionMatch is forbidden unless resourceVersion is provided' })
    } else if (match === 'Exact' && rv === '0') {
      errs.push({ type: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"' })
    } else {
      out.resourceVersionMatch = match
    }
  }
  if (out.continue !== undefined && rv !== '' && rv !== '0') {
    errs.push({ type: 'FieldValueForbidden', field: 'resourceVersion', message: 'specifying resource version is not allowed when using continue' })
  }
  if (errs.length > 0) throw optionsInvalid('ListOptions', errs)
  return out
}

export function parseListQuery (q: Query): ListQuery {
  return listCommon(q, false)
}

export function parseWatchQuery (q: Query): WatchQuery {
  const out: WatchQuery = listCommon(q, true)
  const bookmarks = boolParam(q, 'allowWatchBookmarks')
  if (bookmarks !== undefined) out.allowWatchBookmarks = bookmarks
  const initial = boolParam(q, 'sendInitialEvents')
  if (initial !== undefined) {
    if (initial && (q.get('resourceVersionMatch') ?? '') !== 'NotOlderThan') {
      throw optionsInvalid('ListOptions', [{ type: 'FieldValueForbidden', field: 'sendInitialEvents', message: 'sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan' }])
    }
    out.sendInitialEvents = initial
  }
  const timeout = intParam(q, 'timeoutSeconds')
  if (timeout !== undefined && timeout > 0) out.timeoutSeconds = timeout
  return out
}

/** Options shared by create, update and patch (CreateOptions/UpdateOptions/PatchOptions). */
export interface WriteQuery {
  dryRun: boolean
  fieldManager?: string
  fieldValidation: '' | 'Ignore' | 'Warn' | 'Strict'
  force?: boolean
}

const fieldValidationValues = new Set(['', 'Ignore', 'Warn', 'Strict'])

export function parseDryRun (values: string[], errs: FieldError[]): boolean {
  const bad = values.filter((v) => v !== 'All')
  if (bad.length > 0) {
    errs.push({ type: 'FieldValueNotSupported', field: 'dryRun', badValue: values, message: 'supported values: "All"' })
    return false
  }
  return values.length > 0
}

export function parseWriteQuery (q: Query, optionsKind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'): WriteQuery {
  const errs: FieldError[] = []
  const dryRun = parseDryRun(q.getAll('dryRun'), errs)
  const out: WriteQuery = { dryRun, fieldValidation: '' }
  const manager = q.get('fieldManager')
  if (manager !== null && manager !== '') {
    if (manager.length > 128) {
      errs.push({ type: 'FieldValueTooLong', field: 'fieldManager', badValue: manager, message: 'may not be more than 128 bytes' })
    } else if (!/^[\x20-\x7e]*$/.test(manager)) {
      errs.push({ type: 'FieldValueInvalid', field: 'fieldManager', badValue: manager, message: 'must only contain printable characters' })
    }
    out.fieldManager = manager
  }
  const validation = q.get('fieldValidation') ?? ''
  if (!fieldValidationValues.has(validation)) {
    errs.push({ type: 'FieldValueNotSupported', field: 'fieldValidation', badValue: validation, message: 'supported values: "Ignore", "Strict", "Warn"' })
  } else {
    out.fieldValidation = validation as WriteQuery['fieldValidation']
  }
  if (optionsKind === 'PatchOptions') {
    const force = boolParam(q, 'force')
    if (force !== undefined) out.force = force
  }
  if (errs.length > 0) throw optionsInvalid(optionsKind, errs)
  return out
}
