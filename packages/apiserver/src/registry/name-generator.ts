import { randomInt } from 'node:crypto'

/** Upstream's alphabet for generated suffixes: no vowels (no accidental words) and no look-alike characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const SUFFIX_LENGTH = 5
/** Names are capped at 63 characters by upstream's generator, so the base is trimmed to leave room. */
const MAX_GENERATED_NAME_LENGTH = 63

export function randomSuffix (random: (max: number) => number = randomInt): string {
  let out = ''
  for (let i = 0; i < SUFFIX_LENGTH; i++) out += NAME_ALPHABET[random(NAME_ALPHABET.length)] ?? 'x'
  return out
}

/** `generateName` + 5 random characters, trimming the base so the result fits the upstream limit. */
export function generateName (base: string, random?: (max: number) => number): string {
  const maxBase = MAX_GENERATED_NAME_LENGTH - SUFFIX_LENGTH
  return `${base.length > maxBase ? base.slice(0, maxBase) : base}${randomSuffix(random)}`
}
