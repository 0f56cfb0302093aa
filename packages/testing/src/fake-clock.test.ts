import { FakeClock } from './fake-clock.js'

describe('FakeClock', () => {
  const cases: Array<{ name: string, schedule: Array<[string, number]>, step: number, fired: string[] }> = [
    { name: 'fires nothing before the deadline', schedule: [['a', 100]], step: 99, fired: [] },
    { name: 'fires a timer exactly at its deadline', schedule: [['a', 100]], step: 100, fired: ['a'] },
    { name: 'fires due timers in deadline order', schedule: [['late', 50], ['early', 10]], step: 60, fired: ['early', 'late'] },
    { name: 'fires timers with equal deadlines in creation order', schedule: [['first', 5], ['second', 5]], step: 5, fired: ['first', 'second'] }
  ]
  it.each(cases)('$name', ({ schedule, step, fired }) => {
    const clock = new FakeClock()
    const seen: string[] = []
    for (const [label, ms] of schedule) clock.setTimeout(() => seen.push(label), ms)
    clock.step(step)
    expect(seen).toEqual(fired)
    expect(clock.now()).toBe(step)
  })

  it('does not fire a cleared timer', () => {
    const clock = new FakeClock()
    let fired = false
    const h = clock.setTimeout(() => { fired = true }, 10)
    clock.clearTimeout(h)
    clock.step(20)
    expect(fired).toBe(false)
    expect(clock.pendingTimers()).toBe(0)
  })

  it('runs a timer scheduled by a firing callback within the same step when it falls due', () => {
    const clock = new FakeClock(1000)
    const at: number[] = []
    clock.setTimeout(() => { at.push(clock.now()); clock.setTimeout(() => at.push(clock.now()), 10) }, 10)
    clock.step(25)
    expect(at).toEqual([1010, 1020])
    expect(clock.now()).toBe(1025)
  })

  it('refuses to step backwards', () => {
    expect(() => new FakeClock().step(-1)).toThrow('backwards')
  })
})
