import { deepClone, rfc3339 } from './object-meta.js'

describe('deepClone', () => {
  const cases: Array<{ name: string, value: unknown }> = [
    { name: 'copies primitives and null as they are', value: [1, 'a', true, null] },
    { name: 'copies nested objects and arrays', value: { metadata: { name: 'a', labels: { x: 'y' } }, spec: { list: [{ n: 1 }, [2, 3]] } } },
    { name: 'keeps keys whose value is undefined', value: { a: undefined, b: { c: undefined } } },
    { name: 'copies an empty object and an empty array', value: { o: {}, a: [] } },
    { name: 'keeps a Date a Date', value: { at: new Date('2026-01-02T03:04:05Z') } },
    { name: 'keeps a parsed "__proto__" key as an own key', value: JSON.parse('{"data":{"__proto__":{"polluted":"yes"},"k":"v"}}') }
  ]
  it.each(cases)('$name', ({ value }) => {
    const copy = deepClone(value)
    // toEqual: structuredClone (used for non-JSON values such as Dates) builds them in Node's realm, not jest's
    expect(copy).toEqual(value)
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value))
    expect(Object.keys(copy as object)).toEqual(Object.keys(value as object))
    if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value)
  })

  it('keeps undefined-valued keys and Date values', () => {
    const copy = deepClone({ a: undefined, at: new Date('2026-01-02T03:04:05Z') })
    expect(Object.keys(copy)).toEqual(['a', 'at'])
    expect(Object.prototype.toString.call(copy.at)).toBe('[object Date]')
    expect(copy.at.getTime()).toBe(Date.parse('2026-01-02T03:04:05Z'))
  })

  it('shares nothing with the original', () => {
    const original = { metadata: { labels: { a: '1' } }, items: [{ n: 1 }] }
    const copy = deepClone(original)
    copy.metadata.labels.a = '2'
    copy.items[0]!.n = 2
    expect(original).toEqual({ metadata: { labels: { a: '1' } }, items: [{ n: 1 }] })
  })

  it('never sets the prototype of the copy from a "__proto__" key', () => {
    const copy = deepClone(JSON.parse('{"__proto__":{"polluted":"yes"}}') as Record<string, unknown>)
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(['__proto__'])
    expect((copy as { polluted?: string }).polluted).toBeUndefined()
  })
})

describe('rfc3339', () => {
  it.each([
    { name: 'drops milliseconds', date: new Date('2026-11-23T12:34:56.789Z'), want: '2026-11-23T12:34:56Z' },
    { name: 'keeps a whole second as it is', date: new Date('2026-01-01T00:00:00Z'), want: '2026-01-01T00:00:00Z' },
    { name: 'handles a six-digit year', date: new Date('+010000-01-01T00:00:00.500Z'), want: '+010000-01-01T00:00:00Z' }
  ])('$name', ({ date, want }) => {
    expect(rfc3339(date)).toBe(want)
  })
})
