import { ApiError } from '@kube-ts/api'
import type { Status } from '@kube-ts/api'

// What client-go says when a non-2xx answer carries no Status body (apimachinery errors.NewGenericServerResponse).
const generic: Record<number, { reason: string, message: string }> = {
  400: { reason: 'BadRequest', message: 'the server rejected our request for an unknown reason' },
  401: { reason: 'Unauthorized', message: 'the server has asked for the client to provide credentials' },
  403: { reason: 'Forbidden', message: 'the server does not allow access to the requested resource' },
  404: { reason: 'NotFound', message: 'the server could not find the requested resource' },
  405: { reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource' },
  406: { reason: 'NotAcceptable', message: 'the server was unable to respond with a content type that the client supports' },
  409: { reason: 'Conflict', message: 'the server reported a conflict' },
  410: { reason: 'Gone', message: 'the server has asked for the client to provide credentials' },
  413: { reason: 'RequestEntityTooLarge', message: 'the server has received a request that is too large' },
  415: { reason: 'UnsupportedMediaType', message: 'the server was unable to respond with a content type that the client supports' },
  422: { reason: 'Invalid', message: 'the server rejected our request due to an error in our request' },
  429: { reason: 'TooManyRequests', message: 'the server has received too many requests and has asked us to try again later' },
  500: { reason: 'InternalError', message: 'an error on the server has prevented the request from succeeding' },
  503: { reason: 'ServiceUnavailable', message: 'the server is currently unable to handle the request' },
  504: { reason: 'Timeout', message: 'the server was unable to return a response in the time allotted, but may still be processing the request' }
}

/** Builds the ApiError for a failed response: the server's Status when it sent one, else client-go's generic text. */
export function errorFromResponse (code: number, body: string, contentType: string | undefined): ApiError {
  if (contentType?.includes('json') === true || body.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(body) as Partial<Status>
      if (parsed !== null && typeof parsed === 'object' && parsed.kind === 'Status') return ApiError.fromStatus(parsed, code)
    } catch { /* not JSON after all: fall through to the generic error */ }
  }
  const g = generic[code] ?? { reason: 'Unknown', message: `an error on the server ("${truncate(body)}") has prevented the request from succeeding` }
  return new ApiError(code, g.reason, g.message, { causes: [{ reason: 'UnexpectedServerResponse', message: truncate(body) }] })
}

function truncate (s: string): string {
  return s.length > 256 ? `${s.slice(0, 256)}...` : s
}

/**
 * Whether a write was refused because its namespace is being deleted (upstream HasStatusCause with
 * NamespaceTerminatingCause): every later create there fails too, so callers neither retry nor report it.
 */
export function isNamespaceTerminating (err: unknown): boolean {
  return (err as ApiError | undefined)?.details?.causes?.some((c) => c.reason === 'NamespaceTerminating') === true
}

/** Thrown when a request's own deadline passes (not a server 504). */
export class RequestTimeoutError extends Error {
  readonly code = 'ETIMEDOUT'
  constructor (method: string, path: string, ms: number) {
    super(`${method} ${path}: request timed out after ${ms}ms`)
    this.name = 'TimeoutError'
  }
}
