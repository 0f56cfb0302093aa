import { errBadRequest, type ApiError } from '../errors/api-error.js'

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

// upstream's error texts, so a bad `resources.limits` value reads the same as against a real apiserver
export const QUANTITY_FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const QUANTITY_SUFFIX_MESSAGE = "unable to parse quantity's suffix"

const NANOS_PER_UNIT = 1_000_000_000n
/** Quantities are capped at the largest int64, like upstream. */
export const MAX_NANOS = (2n ** 63n - 1n) * NANOS_PER_UNIT

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const binarySuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }

interface Parts { negative: boolean, num: string, denom: string, suffix: string }

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const SUFFIX_CHARS = 'eEinumkKMGTP'

/** Splits `[+-]digits[.digits]suffix`; leading zeros are dropped, a bare sign or dot reads as zero, as upstream. */
function splitQuantity (s: string): Parts | ApiError {
  let pos = 0
  let negative = false
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-'
    pos++
  }
  while (s[pos] === '0') pos++
  const numStart = pos
  while (isDigit(s[pos])) pos++
  const num = s.slice(numStart, pos) === '' ? '0' : s.slice(numStart, pos)
  let denom = ''
  if (s[pos] === '.') {
    const start = ++pos
    while (isDigit(s[pos])) pos++
    denom = s.slice(start, pos)
  }
  const suffixStart = pos
  while (pos < s.length && SUFFIX_CHARS.includes(s[pos] ?? '')) pos++
  if (s[pos] === '-' || s[pos] === '+') pos++
  while (isDigit(s[pos])) pos++
  if (pos < s.length) return errBadRequest(QUANTITY_FORMAT_MESSAGE)
  return { negative, num, denom, suffix: s.slice(suffixStart) }
}

interface Suffix { base: 2 | 10, exponent: number, format: QuantityFormat }

function interpretSuffix (suffix: string): Suffix | undefined {
  const dec = Object.hasOwn(decimalSuffixes, suffix) ? decimalSuffixes[suffix] : undefined
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' }
  const bin = Object.hasOwn(binarySuffixes, suffix) ? binarySuffixes[suffix] : undefined
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const digits = suffix.slice(1)
    if (!/^[+-]?[0-9]+$/.test(digits)) return undefined
    const v = BigInt(digits)
    if (v < -(2n ** 63n) || v >= 2n ** 63n) return undefined
    // upstream narrows the exponent to int32
    return { base: 10, exponent: Number(BigInt.asIntN(32, v)), format: 'DecimalExponent' }
  }
  return undefined
}

export interface ParsedQuantity {
  nanos: bigint
  format: QuantityFormat
  /** The input, when upstream would print it back verbatim. */
  text: string | undefined
}

/** Integer division rounding away from zero for a non-negative numerator (callers handle the sign). */
const ceilDiv = (n: bigint, d: bigint): bigint => (n + d - 1n) / d

const INT64_MAX = 2n ** 63n - 1n

/**
 * Upstream remembers the input text as the quantity's string when the value parsed on its int64 fast path and the
 * text already looked canonical, so e.g. `1E3` and `+1` print back unchanged. This reproduces that test.
 */
function keepsInputText (parts: Parts, suffix: Suffix): boolean {
  const shifted = `${parts.num}${parts.denom}`
  if (suffix.base === 2) {
    if (parts.denom !== '') return false
    if (15 - parts.num.length - Math.trunc(suffix.exponent * 3 / 10) - 1 < 0) return false
    const value = BigInt(shifted)
    if ((value << BigInt(suffix.exponent)) > INT64_MAX) return false
    return suffix.exponent % 10 === 0 && (value & 7n) !== 0n
  }
  if (shifted.length > 18) return false
  const scale = suffix.exponent - parts.denom.length
  return scale >= -9 && scale % 3 === 0 && !shifted.endsWith('000') && !shifted.startsWith('0')
}

/**
 * Parses a quantity into nano-units, exactly. Values finer than a nano-unit round up (away from zero) so a
 * request for "some" of a resource never becomes zero; values beyond int64 are capped.
 */
export function parseToNanos (s: string): ParsedQuantity | ApiError {
  if (s.length === 0) return errBadRequest(QUANTITY_FORMAT_MESSAGE)
  const parts = splitQuantity(s)
  if (!('num' in parts)) return parts
  const suffix = interpretSuffix(parts.suffix)
  if (suffix === undefined) return errBadRequest(QUANTITY_SUFFIX_MESSAGE)
  const digits = `${parts.num}${parts.denom}`
  const mantissa = BigInt(digits)
  const text = keepsInputText(parts, suffix) ? s : undefined
  if (mantissa === 0n) return { nanos: 0n, format: suffix.format, text }
  let nanos: bigint
  if (suffix.base === 2) {
    nanos = ceilDiv(mantissa * NANOS_PER_UNIT * (1n << BigInt(suffix.exponent)), 10n ** BigInt(parts.denom.length))
  } else {
    const shift = suffix.exponent - parts.denom.length + 9
    // far beyond the cap: avoid building huge powers (upstream would keep e.g. `1e30` uncapped on its int64 fast
    // path; we cap every value, and only the printed text of such absurd quantities still matches)
    if (shift > 40) nanos = MAX_NANOS + 1n
    else if (shift < -(digits.length + 1)) nanos = 1n // below one nano-unit
    else nanos = shift >= 0 ? mantissa * 10n ** BigInt(shift) : ceilDiv(mantissa, 10n ** BigInt(-shift))
  }
  if (nanos > MAX_NANOS) nanos = MAX_NANOS
  return { nanos: parts.negative ? -nanos : nanos, format: suffix.format, text }
}
