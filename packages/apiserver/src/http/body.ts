import type { IncomingMessage } from 'node:http'
import { ApiError } from '@kube-ts/api'

/** Upstream `MaxRequestBodyBytes`: twice etcd's recommended 1.5 MiB request size. */
export const maxRequestBodyBytes = 3 * 1024 * 1024

export const errEntityTooLarge = (message: string): ApiError => new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`)

/**
 * Reads the whole request body, refusing more than `limit` bytes. A declared Content-Length over the limit fails
 * before reading; chunked bodies fail as soon as the running total passes it, so memory stays bounded either way.
 */
export async function readBody (req: IncomingMessage, limit = maxRequestBodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    throw errEntityTooLarge(`limit is ${limit}`)
  }
  return await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    let done = false
    const finish = (err: Error | undefined, value?: Buffer): void => {
      if (done) return
      done = true
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('aborted', onAborted)
      if (err !== undefined) {
        // keep draining so the socket can still carry our error response
        req.resume()
        reject(err)
      } else {
        resolve(value as Buffer)
      }
    }
    const onData = (chunk: Buffer): void => {
      total += chunk.length
      if (total > limit) {
        finish(errEntityTooLarge(`limit is ${limit}`))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => finish(undefined, Buffer.concat(chunks, total))
    const onError = (err: Error): void => finish(new ApiError(400, 'BadRequest', `error reading request body: ${err.message}`))
    const onAborted = (): void => finish(new ApiError(400, 'BadRequest', 'request body aborted by the client'))
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('aborted', onAborted)
  })
}

/** The media type of a Content-Type header without parameters, lower-cased ('' when absent). */
export function mediaTypeOf (header: string | undefined): string {
  if (header === undefined) return ''
  return (header.split(';')[0] ?? '').trim().toLowerCase()
}
