import { formatDuration, parseDuration, parseNonNegativeDuration } from './parse-duration.js'

describe('parseDuration', () => {
  it.each([
    { name: 'parses seconds', input: '15s', ms: 15_000 },
    { name: 'parses minutes', input: '5m', ms: 300_000 },
    { name: 'parses hours and minutes together', input: '1h30m', ms: 5_400_000 },
    { name: 'parses milliseconds', input: '100ms', ms: 100 },
    { name: 'parses fractional hours', input: '1.5h', ms: 5_400_000 },
    { name: 'parses a leading fraction', input: '.5s', ms: 500 },
    { name: 'parses microseconds', input: '1500us', ms: 1.5 },
    { name: 'parses the micro sign', input: '2µs', ms: 0.002 },
    { name: 'parses nanoseconds', input: '1000000ns', ms: 1 },
    { name: 'accepts a bare zero', input: '0', ms: 0 },
    { name: 'accepts a negative duration', input: '-2s', ms: -2000 },
    { name: 'accepts an explicit plus sign', input: '+3m', ms: 180_000 },
    { name: 'parses a long chain of units', input: '1h2m3s4ms', ms: 3_723_004 }
  ])('$name', ({ input, ms }) => {
    expect(parseDuration(input)).toBeCloseTo(ms, 9)
  })

  it.each([
    { name: 'rejects an empty string', input: '' },
    { name: 'rejects a number without a unit', input: '15' },
    { name: 'rejects an unknown unit', input: '3d' },
    { name: 'rejects a unit without digits', input: 's' },
    { name: 'rejects a lone dot', input: '.s' },
    { name: 'rejects trailing garbage', input: '5s!' },
    { name: 'rejects whitespace', input: '5 s' },
    { name: 'rejects a bare sign', input: '-' }
  ])('$name', ({ input }) => {
    expect(() => parseDuration(input)).toThrow(/time: (invalid duration|unknown unit)/)
  })

  it('throws commander InvalidArgumentError so it works as an argParser', () => {
    let caught: unknown
    try { parseDuration('nope') } catch (err) { caught = err }
    expect((caught as { code?: string }).code).toBe('commander.invalidArgument')
  })

  it('rejects negative values in the non-negative variant', () => {
    expect(() => parseNonNegativeDuration('-1s')).toThrow(/must not be negative/)
    expect(parseNonNegativeDuration('1s')).toBe(1000)
  })
})

describe('formatDuration', () => {
  it.each([
    { name: 'prints zero as 0s', ms: 0, text: '0s' },
    { name: 'prints sub-second values in ms', ms: 100, text: '100ms' },
    { name: 'prints seconds', ms: 15_000, text: '15s' },
    { name: 'prints minutes with seconds', ms: 300_000, text: '5m0s' },
    { name: 'prints hours, minutes and seconds', ms: 5_400_000, text: '1h30m0s' },
    { name: 'prints fractional seconds', ms: 1500, text: '1.5s' }
  ])('$name', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text)
    expect(parseDuration(text)).toBe(ms)
  })
})
