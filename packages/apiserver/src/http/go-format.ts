/**
 * Renders values the way upstream's error messages embed them, so Strict field-validation errors read the same:
 * `goJsonText` is `json.Marshal` of a Go map (sorted keys, HTML-escaped), `goValueText` is `fmt.Sprintf("%+v")`
 * of a decoded JSON value (`map[a:1 b:[x y]]`).
 */
export function goJsonText (value: unknown): string {
  const sorted = JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) Object.defineProperty(out, k, { value: (v as Record<string, unknown>)[k], enumerable: true })
    return out
  })
  return sorted.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 or from 1e6 (for non-integers). */
function goNumber (n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  const [mantissa = '', exp = '0'] = n.toExponential().split('e')
  const e = Number(exp)
  if (e >= -4 && e < 6) return String(n)
  return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
}

export function goValueText (value: unknown): string {
  // iterative, because a patch may nest 10,000 levels deep
  const out: string[] = []
  const work: unknown[] = [value]
  const literal = Symbol('literal')
  while (work.length > 0) {
    const v = work.pop()
    if (typeof v === 'object' && v !== null && (v as { [literal]?: string })[literal] !== undefined) {
      out.push((v as { [literal]: string })[literal])
    } else if (v === null || v === undefined) {
      out.push('<nil>')
    } else if (Array.isArray(v)) {
      const parts: unknown[] = [{ [literal]: '[' }]
      v.forEach((item, i) => { if (i > 0) parts.push({ [literal]: ' ' }); parts.push(item) })
      parts.push({ [literal]: ']' })
      for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i])
    } else if (typeof v === 'object') {
      const rec = v as Record<string, unknown>
      const parts: unknown[] = [{ [literal]: 'map[' }]
      Object.keys(rec).sort().forEach((k, i) => { parts.push({ [literal]: `${i > 0 ? ' ' : ''}${k}:` }, rec[k]) })
      parts.push({ [literal]: ']' })
      for (let i = parts.length - 1; i >= 0; i--) work.push(parts[i])
    } else if (typeof v === 'number') {
      out.push(goNumber(v))
    } else {
      out.push(String(v))
    }
  }
  return out.join('')
}
