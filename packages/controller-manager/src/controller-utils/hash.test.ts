import { canonicalJson, computeHash, fnv32a, safeEncodeString } from './hash.js'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('hash helpers', () => {
  it.each([
    { name: 'FNV-32a of the empty input is the offset basis', input: '', want: 0x811c9dc5 },
    { name: 'FNV-32a of "a" matches the reference vector', input: 'a', want: 0xe40c292c },
    { name: 'FNV-32a of "foobar" matches the reference vector', input: 'foobar', want: 0xbf9cf968 }
  ])('$name', ({ input, want }) => {
    expect(fnv32a(enc(input))).toBe(want)
  })

  it('encodes digits into the safe alphabet as upstream (by char code)', () => {
    // '0' is 48, 48 % 27 = 21 -> '4'; '9' is 57, 57 % 27 = 3 -> 'f'
    expect(safeEncodeString('09')).toBe('4f')
  })

  it('sorts keys so key order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}')
    expect(computeHash({ spec: { a: 1, b: 2 } })).toBe(computeHash({ spec: { b: 2, a: 1 } }))
  })

  it('treats null members as absent, as Go zero values are', () => {
    expect(computeHash({ metadata: { creationTimestamp: null, labels: { a: 'b' } } })).toBe(computeHash({ metadata: { labels: { a: 'b' } } }))
  })

  it.each([
    { name: 'differs for different templates', a: [{ x: 1 }], b: [{ x: 2 }] },
    { name: 'differs when the collision count changes', a: [{ x: 1 }, 0], b: [{ x: 1 }, 1] },
    { name: 'differs between no collision count and zero', a: [{ x: 1 }], b: [{ x: 1 }, 0] }
  ])('$name', ({ a, b }) => {
    expect(computeHash(a[0], a[1] as number | undefined)).not.toBe(computeHash(b[0], b[1] as number | undefined))
  })

  it('only uses the safe alphabet', () => {
    expect(computeHash({ metadata: { labels: { app: 'web' } } })).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
  })
})
