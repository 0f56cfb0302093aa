import { Quantity, isValidQuantity, parseQuantity } from './quantity.js'
import { QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE } from './parse.js'

describe('Quantity.parse and toString', () => {
  const cases: Array<{ name: string, input: string, canonical: string }> = [
    { name: 'zero', input: '0', canonical: '0' },
    { name: 'zero with a suffix is plain zero', input: '0Gi', canonical: '0' },
    { name: 'a decimal fraction becomes milli', input: '0.1', canonical: '100m' },
    { name: 'milli stays milli', input: '1500m', canonical: '1500m' },
    { name: 'a whole number of milli collapses', input: '1000m', canonical: '1' },
    { name: 'a plain integer', input: '1024', canonical: '1024' },
    { name: 'thousands get the k suffix', input: '12000', canonical: '12k' },
    { name: 'millions get the M suffix', input: '1000000', canonical: '1M' },
    { name: 'kilo', input: '1k', canonical: '1k' },
    { name: 'binary kibi', input: '1Ki', canonical: '1Ki' },
    { name: 'binary mebi', input: '500Mi', canonical: '500Mi' },
    { name: 'a fractional gibi stays binary', input: '1.5Gi', canonical: '1536Mi' },
    { name: 'binary values are reduced', input: '1024Ki', canonical: '1Mi' },
    { name: 'binary below 1024 prints as decimal', input: '0.5Ki', canonical: '512' },
    { name: 'binary that is not a multiple of 1024 prints without suffix', input: '1.5Ki', canonical: '1536' },
    { name: 'binary with a fraction of a unit prints as decimal', input: '1.1Ki', canonical: '1126400m' },
    { name: 'a decimal exponent', input: '2e3', canonical: '2e3' },
    { name: 'a negative exponent', input: '1e-3', canonical: '1e-3' },
    { name: 'an exponent that is not a multiple of 3', input: '1e-1', canonical: '100e-3' },
    { name: 'an exponent with a fraction that lands on zero', input: '1.5e3', canonical: '1500' },
    { name: 'nano', input: '1n', canonical: '1n' },
    { name: 'below nano rounds up to one nano', input: '0.1n', canonical: '1n' },
    { name: 'far below nano still rounds up', input: '1e-100', canonical: '1e-9' },
    { name: 'many nano digits', input: '123456789n', canonical: '123456789n' },
    { name: 'micro', input: '5u', canonical: '5u' },
    { name: 'exa', input: '2E', canonical: '2E' },
    { name: 'negative milli', input: '-1500m', canonical: '-1500m' },
    { name: 'negative binary', input: '-2Gi', canonical: '-2Gi' },
    { name: 'leading zeros', input: '007000', canonical: '7k' },
    { name: 'a fraction with trailing zeros', input: '5.000', canonical: '5' },
    { name: 'values beyond int64 are capped', input: '1e100', canonical: '9223372036854775807' },
    { name: 'binary beyond int64 is capped', input: '8Ei', canonical: '9223372036854775807' }
  ]
  it.each(cases)('$name: $input -> $canonical', ({ input, canonical }) => {
    const q = Quantity.parse(input)
    expect(q.toString()).toBe(canonical)
    // canonical text is stable
    expect(Quantity.parse(canonical).toString()).toBe(canonical)
    expect(Quantity.parse(canonical).cmp(q)).toBe(0)
  })

  const invalid: Array<{ name: string, input: string, message: string }> = [
    { name: 'an empty string', input: '', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'two decimal points', input: '1.2.3', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'an unknown unit letter', input: '1Q', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'a byte suffix', input: '1KiB', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'letters only', input: 'abc', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'inner whitespace', input: '1 Gi', message: QUANTITY_FORMAT_MESSAGE },
    { name: 'a bare lower-case e', input: '1e', message: QUANTITY_SUFFIX_MESSAGE },
    { name: 'digits after a unit', input: '1m5', message: QUANTITY_SUFFIX_MESSAGE },
    { name: 'a wrong-case binary unit', input: '1ki', message: QUANTITY_SUFFIX_MESSAGE },
    { name: 'an exponent beyond int64', input: '1e99999999999999999999', message: QUANTITY_SUFFIX_MESSAGE }
  ]
  it.each(invalid)('rejects $name with BadRequest', ({ input, message }) => {
    expect(isValidQuantity(input)).toBe(false)
    expect(() => Quantity.parse(input)).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest', message }))
  })
})

describe('text upstream prints back verbatim', () => {
  const cases: Array<{ name: string, input: string, canonical: string }> = [
    { name: 'an upper-case exponent', input: '1E3', canonical: '1e3' },
    { name: 'a plus sign and leading zeros', input: '+007', canonical: '7' },
    { name: 'a trailing dot', input: '5.', canonical: '5' },
    { name: 'an exponent of zero', input: '1500e0', canonical: '1500' },
    { name: 'a binary value that is not a multiple of 8', input: '09Ki', canonical: '9Ki' }
  ]
  it.each(cases)('$name: $input', ({ input, canonical }) => {
    const q = Quantity.parse(input)
    expect(q.toString()).toBe(input)
    expect(q.canonical()).toBe(canonical)
    // any change forgets the text
    expect(q.add(Quantity.zero()).toString()).toBe(canonical)
  })

  it('does not keep text that was not canonical', () => {
    expect(Quantity.parse('1000').toString()).toBe('1k')
    expect(Quantity.parse('0.5').toString()).toBe('500m')
    expect(Quantity.parse('1024Ki').toString()).toBe('1Mi')
  })

  it('trims whitespace when decoding JSON strings', () => {
    expect(Quantity.from(' 1Gi ').toString()).toBe('1Gi')
    expect(() => Quantity.parse(' 1Gi')).toThrow(expect.objectContaining({ code: 400 }))
  })
})

