/** Go-style durations (`300ms`, `32s`, `5m`, `1h30m`, `0`), as upstream flags and the `timeout` query use. */
const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Milliseconds, or undefined when the text is not a duration. */
export function parseDuration (text: string): number | undefined {
  const t = text.trim()
  if (t === '0') return 0
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y
  let total = 0
  let pos = 0
  while (pos < t.length) {
    re.lastIndex = pos
    const m = re.exec(t)
    if (m === null) return undefined
    total += Number(m[1]) * (units[m[2] as string] as number)
    pos = re.lastIndex
  }
  return pos === 0 ? undefined : total
}
