import { parseCronSchedule } from './cron-schedule.js'

const at = (s: string): number => Date.parse(s)
const iso = (ms: number | undefined): string | undefined => ms === undefined ? undefined : new Date(ms).toISOString()

describe('parseCronSchedule next()', () => {
  it.each<{ name: string, spec: string, tz?: string, after: string, want: string }>([
    { name: 'every minute moves to the next whole minute', spec: '* * * * *', after: '2026-01-01T00:00:30Z', want: '2026-01-01T00:01:00.000Z' },
    { name: 'an activation is strictly after the given instant', spec: '*/5 * * * *', after: '2026-01-01T00:05:00Z', want: '2026-01-01T00:10:00.000Z' },
    { name: 'hour and minute lists', spec: '15,45 9-10 * * *', after: '2026-01-01T10:45:00Z', want: '2026-01-02T09:15:00.000Z' },
    { name: 'month and weekday names', spec: '0 12 * FEB mon', after: '2026-01-01T00:00:00Z', want: '2026-02-02T12:00:00.000Z' },
    { name: '7 is Sunday', spec: '0 0 * * 7', after: '2026-01-01T00:00:00Z', want: '2026-01-04T00:00:00.000Z' },
    { name: 'restricted day-of-month and day-of-week match either', spec: '0 0 13 * 5', after: '2026-02-01T00:00:00Z', want: '2026-02-06T00:00:00.000Z' },
    { name: 'a star day-of-month requires the weekday', spec: '0 0 * * 1', after: '2026-01-01T00:00:00Z', want: '2026-01-05T00:00:00.000Z' },
    { name: '@monthly is midnight on the first', spec: '@monthly', after: '2026-01-15T00:00:00Z', want: '2026-02-01T00:00:00.000Z' },
    { name: 'a range with a step', spec: '0 1-23/6 * * *', after: '2026-01-01T02:00:00Z', want: '2026-01-01T07:00:00.000Z' },
    { name: 'February 29 is found years ahead', spec: '0 0 29 2 *', after: '2026-03-01T00:00:00Z', want: '2028-02-29T00:00:00.000Z' },
    { name: 'wall-clock times in a time zone', spec: '30 9 * * *', tz: 'America/New_York', after: '2026-01-01T00:00:00Z', want: '2026-01-01T14:30:00.000Z' },
    { name: 'the same wall time moves by an hour across DST', spec: '30 9 * * *', tz: 'America/New_York', after: '2026-03-08T14:00:00Z', want: '2026-03-09T13:30:00.000Z' },
    { name: 'a wall time that spring-forward skips does not fire that day', spec: '30 2 * * *', tz: 'Europe/Berlin', after: '2026-03-29T00:00:00Z', want: '2026-03-30T00:30:00.000Z' },
    { name: 'half-hour offsets', spec: '0 0 * * *', tz: 'Asia/Kolkata', after: '2026-01-01T00:00:00Z', want: '2026-01-01T18:30:00.000Z' }
  ])('$name', ({ spec, tz, after, want }) => {
    expect(iso(parseCronSchedule(spec, tz).next(at(after)))).toBe(want)
  })

  it('returns undefined for a schedule that never fires', () => {
    expect(parseCronSchedule('0 0 31 2 *').next(at('2026-01-01T00:00:00Z'))).toBeUndefined()
  })

  it.each<{ name: string, spec: string, tz?: string, message: RegExp }>([
    { name: 'too few fields', spec: '* * * *', message: /expected exactly 5 fields, found 4/ },
    { name: 'six fields (seconds are not standard)', spec: '0 * * * * *', message: /expected exactly 5 fields, found 6/ },
    { name: 'a minute above 59', spec: '60 * * * *', message: /end of range \(60\) above maximum \(59\)/ },
    { name: 'an inverted range', spec: '* 5-2 * * *', message: /beginning of range \(5\) beyond end of range \(2\)/ },
    { name: 'a zero step', spec: '*/0 * * * *', message: /step of range should be a positive number/ },
    { name: 'garbage', spec: 'a * * * *', message: /failed to parse int from a/ },
    { name: 'an unknown descriptor', spec: '@often', message: /unrecognized descriptor/ },
    { name: 'a TZ prefix', spec: 'TZ=UTC * * * * *', message: /CRON_TZ or TZ used in schedule is not supported/ },
    { name: 'an unknown time zone', spec: '* * * * *', tz: 'Mars/Olympus', message: /unknown time zone Mars\/Olympus/ }
  ])('rejects $name', ({ spec, tz, message }) => {
    expect(() => parseCronSchedule(spec, tz)).toThrow(message)
  })
})
