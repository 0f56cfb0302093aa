import { applyMergePatch } from './merge-patch.js'

interface Case { name: string, target: unknown, patch: unknown, expected: unknown }

// RFC 7386 appendix A, plus the patch-semantics.md vectors M1-M8.
const cases: Case[] = [
  { name: 'RFC replaces a member', target: { a: 'b' }, patch: { a: 'c' }, expected: { a: 'c' } },
  { name: 'RFC adds a member', target: { a: 'b' }, patch: { b: 'c' }, expected: { a: 'b', b: 'c' } },
  { name: 'RFC removes a member with null', target: { a: 'b' }, patch: { a: null }, expected: {} },
  { name: 'RFC removes one of two members', target: { a: 'b', b: 'c' }, patch: { a: null }, expected: { b: 'c' } },
  { name: 'RFC replaces an array member with a scalar', target: { a: ['b'] }, patch: { a: 'c' }, expected: { a: 'c' } },
  { name: 'RFC replaces a scalar member with an array', target: { a: 'c' }, patch: { a: ['b'] }, expected: { a: ['b'] } },
  { name: 'RFC merges nested objects and deletes nested members', target: { a: { b: 'c' } }, patch: { a: { b: 'd', c: null } }, expected: { a: { b: 'd' } } },
  { name: 'RFC replaces arrays of objects whole', target: { a: [{ b: 'c' }] }, patch: { a: [1] }, expected: { a: [1] } },
  { name: 'RFC replaces an array document with an array patch', target: ['a', 'b'], patch: ['c', 'd'], expected: ['c', 'd'] },
  { name: 'RFC replaces an object document with an array patch', target: { a: 'b' }, patch: ['c'], expected: ['c'] },
  { name: 'RFC adds to an empty document dropping nested nulls', target: {}, patch: { a: { bb: { ccc: null } } }, expected: { a: { bb: {} } } },
  { name: 'RFC keeps members untouched by the patch', target: { e: null }, patch: { a: 1 }, expected: { e: null, a: 1 } },
  { name: 'RFC replaces a non-object document with the patch object', target: [1, 2], patch: { a: 'b', c: null }, expected: { a: 'b' } },
  { name: 'RFC merges deeply nested objects', target: {}, patch: { a: { bb: { ccc: null } } }, expected: { a: { bb: {} } } },
  { name: 'M1 adds a key', target: { a: 1 }, patch: { b: 2 }, expected: { a: 1, b: 2 } },
  { name: 'M2 deletes a key and ignores null on an absent one', target: { a: 1, b: 2 }, patch: { b: null, c: null }, expected: { a: 1 } },
  { name: 'M3 merges a nested map', target: { m: { x: 1, y: 2 } }, patch: { m: { y: null, z: 3 } }, expected: { m: { x: 1, z: 3 } } },
  { name: 'M4 drops nulls in a new nested map', target: {}, patch: { m: { x: null, y: 1 } }, expected: { m: { y: 1 } } },
  { name: 'M5 replaces an object with a scalar', target: { m: { x: 1 } }, patch: { m: 5 }, expected: { m: 5 } },
  { name: 'M6 replaces the container list whole', target: { spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }, { name: 'b' }] } }, patch: { spec: { containers: [{ name: 'a', image: 'z' }] } }, expected: { spec: { containers: [{ name: 'a', image: 'z' }] } } },
  { name: 'M7 prunes nulls from objects inside an inserted array', target: { a: [1] }, patch: { a: [{ x: null, y: 1 }] }, expected: { a: [{ y: 1 }] } },
  { name: 'M8 removes finalizers with null', target: { metadata: { finalizers: ['x'] } }, patch: { metadata: { finalizers: null } }, expected: { metadata: {} } },
  { name: 'M9 leaves the document unchanged for an empty patch', target: { a: { b: 1 } }, patch: {}, expected: { a: { b: 1 } } },
  { name: 'keeps null array elements like the upstream library', target: {}, patch: { a: [null, 1] }, expected: { a: [null, 1] } }
]

describe('applyMergePatch', () => {
  it.each(cases)('$name', ({ target, patch, expected }) => {
    const before = JSON.stringify(target)
    expect(applyMergePatch(target, patch)).toEqual(expected)
    expect(JSON.stringify(target)).toBe(before)
  })

  it.each([
    { name: 'rejects a null patch', patch: null },
    { name: 'rejects a scalar patch', patch: 5 },
    { name: 'rejects a __proto__ key', patch: JSON.parse('{"__proto__":{"polluted":true}}') },
    { name: 'rejects a nested constructor key', patch: JSON.parse('{"a":{"constructor":{"prototype":{"polluted":true}}}}') }
  ])('$name with 400 BadRequest', ({ patch }) => {
    expect(() => applyMergePatch({ a: {} }, patch)).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest' }))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('does not share structure with the patch', () => {
    const patch = { m: { x: 1 } }
    const out = applyMergePatch({}, patch) as { m: { x: number } }
    out.m.x = 2
    expect(patch.m.x).toBe(1)
  })
})

describe('deeply nested input', () => {
  it('answers 400 instead of overflowing the stack', () => {
    const deep = JSON.parse('{"a":'.repeat(200000) + '1' + '}'.repeat(200000))
    expect(() => applyMergePatch({}, deep)).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest' }))
  })
})
