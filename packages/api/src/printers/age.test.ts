import { ageCell, createdAtCell, humanDuration } from './age.js'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('humanDuration', () => {
  it.each([
    { name: 'a negative duration beyond one second is invalid', ms: -2 * S, want: '<invalid>' },
    { name: 'a sub-second negative duration is zero', ms: -500, want: '0s' },
    { name: 'seconds below two minutes print as seconds', ms: 45 * S, want: '45s' },
    { name: '119 seconds still print as seconds', ms: 119 * S, want: '119s' },
    { name: 'exact minutes drop the seconds', ms: 2 * M, want: '2m' },
    { name: 'minutes below ten keep the seconds', ms: 5 * M + 12 * S, want: '5m12s' },
    { name: 'minutes from ten on drop the seconds', ms: 10 * M + 5 * S, want: '10m' },
    { name: 'minutes below three hours print as minutes', ms: 179 * M, want: '179m' },
    { name: 'hours below eight keep the minutes', ms: 3 * H + 4 * M, want: '3h4m' },
    { name: 'exact hours drop the minutes', ms: 3 * H, want: '3h' },
    { name: 'hours below two days print as hours', ms: 47 * H + 59 * M, want: '47h' },
    { name: 'days below eight keep the hours', ms: 2 * D + 3 * H, want: '2d3h' },
    { name: 'exact days drop the hours', ms: 4 * D, want: '4d' },
    { name: 'days below two years print as days', ms: 90 * D + 5 * H, want: '90d' },
    { name: 'years below eight keep the days', ms: (3 * 365 + 45) * D, want: '3y45d' },
    { name: 'exact years drop the days', ms: 2 * 365 * D, want: '2y' },
    { name: 'eight years and more print whole years', ms: (12 * 365 + 100) * D, want: '12y' }
  ])('$name', ({ ms, want }) => {
    expect(humanDuration(ms)).toBe(want)
  })
})

describe('ageCell', () => {
  const now = new Date('2026-01-10T12:00:00Z')
  it.each([
    { name: 'a missing timestamp is unknown', ts: undefined, want: '<unknown>' },
    { name: 'a timestamp 90 seconds ago prints 90s', ts: '2026-01-10T11:58:30Z', want: '90s' },
    { name: 'a timestamp three days ago prints 3d', ts: '2026-01-07T12:00:00Z', want: '3d' }
  ])('$name', ({ ts, want }) => {
    expect(ageCell({ metadata: { creationTimestamp: ts } }, now)).toBe(want)
  })

  it('renders Created At as RFC3339 without fractional seconds, or the zero time', () => {
    expect(createdAtCell({ metadata: { creationTimestamp: '2025-01-07T09:14:03Z' } })).toBe('2025-01-07T09:14:03Z')
    expect(createdAtCell({ metadata: {} })).toBe('0001-01-01T00:00:00Z')
  })
})
