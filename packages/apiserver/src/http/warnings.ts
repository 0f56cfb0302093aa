import type { ServerResponse } from 'node:http'

/** Upstream's warning recorder limits (apiserver `filters/warning.go`). */
export const maxWarningRunes = 4 * 1024
export const truncatedWarningRunes = 256

interface Recorder { recorded: Set<string>, ordered: string[], written: number, truncating: boolean }

const recorders = new WeakMap<ServerResponse, Recorder>()

/** `299 - "text"` with only `"` and `\` escaped, as upstream; UTF-8 bytes carried as latin1 so Node accepts them. */
function headerLine (text: string): string {
  const quoted = `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`
  return `299 - ${Buffer.from(quoted, 'utf8').toString('latin1')}`
}

function truncated (text: string): { text: string, runes: number } {
  const runes = [...text]
  return runes.length > truncatedWarningRunes ? { text: runes.slice(0, truncatedWarningRunes).join(''), runes: truncatedWarningRunes } : { text, runes: runes.length }
}

/**
 * Adds one `Warning: 299` header line, as upstream's warning recorder does (kubectl prints them on stderr): each
 * text once, texts with control characters dropped, and past 4096 runes in total every text cut to 256 runes and
 * later ones dropped, so a body with thousands of findings cannot grow the response headers without bound.
 */
export function addWarning (res: ServerResponse, text: string): void {
  if (text === '' || /\p{Cc}/u.test(text)) return
  let r = recorders.get(res)
  if (r === undefined) recorders.set(res, r = { recorded: new Set(), ordered: [], written: 0, truncating: false })
  if (r.truncating && r.written >= maxWarningRunes) return
  if (r.recorded.has(text)) return
  r.recorded.add(text)
  r.ordered.push(text)
  const runes = [...text].length
  if (r.truncating || r.written + runes <= maxWarningRunes) {
    const item = r.truncating ? truncated(text) : { text, runes }
    r.written += item.runes
    appendHeader(res, headerLine(item.text))
    return
  }
  // over the limit: replay everything so far, truncated
  r.truncating = true
  r.written = 0
  res.removeHeader('Warning')
  for (const earlier of r.ordered) {
    const item = truncated(earlier)
    r.written += item.runes
    appendHeader(res, headerLine(item.text))
  }
}

function appendHeader (res: ServerResponse, line: string): void {
  const existing = res.getHeader('Warning')
  const lines = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]
  res.setHeader('Warning', [...lines, line])
}
