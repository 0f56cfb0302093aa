import { newRequirement, parseInt64, requirementString } from './requirement.js'

const QNAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('newRequirement', () => {
  const invalid: Array<{ name: string, key: string, values: string[], message: string }> = [
    { name: 'a key with a space', key: 'bad key', values: ['v'], message: `key: Invalid value: "bad key": name part ${QNAME_RULE}` },
    { name: 'a value over 63 characters', key: 'good-key', values: ['z'.repeat(64)], message: `values[0][good-key]: Invalid value: "${'z'.repeat(64)}": must be no more than 63 characters` },
    { name: 'two values for equality', key: 'k', values: ['a', 'b'], message: 'values: Invalid value: []string{"a", "b"}: exact-match compatibility requires one single value' }
  ]
  it.each(invalid)('rejects $name', ({ key, values, message }) => {
    expect(() => newRequirement(key, '=', values)).toThrow(expect.objectContaining({ code: 400, message }))
  })

  it('rejects an operator outside the known set', () => {
    expect(() => newRequirement('k', 'Like' as never, ['x'])).toThrow(/operator: Unsupported value: "Like"/)
  })

  it('keeps values as given and prints them sorted', () => {
    const r = newRequirement('k', 'NotIn', ['b', 'a'])
    expect(r.values).toEqual(['b', 'a'])
    expect(requirementString(r)).toBe('k notin (a,b)')
  })
})

describe('parseInt64', () => {
  it.each([
    ['0', 0n], ['+5', 5n], ['-5', -5n], ['9223372036854775807', 2n ** 63n - 1n], ['-9223372036854775808', -(2n ** 63n)]
  ] as const)('reads %s', (s, want) => expect(parseInt64(s)).toBe(want))

  it.each(['', '1.5', '0x10', '9223372036854775808', ' 1', '1e3'])('refuses %j', (s) => expect(parseInt64(s)).toBeUndefined())
})
