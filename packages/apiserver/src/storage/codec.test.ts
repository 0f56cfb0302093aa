import { decodeObject, encodeObject, jsonEqual, withResourceVersion } from './codec.js'

describe('codec', () => {
  it('stores objects without metadata.resourceVersion', () => {
    const stored = JSON.parse(encodeObject({ kind: 'Pod', metadata: { name: 'a', resourceVersion: '12' } })) as { metadata: object }
    expect(stored.metadata).toEqual({ name: 'a' })
  })

  it('stamps the revision on decode', () => {
    expect(decodeObject('{"kind":"Pod","metadata":{"name":"a"}}', '42', '/k')).toEqual({ kind: 'Pod', metadata: { name: 'a', resourceVersion: '42' } })
  })

  it('leaves the caller object alone when setting a resourceVersion', () => {
    const obj = { metadata: { name: 'a' } }
    expect(withResourceVersion(obj, 3).metadata.resourceVersion).toBe('3')
    expect(obj.metadata).toEqual({ name: 'a' })
  })

  const corrupt = [
    { name: 'rejects a value that is not JSON with a 500', value: 'k8s\u0000proto' },
    { name: 'rejects a JSON array with a 500', value: '[1]' },
    { name: 'rejects a JSON scalar with a 500', value: '"x"' }
  ]
  it.each(corrupt)('$name', ({ value }) => {
    expect(() => decodeObject(value, 1, '/registry/pods/default/a')).toThrow(expect.objectContaining({ code: 500, reason: 'InternalError' }))
  })

  const equality = [
    { name: 'treats different key order as equal', a: { x: 1, y: { p: [1, 2] } }, b: { y: { p: [1, 2] }, x: 1 }, equal: true },
    { name: 'treats an undefined field as absent', a: { x: 1, y: undefined }, b: { x: 1 }, equal: true },
    { name: 'sees a changed array order', a: { p: [1, 2] }, b: { p: [2, 1] }, equal: false },
    { name: 'sees a changed nested value', a: { m: { n: 1 } }, b: { m: { n: 2 } }, equal: false },
    { name: 'distinguishes null from an object', a: { m: null }, b: { m: {} }, equal: false },
    { name: 'distinguishes an array from an object', a: { m: [] }, b: { m: {} }, equal: false },
    { name: 'sees an extra key', a: { x: 1 }, b: { x: 1, y: 2 }, equal: false }
  ]
  it.each(equality)('$name', ({ a, b, equal }) => {
    expect(jsonEqual(a, b)).toBe(equal)
    expect(jsonEqual(b, a)).toBe(equal)
  })
})
