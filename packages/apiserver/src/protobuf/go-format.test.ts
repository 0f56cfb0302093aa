import { ApiError } from '@kube-ts/api'
import { formatDuration, formatMicroTime, formatTime } from './go-format.js'

describe('formatDuration renders nanoseconds as Go time.Duration.String', () => {
  it.each([
    { name: 'zero is 0s', ns: 0n, want: '0s' },
    { name: 'nanoseconds keep the ns unit', ns: 999n, want: '999ns' },
    { name: 'microseconds use µs with trimmed fraction', ns: 1_500n, want: '1.5µs' },
    { name: 'milliseconds use ms', ns: 2_000_000n, want: '2ms' },
    { name: 'whole seconds have no fraction', ns: 5_000_000_000n, want: '5s' },
    { name: 'an hour shows zero minutes and seconds', ns: 3_600_000_000_000n, want: '1h0m0s' },
    { name: 'mixed units with fractional seconds', ns: 3_723_500_000_000n, want: '1h2m3.5s' },
    { name: 'minutes without hours', ns: 90_000_000_000n, want: '1m30s' },
    { name: 'negative durations get a leading minus', ns: -1_500_000_000n, want: '-1.5s' }
  ])('$name', ({ ns, want }) => {
    expect(formatDuration(ns)).toBe(want)
  })
})

describe('formatTime and formatMicroTime render RFC 3339 in UTC', () => {
  it.each([
    { name: 'whole seconds for Time', got: () => formatTime(1795420800n), want: '2026-11-23T08:00:00Z' },
    { name: 'the Unix epoch', got: () => formatTime(0n), want: '1970-01-01T00:00:00Z' },
    { name: 'the first second of year 1', got: () => formatTime(-62135596800n), want: '0001-01-01T00:00:00Z' },
    { name: 'six fractional digits for MicroTime', got: () => formatMicroTime(1795420800n, 123456789), want: '2026-11-23T08:00:00.123456Z' },
    { name: 'zero nanos still give six digits', got: () => formatMicroTime(0n, 0), want: '1970-01-01T00:00:00.000000Z' }
  ])('$name', ({ got, want }) => {
    expect(got()).toBe(want)
  })

  it.each([
    { name: 'a time after year 9999 is a bad request', run: () => formatTime(253402300800n) },
    { name: 'a time before year 1 is a bad request', run: () => formatTime(-62135596801n) },
    { name: 'nanos beyond a second are a bad request', run: () => formatMicroTime(0n, 1_000_000_000) }
  ])('$name', ({ run }) => {
    expect(run).toThrow(ApiError)
    try { run() } catch (err) { expect((err as ApiError).code).toBe(400) }
  })
})
