const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const skipNewlines = (s: string, i: number): number => {
  while (i < s.length && (s[i] === '\n' || s[i] === '\r')) i++
  return i
}

/**
 * Where Go's `base64.StdEncoding` (what `[]byte` fields decode with) first fails on `s`, or undefined if it decodes.
 * Go reports the offset as "illegal base64 data at input byte N"; newlines are skipped, padding is required.
 */
export function base64ErrorOffset (s: string): number | undefined {
  let si = 0
  while (si < s.length) {
    let j = 0
    for (; j < 4; j++) {
      if (si === s.length) return j === 0 ? undefined : si - j
      const c = s[si] ?? ''
      si++
      if (alphabet.includes(c)) continue
      if (c === '\n' || c === '\r') { j--; continue }
      if (c !== '=' || j < 2) return si - 1
      if (j === 2) {
        si = skipNewlines(s, si)
        if (si === s.length) return s.length
        if (s[si] !== '=') return si - 1
        si++
      }
      si = skipNewlines(s, si)
      return si < s.length ? si : undefined
    }
  }
  return undefined
}
