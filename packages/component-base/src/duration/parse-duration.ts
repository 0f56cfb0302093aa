import { InvalidArgumentError } from 'commander'

// Go's time.ParseDuration units, expressed in milliseconds.
const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
}

const segment = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/

/**
 * Parses a Go duration string (`15s`, `5m`, `1h30m`, `100ms`, `1.5h`, `-2s`, `0`) into milliseconds.
 * Throws commander's `InvalidArgumentError`, so it doubles as an `.argParser()` for duration flags.
 */
export function parseDuration (text: string): number {
  const original = text
  let rest = text
  let sign = 1
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest.startsWith('-')) sign = -1
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (rest === '') throw invalid(original)
  let total = 0
  while (rest !== '') {
    const m = segment.exec(rest)
    if (m === null) throw invalid(original)
    const [whole, intPart = '', fracPart, unit = ''] = m
    // Go rejects a segment with neither integer nor fraction digits (".s", "s").
    if (intPart === '' && (fracPart === undefined || fracPart === '')) throw invalid(original)
    const scale = unitMs[unit]
    if (scale === undefined) throw new InvalidArgumentError(`time: unknown unit "${unit}" in duration "${original}"`)
    total += Number(`${intPart === '' ? '0' : intPart}.${fracPart ?? '0'}`) * scale
    rest = rest.slice(whole.length)
  }
  if (!Number.isFinite(total)) throw invalid(original)
  return sign * total
}

/** Like `parseDuration`, but rejects negative values (for periods and timeouts). */
export function parseNonNegativeDuration (text: string): number {
  const ms = parseDuration(text)
  if (ms < 0) throw new InvalidArgumentError(`duration must not be negative, got "${text}"`)
  return ms
}

/** Renders milliseconds the way Go prints durations (`1h30m0s`, `15s`, `100ms`), for help texts and logs. */
export function formatDuration (ms: number): string {
  if (ms === 0) return '0s'
  const sign = ms < 0 ? '-' : ''
  let rest = Math.abs(ms)
  if (rest < 1000) return `${sign}${trim(rest)}ms`
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = trim(rest / 1000)
  if (h > 0) return `${sign}${h}h${m}m${s}s`
  if (m > 0) return `${sign}${m}m${s}s`
  return `${sign}${s}s`
}

function trim (n: number): string {
  return String(Number(n.toFixed(9)))
}

function invalid (text: string): InvalidArgumentError {
  return new InvalidArgumentError(`time: invalid duration "${text}"`)
}
