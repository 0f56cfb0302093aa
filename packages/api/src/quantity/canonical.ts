import type { QuantityFormat } from './parse.js'

const NANOS_PER_UNIT = 1_000_000_000n
const decimalSuffixByExponent: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const binarySuffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** Smallest integer mantissa with an exponent that is a multiple of 3: 1.5e3 -> ["1500", 0], 1e-1 -> ["100", -3]. */
function decimalParts (nanos: bigint): { mantissa: bigint, exponent: number } {
  let mantissa = nanos
  let exponent = -9
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    exponent++
  }
  const r = ((exponent % 3) + 3) % 3
  return { mantissa: mantissa * 10n ** BigInt(r), exponent: exponent - r }
}

/**
 * Upstream's canonical text: the mantissa is an integer and the suffix keeps the parsed format. Binary SI is only
 * used for whole numbers of at least 1024 (otherwise it would round or look odd); those fall back to decimal SI.
 */
export function canonicalString (nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0'
  const abs = nanos < 0n ? -nanos : nanos
  if (format === 'BinarySI' && abs >= 1024n * NANOS_PER_UNIT && nanos % NANOS_PER_UNIT === 0n) {
    let units = nanos / NANOS_PER_UNIT
    let power = 0
    while ((units >= 1024n || units <= -1024n) && units % 1024n === 0n && power < binarySuffixes.length - 1) {
      units /= 1024n
      power++
    }
    return `${units}${binarySuffixes[power] ?? ''}`
  }
  const { mantissa, exponent } = decimalParts(nanos)
  if (format === 'DecimalExponent') return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`
  return `${mantissa}${decimalSuffixByExponent[exponent] ?? `e${exponent}`}`
}
