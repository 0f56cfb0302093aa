import { goJsonText, goValueText } from './go-format.js'

describe('goJsonText', () => {
  it.each([
    { name: 'keys are sorted at every level', value: { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, text: '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}' },
    { name: 'HTML characters are escaped as Go does', value: { a: '<b>&' }, text: '{"a":"\\u003cb\\u003e\\u0026"}' }
  ])('$name', ({ value, text }) => {
    expect(goJsonText(value)).toBe(text)
  })
})

describe('goValueText', () => {
  it.each([
    { name: 'a map prints sorted, space-separated', value: { spec: { foo: 1 }, apiVersion: 'v1' }, text: 'map[apiVersion:v1 spec:map[foo:1]]' },
    { name: 'lists, booleans and nulls', value: { a: [1, 'x', true, null] }, text: 'map[a:[1 x true <nil>]]' },
    { name: 'fractions in exponent form only outside 1e-4..1e6', value: [1.5, 0.00001, 1234567.5], text: '[1.5 1e-05 1.2345675e+06]' },
    { name: 'deep nesting does not recurse', value: JSON.parse(`${'['.repeat(10000)}${']'.repeat(10000)}`), text: `${'['.repeat(10000)}${']'.repeat(10000)}` }
  ])('$name', ({ value, text }) => {
    expect(goValueText(value)).toBe(text)
  })
})
