import type { Status, StatusCause, StatusDetails, StatusReason } from './status.js'

/** Where a resource is named in error messages: `deployments.apps` or `pods`. */
export interface ResourceRef {
  group: string
  resource: string
}

function qualified (ref: ResourceRef): string {
  return ref.group === '' ? ref.resource : `${ref.resource}.${ref.group}`
}

/**
 * An error that maps 1:1 to a Kubernetes `Status`. Thrown by storage, registry and handlers; one express
 * error middleware turns it into the HTTP response. Clients throw it too when the server answers with a Status.
 */
export class ApiError extends Error {
  readonly code: number
  readonly reason: StatusReason | string
  readonly details: StatusDetails | undefined
  /** Extra metadata (e.g. an inconsistent continue token on 410). */
  readonly statusMetadata: Status['metadata']

  constructor (code: number, reason: StatusReason | string, message: string, details?: StatusDetails, metadata?: Status['metadata']) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.reason = reason
    this.details = details
    this.statusMetadata = metadata ?? {}
  }

  toStatus (): Status {
    const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: this.statusMetadata, status: 'Failure', message: this.message, reason: this.reason, code: this.code }
    if (this.details !== undefined) status.details = this.details
    return status
  }

  static fromStatus (s: Partial<Status>, httpCode?: number): ApiError {
    return new ApiError(s.code ?? httpCode ?? 500, s.reason ?? 'Unknown', s.message ?? 'unknown error', s.details, s.metadata)
  }
}

function details (ref: ResourceRef, name: string): StatusDetails {
  const d: StatusDetails = { name, kind: ref.resource }
  if (ref.group !== '') d.group = ref.group
  return d
}

export const OptimisticLockErrorMsg = 'the object has been modified; please apply your changes to the latest version and try again'

export const errNotFound = (ref: ResourceRef, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${qualified(ref)} "${name}" not found`, details(ref, name))

export const errAlreadyExists = (ref: ResourceRef, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${qualified(ref)} "${name}" already exists`, details(ref, name))

export const errConflict = (ref: ResourceRef, name: string, why: string = OptimisticLockErrorMsg): ApiError =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(ref)} "${name}": ${why}`, details(ref, name))

/** 422 Invalid. `kind` is the object's Kind (upstream uses the kind here, not the resource). */
export const errInvalid = (group: string, kind: string, name: string, causes: FieldError[]): ApiError => {
  const text = causes.map(formatFieldError).join(', ')
  const d: StatusDetails = { name, kind, causes: causes.map(toCause) }
  if (group !== '') d.group = group
  const what = group === '' ? kind : `${kind}.${group}`
  return new ApiError(422, 'Invalid', `${what} "${name}" is invalid: ${causes.length > 1 ? `[${text}]` : text}`, d)
}

export const errBadRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message)
export const errMethodNotAllowed = (message: string): ApiError => new ApiError(405, 'MethodNotAllowed', message)
export const errUnsupportedMediaType = (contentType: string): ApiError =>
  new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${contentType})`)
export const errTooLarge = (message = 'the server has received a request that is too large'): ApiError =>
  new ApiError(413, 'RequestEntityTooLarge', message)
export const errGone = (message: string, metadata?: Status['metadata']): ApiError => new ApiError(410, 'Expired', message, undefined, metadata)
export const errInternal = (message: string): ApiError =>
  new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] })
export const errServiceUnavailable = (message: string): ApiError => new ApiError(503, 'ServiceUnavailable', message)
export const errTimeout = (message: string): ApiError => new ApiError(504, 'Timeout', message)
export const errForbidden = (message: string): ApiError => new ApiError(403, 'Forbidden', message)
export const errNotAcceptable = (message: string): ApiError => new ApiError(406, 'NotAcceptable', message)
export const errTooManyRequests = (message: string, retryAfterSeconds = 1): ApiError =>
  new ApiError(429, 'TooManyRequests', message, { retryAfterSeconds })

/** A field validation failure, as upstream's `field.Error` (`FieldValueInvalid`, `FieldValueRequired`, ...). */
export interface FieldError {
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTypeInvalid' | 'FieldValueTooMany' | 'FieldValueNotFound'
  field: string
  message: string
  badValue?: unknown
}

const typeText: Record<FieldError['type'], string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found'
}

/** Renders like upstream's `field.Error.Error()`: `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 ...`. */
export function formatFieldError (e: FieldError): string {
  const head = `${e.field}: ${typeText[e.type]}`
  if (e.type === 'FieldValueRequired' || e.type === 'FieldValueForbidden' || e.badValue === undefined) {
    return e.message === '' ? head : `${head}: ${e.message}`
  }
  // upstream appends ": <detail>" only when there is one (Duplicate and NotFound usually have none)
  const value = `${head}: ${JSON.stringify(e.badValue)}`
  return e.message === '' ? value : `${value}: ${e.message}`
}

function toCause (e: FieldError): StatusCause {
  const m = formatFieldError(e)
  // upstream puts "<type text>: <badValue>: <detail>" (without the field) in the cause message
  return { reason: e.type, message: m.slice(e.field.length + 2), field: e.field }
}

/** Predicates check `reason`, not `instanceof` (cross-realm safe under jest). */
export const isNotFound = (e: unknown): boolean => (e as ApiError | undefined)?.reason === 'NotFound'
export const isConflict = (e: unknown): boolean => (e as ApiError | undefined)?.reason === 'Conflict'
export const isAlreadyExists = (e: unknown): boolean => (e as ApiError | undefined)?.reason === 'AlreadyExists'
export const isGone = (e: unknown): boolean => { const r = (e as ApiError | undefined)?.reason; return r === 'Expired' || r === 'Gone' }
