import { errBadRequest } from '../errors/api-error.js'
import { canonicalString } from './canonical.js'
import { parseToNanos, type QuantityFormat } from './parse.js'

const NANOS_PER_UNIT = 1_000_000_000n
const NANOS_PER_MILLI = 1_000_000n

/** Division that rounds away from zero, as upstream's `ScaledValue` does. */
function divAwayFromZero (n: bigint, d: bigint): bigint {
  const q = n / d
  if (n % d === 0n) return q
  return n < 0n ? q - 1n : q + 1n
}

/**
 * A resource.Quantity (`100m`, `1.5Gi`, `2e3`). Stored exactly as a count of nano-units (the finest scale upstream
 * keeps) plus the format of the text it came from, which decides how `toString()` prints it. Immutable.
 */
export class Quantity {
  private constructor (readonly nanos: bigint, readonly format: QuantityFormat, private readonly text?: string) {}

  /** Throws a BadRequest ApiError with upstream's message when `s` is not a quantity. */
  static parse (s: string): Quantity {
    const r = parseToNanos(s)
    if (!('nanos' in r)) throw r
    return new Quantity(r.nanos, r.format, r.text)
  }

  /** Accepts what JSON may hold for a quantity: a string, or a plain number (as `cpu: 1` in YAML). */
  static from (v: unknown): Quantity {
    if (v instanceof Quantity) return v
    // JSON decoding trims surrounding whitespace first, as upstream's UnmarshalJSON does
    if (typeof v === 'string') return Quantity.parse(v.trim())
    if (typeof v === 'number' && Number.isFinite(v)) return Quantity.parse(String(v))
    throw errBadRequest(`quantity must be a string or a number, got ${v === null ? 'null' : typeof v}`)
  }

  static fromNanos (nanos: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(nanos, format)
  }

  /** Like upstream `NewMilliQuantity`: 1500 -> `1500m`. */
  static fromMilli (milli: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli) * NANOS_PER_MILLI, format)
  }

  /** Like upstream `NewQuantity`: (1024, 'BinarySI') -> `1Ki`. */
  static fromValue (value: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value) * NANOS_PER_UNIT, format)
  }

  static zero (format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, format)
  }

  cmp (other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0
  }

  equals (other: Quantity): boolean {
    return this.nanos === other.nanos
  }

  /** The sum keeps this quantity's format, or takes the other's when this one is zero (as upstream `Add`). */
  add (other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.isZero() ? other.format : this.format)
  }

  sub (other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.isZero() ? other.format : this.format)
  }

  neg (): Quantity {
    return new Quantity(-this.nanos, this.format)
  }

  isZero (): boolean {
    return this.nanos === 0n
  }

  sign (): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0
  }

  /** Whole units, rounded away from zero (`100m` -> 1). Exact as a number up to 2^53. */
  value (): number {
    return Number(this.valueBig())
  }

  valueBig (): bigint {
    return divAwayFromZero(this.nanos, NANOS_PER_UNIT)
  }

  /** Thousandths of a unit, rounded away from zero (`0.1` -> 100, `1n` -> 1). Exact as a number up to 2^53. */
  milliValue (): number {
    return Number(this.milliValueBig())
  }

  milliValueBig (): bigint {
    return divAwayFromZero(this.nanos, NANOS_PER_MILLI)
  }

  /** For display and ratios only; may lose precision. */
  asApproximateFloat64 (): number {
    return Number(this.nanos) / 1e9
  }

  /**
   * Rounds away from zero to a multiple of 10^scale (upstream `RoundUp`); `roundUp(-3)` is what the apiserver
   * applies to every pod resource request and limit. The text is kept when nothing had to change.
   */
  roundUp (scale: number): Quantity {
    const step = scale >= -9 ? 10n ** BigInt(scale + 9) : 1n
    if (this.nanos % step === 0n) return this
    return new Quantity(divAwayFromZero(this.nanos, step) * step, this.format)
  }

  /** How upstream prints it: the input text if it was already canonical, else `1500m`, `1536Mi`, `1e3`, `1` (from `1000m`). */
  toString (): string {
    return this.text ?? canonicalString(this.nanos, this.format)
  }

  /** The canonical form, ignoring any remembered input text. */
  canonical (): string {
    return canonicalString(this.nanos, this.format)
  }

  toJSON (): string {
    return this.toString()
  }
}

export function parseQuantity (s: string | number): Quantity {
  return Quantity.from(s)
}

export function isValidQuantity (s: string): boolean {
  return 'nanos' in parseToNanos(s)
}
