import { StringDecoder } from 'node:string_decoder'
import type { Status } from '@kube-ts/api'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'

/** One event of a watch stream (kubectl-wire.md 5.2). ERROR events carry a `Status`. */
export type WatchEvent<T> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK', object: T }
  | { type: 'ERROR', object: Status }

const eventTypes = new Set<string>(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'])

/** The stream was not a sequence of watch events (bad JSON, a non-object, an unknown type). */
export class WatchDecodeError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'WatchDecodeError'
  }
}

/**
 * Splits a byte stream into top-level JSON values. The apiserver writes one event per line, but nothing forces a
 * chunk boundary to match a line (or a UTF-8 character), so this scans braces and strings instead of trusting `\n`.
 */
export class JsonObjectSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private buf = ''
  private depth = 0
  private inString = false
  private escaped = false
  private start = -1
  private scanned = 0

  /** Feeds a chunk and returns every complete top-level value's text. */
  push (chunk: Buffer | string): string[] {
    this.buf += typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    const out: string[] = []
    for (let i = this.scanned; i < this.buf.length; i++) {
      const c = this.buf[i]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (c === '\\') this.escaped = true
        else if (c === '"') this.inString = false
        continue
      }
      if (c === '"') {
        this.inString = true
      } else if (c === '{' || c === '[') {
        if (this.depth === 0) this.start = i
        this.depth++
      } else if (c === '}' || c === ']') {
        this.depth--
        if (this.depth < 0) throw new WatchDecodeError(`unexpected "${c}" in watch stream`)
        if (this.depth === 0) out.push(this.buf.slice(this.start, i + 1))
      } else if (this.depth === 0 && c !== undefined && !/\s/.test(c)) {
        throw new WatchDecodeError(`unexpected "${c}" between watch events`)
      }
    }
    if (this.depth === 0) {
      this.buf = ''
      this.scanned = 0
    } else {
      this.buf = this.buf.slice(this.start)
      this.scanned = this.buf.length
      this.start = 0
    }
    return out
  }

  /** True when the stream ended in the middle of a value. */
  get partial (): boolean {
    return this.depth > 0 || this.buf.trim() !== ''
  }
}

/** Parses one event's JSON text and checks its shape. */
export function decodeWatchEvent<T> (text: string): WatchEvent<T> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new WatchDecodeError(`invalid JSON in watch stream: ${(err as Error).message}`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new WatchDecodeError('watch event is not an object')
  const { type, object } = parsed as { type?: unknown, object?: unknown }
  if (typeof type !== 'string' || !eventTypes.has(type)) throw new WatchDecodeError(`unknown watch event type ${JSON.stringify(type)}`)
  if (object === null || typeof object !== 'object') throw new WatchDecodeError(`watch event ${type} has no object`)
  return { type, object } as WatchEvent<T>
}

/** Turns a chunked response body into watch events, in order, however the chunks split them. */
export async function * readWatchEvents<T> (body: AsyncIterable<Buffer | string>): AsyncGenerator<WatchEvent<T>> {
  const splitter = new JsonObjectSplitter()
  for await (const chunk of body) {
    for (const text of splitter.push(chunk)) yield decodeWatchEvent<T>(text)
  }
  if (splitter.partial) throw new WatchDecodeError('watch stream ended in the middle of an event')
}
