import { findJsonDuplicates, maxStrictErrors } from './json-duplicates.js'

describe('findJsonDuplicates', () => {
  it.each([
    { name: 'no repeats, no findings', text: '{"a":1,"b":{"a":2}}', paths: [] },
    { name: 'a repeated top-level key', text: '{"a":1,"a":2}', paths: ['a'] },
    { name: 'a repeat deep inside objects and lists', text: '{"spec":{"containers":[{"name":"a"},{"name":"b","name":"c"}]}}', paths: ['spec.containers[1].name'] },
    { name: 'a JSON patch operation member', text: '[{"op":"add","op":"remove"}]', paths: ['[0].op'] },
    { name: 'keys spelled with escapes are compared decoded', text: '{"a":1,"\\u0061":2}', paths: ['a'] },
    { name: 'quotes and brackets inside strings are not structure', text: '{"a":"{\\"a\\":[","b":"]}","a":0}', paths: ['a'] },
    { name: 'the same path repeated under a repeated parent is reported once', text: '{"m":{"x":1,"x":2},"m":{"x":1,"x":2}}', paths: ['m.x', 'm'] },
    { name: 'repeats are listed in document order', text: '{"b":{"z":1,"z":1},"a":1,"a":1}', paths: ['b.z', 'a'] }
  ])('$name', ({ text, paths }) => {
    expect(findJsonDuplicates(text).map((d) => d.path)).toEqual(paths)
  })

  it('positions a repeat after the keys its object had shown before it', () => {
    expect(findJsonDuplicates('{"x":{"p":1},"m":{"a":1,"b":2,"a":3}}')).toEqual([{ path: 'm.a', order: [1, 1.5] }])
  })

  it('stops at the upstream cap of distinct findings', () => {
    const items = Array.from({ length: 500 }, () => '{"a":1,"a":2}').join(',')
    expect(findJsonDuplicates(`[${items}]`)).toHaveLength(maxStrictErrors)
  })

  it.each([
    { name: 'one object repeating a key three hundred thousand times', text: `{${'"a":1,'.repeat(300000)}"a":1}` },
    { name: 'ten thousand levels of nesting around repeats', text: `${'{"a":'.repeat(9999)}{${'"k":1,'.repeat(200000)}"k":1}${'}'.repeat(9999)}` },
    { name: 'repeated parents at depth, each with a repeat inside', text: `${'{"a":'.repeat(5000)}{${'"m":{"x":1,"x":1},'.repeat(100000)}"z":1}${'}'.repeat(5000)}` }
  ])('stays linear on hostile input: $name', ({ text }) => {
    const started = Date.now()
    findJsonDuplicates(text)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
