import { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

const CRLF = Buffer.from('\r\n')
/** Chunk frames of shared lines, so every HTTP/1.1 watcher of an event writes the very same bytes. */
const chunks = new WeakMap<Buffer, Buffer>()

/** `line` as one HTTP/1.1 chunk: its size in hex, CRLF, the bytes, CRLF. */
export function chunkFrame (line: Buffer): Buffer {
  return Buffer.concat([Buffer.from(line.length.toString(16), 'latin1'), CRLF, line, CRLF])
}

function sharedChunkFrame (line: Buffer): Buffer {
  let chunk = chunks.get(line)
  if (chunk === undefined) {
    chunk = chunkFrame(line)
    chunks.set(line, chunk)
  }
  return chunk
}

/** Writes watch lines to a response whose headers are sent; `write` returns false when the client lags. */
export interface WatchWriter {
  write: (line: Buffer | string) => boolean
  /** Resolves when the client has taken what was buffered, or when `signal` aborts. */
  drained: (signal: AbortSignal) => Promise<void>
  /** Sends anything still held back for batching; call before ending the response. */
  flush: () => void
}

/**
 * Frames held back until the end of the current tick, then written per socket in one go: when the server is busy
 * and several events arrive together, each watcher gets them in one write (one syscall) rather than one each.
 */
class ChunkWriter implements WatchWriter {
  private pending: Buffer[] = []
  private lagging = false

  constructor (private readonly socket: Socket) {}

  write (line: Buffer | string): boolean {
    // an empty chunk would be the end-of-body marker; lines always end in a newline, so none is empty
    if (this.socket.destroyed || line.length === 0) return true
    if (this.pending.length === 0) scheduleFlush(this)
    this.pending.push(typeof line === 'string' ? chunkFrame(Buffer.from(line)) : sharedChunkFrame(line))
    return !this.lagging
  }

  async drained (signal: AbortSignal): Promise<void> {
    this.flush()
    if (this.lagging) await waitFor(this.socket, signal)
    this.lagging = false
  }

  flush (): void {
    const frames = this.pending
    if (frames.length === 0) return
    this.pending = []
    if (this.socket.destroyed) return
    let ok: boolean
    if (frames.length === 1) {
      ok = this.socket.write(frames[0] as Buffer)
    } else {
      this.socket.cork()
      for (const f of frames) this.socket.write(f)
      this.socket.uncork()
      ok = this.socket.writableLength < this.socket.writableHighWaterMark
    }
    if (!ok) this.lagging = true
  }
}

/** One tick callback flushes every writer that wrote during the tick (not one callback per watcher). */
const dirty: ChunkWriter[] = []
function scheduleFlush (w: ChunkWriter): void {
  if (dirty.length === 0) process.nextTick(flushAll)
  dirty.push(w)
}
function flushAll (): void {
  const all = dirty.splice(0)
  for (const w of all) w.flush()
}

/**
 * For a chunked HTTP/1.1 response, each event goes to the socket as one pre-framed chunk shared by all watchers:
 * one socket write instead of four pieces (size, CRLF, data, CRLF) corked and flushed per watcher, which was most
 * of the per-watcher cost left after sharing the encoded line. The bytes on the wire are the same; the response's
 * own buffer stays empty, so its final `end()` (after `flush()`: the terminating chunk) still comes last. Other
 * responses (HTTP/2, a socket not attached yet) write through the response as usual.
 */
export function watchWriter (res: ServerResponse): WatchWriter {
  const socket = res.socket as Socket | null
  const raw = res instanceof ServerResponse && res.chunkedEncoding && socket !== null && res.headersSent && res.writableLength === 0
  if (raw && socket !== null) return new ChunkWriter(socket)
  return { write: (line) => res.write(line), drained: async (signal) => await waitFor(res, signal), flush: () => {} }
}

function waitFor (stream: NodeJS.EventEmitter, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      signal.removeEventListener('abort', done)
      resolve()
    }
    stream.once('drain', done)
    stream.once('close', done)
    signal.addEventListener('abort', done, { once: true })
  })
}
