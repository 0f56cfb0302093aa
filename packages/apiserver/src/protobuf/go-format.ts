import { malformed } from './wire-reader.js'

// Go's time.Time can only be rendered as RFC 3339 for years 1..9999; anything else is refused rather than printed oddly.
const minSeconds = -62135596800n // 0001-01-01T00:00:00Z
const maxSeconds = 253402300799n // 9999-12-31T23:59:59Z

function toDate (seconds: bigint): Date {
  if (seconds < minSeconds || seconds > maxSeconds) throw malformed(`timestamp ${seconds}s is outside years 1 to 9999`)
  return new Date(Number(seconds) * 1000)
}

function isoUpToSeconds (d: Date): string {
  // toISOString gives "+0001-..." style only beyond 9999; within range it is "YYYY-MM-DDTHH:MM:SS.mmmZ"
  return d.toISOString().slice(0, 19)
}

/** metav1.Time as JSON: RFC 3339 in UTC with whole seconds (`2026-11-23T08:00:00Z`). */
export function formatTime (seconds: bigint): string {
  return `${isoUpToSeconds(toDate(seconds))}Z`
}

/** metav1.MicroTime as JSON: RFC 3339 in UTC with six fractional digits. */
export function formatMicroTime (seconds: bigint, nanos: number): string {
  if (nanos < 0 || nanos > 999_999_999) throw malformed(`nanos ${nanos} out of range`)
  const micros = Math.floor(nanos / 1000).toString().padStart(6, '0')
  return `${isoUpToSeconds(toDate(seconds))}.${micros}Z`
}

/** Fraction digits of `v` at `prec` places with trailing zeros (and a bare point) dropped, as Go's fmtFrac. */
function splitFrac (v: bigint, prec: number): { whole: bigint, frac: string } {
  const scale = 10n ** BigInt(prec)
  const digits = (v % scale).toString().padStart(prec, '0').replace(/0+$/, '')
  return { whole: v / scale, frac: digits === '' ? '' : `.${digits}` }
}

/** A nanosecond count as Go's time.Duration.String(): `1h2m3.5s`, `1.5ms`, `0s`. */
export function formatDuration (nanos: bigint): string {
  if (nanos === 0n) return '0s'
  const neg = nanos < 0n
  const u = neg ? -nanos : nanos
  let text: string
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms']
    const { whole, frac } = splitFrac(u, prec)
    text = `${whole}${frac}${unit}`
  } else {
    const { whole: totalSeconds, frac } = splitFrac(u, 9)
    const totalMinutes = totalSeconds / 60n
    text = `${totalSeconds % 60n}${frac}s`
    if (totalMinutes > 0n) {
      text = `${totalMinutes % 60n}m${text}`
      const hours = totalMinutes / 60n
      if (hours > 0n) text = `${hours}h${text}`
    }
  }
  return neg ? `-${text}` : text
}
