import { statusChanged } from './status-changed.js'

describe('statusChanged', () => {
  it.each<{ name: string, stored: object | undefined, next: object, want: boolean }>([
    { name: 'omitted zero counts equal explicit zeros', stored: { active: 1 }, next: { active: 1, failed: 0, ready: 0 }, want: false },
    { name: 'key order does not matter', stored: { a: 1, b: { x: 1, y: 2 } }, next: { b: { y: 2, x: 1 }, a: 1 }, want: false },
    { name: 'an empty list equals a missing one', stored: {}, next: { active: [] }, want: false },
    { name: 'a changed count is a change', stored: { failed: 1 }, next: { failed: 2 }, want: true },
    { name: 'a dropped field is a change', stored: { lastScheduleTime: 't' }, next: {}, want: true },
    { name: 'nothing stored and something to write', stored: undefined, next: { startTime: 't' }, want: true }
  ])('$name', ({ stored, next, want }) => {
    expect(statusChanged(stored, next)).toBe(want)
  })
})
