/**
 * One watch event as its JSON stream line. Every watcher of a resource receives the same event object from the
 * watch cache, so the line is built once per (object, type) and shared: with many watchers, serialising each
 * event per watcher was most of the fan-out's CPU.
 */
const lines = new WeakMap<object, { type: string, line: string }>()

export function watchEventLine (type: string, object: unknown): string {
  const cacheable = typeof object === 'object' && object !== null
  if (cacheable) {
    const hit = lines.get(object)
    if (hit !== undefined && hit.type === type) return hit.line
  }
  const line = `${JSON.stringify({ type, object })}\n`
  if (cacheable) lines.set(object, { type, line })
  return line
}