describe('Quantity.roundUp', () => {
  const cases: Array<{ name: string, input: string, scale: number, want: string }> = [
    { name: 'micro rounds up to one milli', input: '100u', scale: -3, want: '1m' },
    { name: 'a fraction of a milli rounds up', input: '0.1m', scale: -3, want: '1m' },
    { name: 'a milli and a half becomes two', input: '1500u', scale: -3, want: '2m' },
    { name: 'negative values round away from zero', input: '-100u', scale: -3, want: '-1m' },
    { name: 'exact values keep their text', input: '1500m', scale: -3, want: '1500m' },
    { name: 'binary values are whole already', input: '1.5Gi', scale: -3, want: '1536Mi' },
    { name: 'rounding to whole units', input: '1100m', scale: 0, want: '2' }
  ]
  it.each(cases)('$name', ({ input, scale, want }) => {
    expect(Quantity.parse(input).roundUp(scale).toString()).toBe(want)
  })
})

describe('Quantity comparison and arithmetic', () => {
  const cmp: Array<{ name: string, a: string, b: string, want: -1 | 0 | 1 }> = [
    { name: '1Ki equals 1024', a: '1Ki', b: '1024', want: 0 },
    { name: '100m equals 0.1', a: '100m', b: '0.1', want: 0 },
    { name: '1k equals 1e3', a: '1k', b: '1e3', want: 0 },
    { name: '1 is more than 999m', a: '1', b: '999m', want: 1 },
    { name: '1G is less than 1Gi', a: '1G', b: '1Gi', want: -1 },
    { name: 'negative is less than zero', a: '-1n', b: '0', want: -1 }
  ]
  it.each(cmp)('$name', ({ a, b, want }) => {
    expect(Quantity.parse(a).cmp(Quantity.parse(b))).toBe(want)
    expect(Quantity.parse(b).cmp(Quantity.parse(a))).toBe(-want === 0 ? 0 : -want)
  })

  const sums: Array<{ name: string, a: string, b: string, sum: string, diff: string }> = [
    { name: 'whole plus milli', a: '1', b: '500m', sum: '1500m', diff: '500m' },
    { name: 'binary keeps its format', a: '1Gi', b: '512Mi', sum: '1536Mi', diff: '512Mi' },
    { name: 'zero takes the other format', a: '0', b: '1Ki', sum: '1Ki', diff: '-1Ki' },
    { name: 'going negative', a: '100m', b: '250m', sum: '350m', diff: '-150m' }
  ]
  it.each(sums)('$name', ({ a, b, sum, diff }) => {
    expect(Quantity.parse(a).add(Quantity.parse(b)).toString()).toBe(sum)
    expect(Quantity.parse(a).sub(Quantity.parse(b)).toString()).toBe(diff)
  })

  const values: Array<{ name: string, input: string, value: number, milli: number }> = [
    { name: 'a fraction rounds up to a whole unit', input: '100m', value: 1, milli: 100 },
    { name: 'a half rounds up', input: '1.5', value: 2, milli: 1500 },
    { name: 'negative values round away from zero', input: '-1.5', value: -2, milli: -1500 },
    { name: 'nano rounds up to one milli', input: '1n', value: 1, milli: 1 },
    { name: 'binary units', input: '1Gi', value: 1073741824, milli: 1073741824000 },
    { name: 'zero', input: '0', value: 0, milli: 0 }
  ]
  it.each(values)('$name', ({ input, value, milli }) => {
    const q = Quantity.parse(input)
    expect(q.value()).toBe(value)
    expect(q.milliValue()).toBe(milli)
    expect(q.valueBig()).toBe(BigInt(value))
    expect(q.milliValueBig()).toBe(BigInt(milli))
  })

  it('keeps exact bigint values beyond 2^53', () => {
    expect(Quantity.parse('8Ei').valueBig()).toBe(2n ** 63n - 1n)
    expect(Quantity.parse('4Ei').milliValueBig()).toBe(4n * 2n ** 60n * 1000n)
  })

  it('knows zero from non-zero', () => {
    expect(Quantity.parse('0m').isZero()).toBe(true)
    expect(Quantity.parse('1n').isZero()).toBe(false)
    expect(Quantity.parse('-1n').sign()).toBe(-1)
  })
})

describe('constructors and JSON', () => {
  it('builds from milli and whole values like upstream NewMilliQuantity/NewQuantity', () => {
    expect(Quantity.fromMilli(1500).toString()).toBe('1500m')
    expect(Quantity.fromMilli(2000).toString()).toBe('2')
    expect(Quantity.fromValue(1024, 'BinarySI').toString()).toBe('1Ki')
    expect(Quantity.fromValue(3000).toString()).toBe('3k')
  })

  it('accepts JSON numbers as well as strings', () => {
    expect(parseQuantity(0.5).toString()).toBe('500m')
    expect(parseQuantity(2).toString()).toBe('2')
    expect(parseQuantity('250m').toString()).toBe('250m')
    expect(() => Quantity.from(null)).toThrow(expect.objectContaining({ code: 400 }))
    expect(() => Quantity.from(Number.NaN)).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('serialises to its canonical string', () => {
    expect(JSON.stringify({ cpu: Quantity.parse('1000m'), memory: Quantity.parse('1.5Gi') })).toBe('{"cpu":"1","memory":"1536Mi"}')
  })
})
