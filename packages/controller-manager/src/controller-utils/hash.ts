/** The alphabet upstream's rand.SafeEncodeString draws from: no vowels (no words), no 0/1/3 (no look-alikes). */
const safeAlphabet = 'bcdfghjklmnpqrstvwxz2456789'

/** FNV-1a, 32 bit (Go's hash/fnv New32a). */
export function fnv32a (bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** Maps each character to the safe alphabet by its code, as upstream's SafeEncodeString. */
export function safeEncodeString (s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += safeAlphabet[s.charCodeAt(i) % safeAlphabet.length]
  return out
}

/**
 * JSON with object keys sorted and null/undefined members dropped, so equal templates hash equally whatever order
 * their keys arrived in and whether a client sent `creationTimestamp: null` (Go's zero value) or nothing.
 */
export function canonicalJson (v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`
}

/**
 * The `pod-template-hash` label value (upstream controller.ComputeHash): FNV-32a over the template, then the
 * collision count as 8 little-endian bytes when set, printed in decimal and re-encoded with the safe alphabet.
 * Upstream hashes Go's struct dump; we hash canonical JSON, so values differ from upstream's but keep its shape.
 */
export function computeHash (template: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)))
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8)
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true)
    h = fnv32a(extra, h)
  }
  return safeEncodeString(String(h))
}
