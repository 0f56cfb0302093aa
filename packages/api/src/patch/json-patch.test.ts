import { applyJsonPatch } from './json-patch.js'

const cm = { metadata: { name: 'cm', resourceVersion: '42' }, data: { a: '1' } }
const withFinalizers = (f: string[]): unknown => ({ metadata: { name: 'x', finalizers: f } })

interface Case { name: string, doc: unknown, ops: unknown[], expected: unknown }

const cases: Case[] = [
  { name: 'J1 adds a key', doc: cm, ops: [{ op: 'add', path: '/data/b', value: '2' }], expected: { ...cm, data: { a: '1', b: '2' } } },
  { name: 'J2 add overwrites an existing key', doc: cm, ops: [{ op: 'add', path: '/data/a', value: '9' }], expected: { ...cm, data: { a: '9' } } },
  { name: 'J3 adds a whole labels map', doc: cm, ops: [{ op: 'add', path: '/metadata/labels', value: { x: 'y' } }], expected: { ...cm, metadata: { ...cm.metadata, labels: { x: 'y' } } } },
  { name: 'J4 unescapes ~1 in a pointer', doc: { metadata: { annotations: {} } }, ops: [{ op: 'add', path: '/metadata/annotations/example.com~1team', value: 't' }], expected: { metadata: { annotations: { 'example.com/team': 't' } } } },
  { name: 'unescapes ~0 in a pointer', doc: { a: {} }, ops: [{ op: 'add', path: '/a/x~0y', value: 1 }], expected: { a: { 'x~y': 1 } } },
  { name: 'J5 inserts into an array at an index', doc: withFinalizers(['a', 'b']), ops: [{ op: 'add', path: '/metadata/finalizers/1', value: 'x' }], expected: withFinalizers(['a', 'x', 'b']) },
  { name: 'J5 appends with a dash', doc: withFinalizers(['a', 'b']), ops: [{ op: 'add', path: '/metadata/finalizers/-', value: 'x' }], expected: withFinalizers(['a', 'b', 'x']) },
  { name: 'adds at an index equal to the length', doc: withFinalizers(['a', 'b']), ops: [{ op: 'add', path: '/metadata/finalizers/2', value: 'x' }], expected: withFinalizers(['a', 'b', 'x']) },
  { name: 'J6 removes with a negative index', doc: withFinalizers(['a', 'b', 'c']), ops: [{ op: 'remove', path: '/metadata/finalizers/-1' }], expected: withFinalizers(['a', 'b']) },
  { name: 'J8 replace creates a missing object key', doc: cm, ops: [{ op: 'replace', path: '/data/new', value: 'v' }], expected: { ...cm, data: { a: '1', new: 'v' } } },
  { name: 'replaces an array element', doc: withFinalizers(['a', 'b']), ops: [{ op: 'replace', path: '/metadata/finalizers/0', value: 'z' }], expected: withFinalizers(['z', 'b']) },
  { name: 'replaces the whole document', doc: cm, ops: [{ op: 'replace', path: '', value: { a: 1 } }], expected: { a: 1 } },
  { name: 'J10 passes a numeric test', doc: { spec: { replicas: 3 } }, ops: [{ op: 'test', path: '/spec/replicas', value: 3 }], expected: { spec: { replicas: 3 } } },
  { name: 'J11 passes a null test on a missing key of an existing map', doc: cm, ops: [{ op: 'test', path: '/data/missing', value: null }], expected: cm },
  { name: 'passes a structural test on an object', doc: cm, ops: [{ op: 'test', path: '/data', value: { a: '1' } }], expected: cm },
  { name: 'J14 copies and moves keys', doc: { data: { a: '1', b: '2' } }, ops: [{ op: 'copy', from: '/data/a', path: '/data/c' }, { op: 'move', from: '/data/b', path: '/data/d' }], expected: { data: { a: '1', c: '1', d: '2' } } },
  { name: 'J15 copying a missing key copies null', doc: { data: { a: '1' } }, ops: [{ op: 'copy', from: '/data/zz', path: '/data/c' }], expected: { data: { a: '1', c: null } } },
  { name: 'J17 applies an empty patch as a no-op', doc: cm, ops: [], expected: cm },
  { name: 'adds null when value is missing', doc: { a: {} }, ops: [{ op: 'add', path: '/a/b' }], expected: { a: { b: null } } },
  { name: 'moves an array element', doc: { l: [1, 2, 3] }, ops: [{ op: 'move', from: '/l/0', path: '/l/-' }], expected: { l: [2, 3, 1] } }
]

