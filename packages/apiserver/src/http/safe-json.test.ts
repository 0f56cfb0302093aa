import { checkNestingDepth, parseJson } from './safe-json.js'
import { parseYaml } from './safe-yaml.js'

describe('parseJson', () => {
  it('refuses 3 MiB of balanced nesting quickly and without a stack overflow', () => {
    const n = 1_500_000
    const text = `{"a":${'['.repeat(n)}${']'.repeat(n)}}`
    const start = Date.now()
    expect(() => parseJson(text)).toThrow(expect.objectContaining({ code: 400, message: 'json: exceeded max depth of 10000' }))
    expect(Date.now() - start).toBeLessThan(1000)
  })

  it('refuses unbalanced opening brackets', () => {
    expect(() => parseJson('['.repeat(3 * 1024 * 1024))).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('accepts nesting at the limit', () => {
    expect(() => checkNestingDepth(`${'['.repeat(10000)}${']'.repeat(10000)}`)).not.toThrow()
  })

  it('does not count brackets inside strings', () => {
    expect(parseJson(`{"s":"${'['.repeat(20000)}"}`)).toEqual({ s: '['.repeat(20000) })
  })

  it('answers malformed JSON with 400', () => {
    expect(() => parseJson('{"a":')).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest' }))
  })

  it.each([
    { name: 'drops __proto__ keys', text: '{"__proto__":{"polluted":"yes"},"a":1}', want: { a: 1 } },
    { name: 'drops constructor objects', text: '{"constructor":{"prototype":{"polluted":"yes"}},"a":1}', want: { a: 1 } },
    { name: 'keeps a string data key named constructor', text: '{"data":{"constructor":"x"}}', want: { data: { constructor: 'x' } } },
    { name: 'drops nested __proto__ inside arrays', text: '{"l":[{"__proto__":{"p":1},"b":2}]}', want: { l: [{ b: 2 }] } }
  ])('$name', ({ text, want }) => {
    const v = parseJson(text)
    expect(v).toEqual(want)
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('parseYaml', () => {
  it('refuses any alias (billion laughs)', () => {
    const bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    expect(() => parseYaml(bomb)).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('refuses 3 MiB of flow nesting', () => {
    expect(() => parseYaml(`values: ${'['.repeat(3 * 1024 * 1024 - 1000)}`)).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('does not give merge keys meaning', () => {
    expect(parseYaml('base: {a: 1}\nx:\n  <<: {a: 2}\n')).toEqual({ base: { a: 1 }, x: { '<<': { a: 2 } } })
  })

  it('never executes custom tags', () => {
    const v = parseYaml('f: !!js/function "function () { globalThis.hacked = true }"\n') as { f: unknown }
    expect(typeof v.f).toBe('string')
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined()
  })

  it('refuses multiple documents', () => {
    expect(() => parseYaml('a: 1\n---\nb: 2\n')).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('parses a plain manifest', () => {
    expect(parseYaml('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: "1"\n')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: '1' } })
  })
})
