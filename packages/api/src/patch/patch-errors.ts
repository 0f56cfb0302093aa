import { ApiError } from '../errors/api-error.js'

/**
 * Failures the apiserver reports for patch bodies, with upstream's codes. Plain Go errors surface as 500 with an
 * empty reason and the raw message (responsewriters/status.go); JSON patch failures as a generic 422.
 */

export const genericInvalidMessage = 'the server rejected our request due to an error in our request'

/** 422 Invalid with the generic message and empty details; the library text is kept only as `cause` for logs. */
export function errPatchRejected (why: string): ApiError {
  const err = new ApiError(422, 'Invalid', genericInvalidMessage, {})
  Object.defineProperty(err, 'cause', { value: new Error(why), enumerable: false })
  return err
}

/** A non-Status error from the merge code: 500, reason "", raw message. */
export function errPlain (message: string): ApiError {
  return new ApiError(500, '', message)
}

/** Runs `fn`, turning a stack overflow from absurdly nested input into a 400 instead of an unexplained 500. */
export function withDepthGuard<T> (fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError(400, 'BadRequest', 'the request is nested too deeply to be processed')
    throw err
  }
}