const generic = { code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request', details: {} }

const failures: Array<{ name: string, doc: unknown, ops: unknown[] }> = [
  { name: 'J3 fails to add below a missing parent', doc: cm, ops: [{ op: 'add', path: '/metadata/labels/x', value: 'y' }] },
  { name: 'J5 fails to add past the end of an array', doc: withFinalizers(['a', 'b']), ops: [{ op: 'add', path: '/metadata/finalizers/3', value: 'x' }] },
  { name: 'J7 fails to remove a missing key', doc: cm, ops: [{ op: 'remove', path: '/data/missing' }] },
  { name: 'J7 fails to remove a missing index', doc: withFinalizers(['a']), ops: [{ op: 'remove', path: '/metadata/finalizers/5' }] },
  { name: 'J9 fails to replace below a missing array index', doc: { spec: { template: { spec: { containers: [{ name: 'a' }] } } } }, ops: [{ op: 'replace', path: '/spec/template/spec/containers/3/image', value: 'i' }] },
  { name: 'J10 fails a test of a number against a string', doc: { spec: { replicas: 3 } }, ops: [{ op: 'test', path: '/spec/replicas', value: '3' }] },
  { name: 'J11 fails a test below a missing map', doc: cm, ops: [{ op: 'test', path: '/metadata/labels/x', value: null }] },
  { name: 'J12 fails a test of a stale resourceVersion', doc: cm, ops: [{ op: 'test', path: '/metadata/resourceVersion', value: '41' }, { op: 'replace', path: '/data/a', value: '2' }] },
  { name: 'J16 fails as a whole when a later op fails', doc: cm, ops: [{ op: 'add', path: '/data/x', value: '1' }, { op: 'remove', path: '/data/nope' }] },
  { name: 'J19 fails an unknown op', doc: cm, ops: [{ op: 'frob', path: '/data/a' }] },
  { name: 'fails an op without a path', doc: cm, ops: [{ op: 'add', value: 1 }] },
  { name: 'fails a move from a missing key', doc: cm, ops: [{ op: 'move', from: '/data/zz', path: '/data/b' }] },
  { name: 'fails a pointer without a leading slash', doc: cm, ops: [{ op: 'add', path: 'data/b', value: 1 }] },
  { name: 'fails an add at the root path', doc: cm, ops: [{ op: 'add', path: '', value: {} }] },
  { name: 'fails a non-numeric array index', doc: withFinalizers(['a']), ops: [{ op: 'replace', path: '/metadata/finalizers/x', value: 'b' }] },
  { name: 'fails a test of a non-null value on a missing key', doc: cm, ops: [{ op: 'test', path: '/data/zz', value: 'v' }] }
]

describe('applyJsonPatch', () => {
  it.each(cases)('$name', ({ doc, ops, expected }) => {
    const before = JSON.stringify(doc)
    expect(applyJsonPatch(doc, ops)).toEqual(expected)
    expect(JSON.stringify(doc)).toBe(before)
  })

  it.each(failures)('$name with the generic 422', ({ doc, ops }) => {
    const before = JSON.stringify(doc)
    expect(() => applyJsonPatch(doc, ops)).toThrow(expect.objectContaining(generic))
    expect(JSON.stringify(doc)).toBe(before)
  })

  it.each([
    { name: 'J18 rejects an object body', ops: { op: 'add' }, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
    { name: 'rejects a string operation', ops: ['add'], message: 'json: cannot unmarshal string into Go value of type jsonpatch.operation' },
    { name: 'rejects a __proto__ key in a value', ops: [{ op: 'add', path: '/a', value: JSON.parse('{"__proto__":{"polluted":1}}') }], message: /__proto__/ }
  ])('$name with 400', ({ ops, message }) => {
    let caught: unknown
    try { applyJsonPatch({}, ops) } catch (err) { caught = err }
    expect(caught).toMatchObject({ code: 400, reason: 'BadRequest' })
    expect((caught as Error).message).toMatch(message)
  })

  it('J18 rejects more than 10000 operations with 413', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/a', value: 1 }))
    expect(() => applyJsonPatch({ a: 1 }, ops)).toThrow(expect.objectContaining({
      code: 413,
      reason: 'RequestEntityTooLarge',
      message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001'
    }))
  })

  it('accepts exactly 10000 operations', () => {
    const ops = Array.from({ length: 10000 }, () => ({ op: 'test', path: '/a', value: 1 }))
    expect(applyJsonPatch({ a: 1 }, ops)).toEqual({ a: 1 })
  })

  it('cannot reach Object.prototype through pointer segments', () => {
    expect(() => applyJsonPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: true }])).toThrow()
    expect(() => applyJsonPatch({}, [{ op: 'add', path: '/constructor', value: 1 }])).toThrow(expect.objectContaining({ code: 422 }))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('stops a doubling copy loop before it exhausts memory', () => {
    const ops = Array.from({ length: 40 }, () => ({ op: 'copy', from: '/a', path: '/a/-' }))
    expect(() => applyJsonPatch({ a: ['x'.repeat(100)] }, ops)).toThrow(expect.objectContaining({ code: 422 }))
  })
})
