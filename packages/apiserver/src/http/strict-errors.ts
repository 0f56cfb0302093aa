import type { StrictError } from './decode-record.js'
import { maxStrictErrors } from './json-duplicates.js'

/** Lexicographic on positions; an enclosing field (a prefix) comes before what it contains. */
function compareOrder (a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return a.length - b.length
}

/**
 * Puts strict decoding findings in document order, the order upstream's single decoding pass meets them, dropping
 * repeats and keeping the first {@link maxStrictErrors} as its decoder does.
 */
export function byDocumentOrder (errors: StrictError[]): StrictError[] {
  const sorted = [...errors].sort((a, b) => compareOrder(a.order, b.order))
  const seen = new Set<string>()
  const out: StrictError[] = []
  for (const e of sorted) {
    if (seen.has(e.text)) continue
    seen.add(e.text)
    out.push(e)
    if (out.length >= maxStrictErrors) break
  }
  return out
}
