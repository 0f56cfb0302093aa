import { parseYamlWithDuplicates } from './safe-yaml.js'

describe('parseYamlWithDuplicates', () => {
  it.each([
    { name: 'no repeats', text: 'a: 1\nb: 2\n', value: { a: 1, b: 2 }, duplicates: [] },
    { name: 'a repeated key keeps its last value and names its line', text: 'a: 1\nb: 2\na: 3\n', value: { a: 3, b: 2 }, duplicates: ['line 3: key "a" already set in map'] },
    { name: 'nested repeats come in document order', text: 'm:\n  x: 1\n  x: 2\nm: {y: 1}\n', value: { m: { y: 1 } }, duplicates: ['line 3: key "x" already set in map', 'line 4: key "m" already set in map'] },
    { name: 'JSON text (as kubectl sends it) is read as YAML', text: '{"a":1,\n"a":2}', value: { a: 2 }, duplicates: ['line 2: key "a" already set in map'] },
    { name: 'a number key and a string key differ, as in go-yaml', text: '1: a\n"1": b\n', value: { 1: 'b' }, duplicates: [] },
    { name: 'a number key is printed bare', text: '1: a\n1: b\n', value: { 1: 'b' }, duplicates: ['line 2: key 1 already set in map'] }
  ])('$name', ({ text, value, duplicates }) => {
    expect(parseYamlWithDuplicates(text)).toEqual({ value, duplicates })
  })
})
