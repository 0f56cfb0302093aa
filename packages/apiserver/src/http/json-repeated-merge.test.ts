import { parseJsonMergingRepeats } from './json-repeated-merge.js'

describe('parseJsonMergingRepeats', () => {
  it.each([
    { name: 'text without repeats reads as JSON.parse reads it', text: '{"a":[1,-2.5e3,"x\\n",true,false,null],"b":{}}' },
    { name: 'a repeated scalar keeps the last value', text: '{"a":1,"a":2}', value: { a: 2 } },
    { name: 'a repeated object is filled twice, so its fields merge', text: '{"metadata":{"name":"a"},"metadata":{"labels":{"x":"1"}}}', value: { metadata: { name: 'a', labels: { x: '1' } } } },
    { name: 'a repeated list is filled item by item and cut to the new length', text: '{"c":[{"name":"a","image":"x"},{"name":"b"}],"c":[{"name":"z"}]}', value: { c: [{ name: 'z', image: 'x' }] } },
    { name: 'a different shape replaces the earlier value', text: '{"a":{"x":1},"a":[1]}', value: { a: [1] } },
    { name: 'a __proto__ key never becomes a prototype', text: '{"a":1,"a":2,"__proto__":{"polluted":true}}', value: { a: 2 } }
  ])('$name', ({ text, value }) => {
    const got = parseJsonMergingRepeats(text)
    expect(got).toEqual(value ?? JSON.parse(text))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    { name: 'one key repeated 300,000 times', text: `{"data":{${'"k":"vvvvvvvv",'.repeat(200000)}"k":""},"data":{${'"k":"v",'.repeat(100000)}"k":""}}` },
    { name: '150,000 distinct keys and one repeat', text: `{"data":{${Array.from({ length: 150000 }, (_, i) => `"k${i}":"v"`).join(',')}},"data":{}}` }
  ])('stays linear on a 3 MiB body: $name', ({ text }) => {
    let started = Date.now()
    JSON.parse(text)
    const native = Date.now() - started
    started = Date.now()
    parseJsonMergingRepeats(text)
    // a few times JSON.parse, never the minutes a quadratic pass would take
    expect(Date.now() - started).toBeLessThan(10 * native + 1000)
  })

  it('takes ten thousand levels of nesting', () => {
    const text = `${'{"a":'.repeat(9999)}{"k":1,"k":2}${'}'.repeat(9999)}`
    let v = parseJsonMergingRepeats(text) as Record<string, unknown>
    for (let i = 0; i < 9999; i++) v = v.a as Record<string, unknown>
    expect(v).toEqual({ k: 2 })
  })
})
