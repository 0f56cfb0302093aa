/**
 * One watch event as its JSON stream line, as bytes. Every watcher of a resource receives the same event object
 * from the watch cache, so the line is encoded once per (object, type) and the same Buffer is written to every
 * socket: with many watchers, serialising (and UTF-8 encoding) each event per watcher was most of the fan-out's CPU.
 */
const lines = new WeakMap<object, { type: string, line: Buffer }>()

export function watchEventLine (type: string, object: unknown): Buffer {
  const cacheable = typeof object === 'object' && object !== null
  if (cacheable) {
    const hit = lines.get(object)
    if (hit !== undefined && hit.type === type) return hit.line
  }
  const line = Buffer.from(`${JSON.stringify({ type, object })}\n`)
  if (cacheable) lines.set(object, { type, line })
  return line
}
