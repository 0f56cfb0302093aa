import { fieldSelectorFromRequirements, oneTermEqualFieldSelector, parseFieldSelector } from './field-selector.js'
import { escapeFieldValue, unescapeFieldValue } from './escape.js'

const getter = (fields: Record<string, string>) => (f: string): string | undefined => fields[f]

describe('parseFieldSelector', () => {
  const valid: Array<{ name: string, text: string, requirements: unknown[], canonical: string }> = [
    { name: 'an empty string selects everything', text: '', requirements: [], canonical: '' },
    { name: 'one equality', text: 'metadata.name=foo', requirements: [{ field: 'metadata.name', operator: '=', value: 'foo' }], canonical: 'metadata.name=foo' },
    { name: 'double equals prints as single', text: 'status.phase==Running', requirements: [{ field: 'status.phase', operator: '==', value: 'Running' }], canonical: 'status.phase=Running' },
    { name: 'inequality', text: 'spec.nodeName!=', requirements: [{ field: 'spec.nodeName', operator: '!=', value: '' }], canonical: 'spec.nodeName!=' },
    {
      name: 'terms are sorted',
      text: 'spec.nodeName=n1,metadata.namespace=default',
      requirements: [{ field: 'metadata.namespace', operator: '=', value: 'default' }, { field: 'spec.nodeName', operator: '=', value: 'n1' }],
      canonical: 'metadata.namespace=default,spec.nodeName=n1'
    },
    { name: 'empty terms are skipped', text: 'a=b,,', requirements: [{ field: 'a', operator: '=', value: 'b' }], canonical: 'a=b' },
    { name: 'escaped comma, equals and backslash in a value', text: 'a=x\\,y\\=z\\\\', requirements: [{ field: 'a', operator: '=', value: 'x,y=z\\' }], canonical: 'a=x\\,y\\=z\\\\' },
    { name: 'the first operator splits the term', text: 'a!=b', requirements: [{ field: 'a', operator: '!=', value: 'b' }], canonical: 'a!=b' }
  ]
  it.each(valid)('$name', ({ text, requirements, canonical }) => {
    const s = parseFieldSelector(text)
    expect(s.requirements).toEqual(requirements)
    expect(s.toString()).toBe(canonical)
    expect(s.empty()).toBe(requirements.length === 0)
  })

  const invalid: Array<{ name: string, text: string, message: string }> = [
    { name: 'a term without an operator', text: 'metadata.name', message: "invalid selector: 'metadata.name'; can't understand 'metadata.name'" },
    { name: 'a bad term among good ones', text: 'a=b,c', message: "invalid selector: 'a=b,c'; can't understand 'c'" },
    { name: 'an unknown escape', text: 'a=\\n', message: 'invalid field selector: invalid escape sequence: \\n' },
    { name: 'a trailing backslash', text: 'a=b\\', message: 'invalid field selector: invalid escape sequence: \\' },
    { name: 'a bare equals sign in a value', text: 'a=b=c', message: 'invalid field selector: unescaped character in value: 61' }
  ]
  it.each(invalid)('rejects $name with BadRequest', ({ text, message }) => {
    expect(() => parseFieldSelector(text)).toThrow(expect.objectContaining({ code: 400, reason: 'BadRequest', message }))
  })
})

describe('FieldSelector.matches', () => {
  const fields = { 'metadata.name': 'web-1', 'status.phase': 'Running', 'spec.nodeName': '' }
  const cases: Array<{ name: string, text: string, want: boolean }> = [
    { name: 'equality on the same value', text: 'metadata.name=web-1', want: true },
    { name: 'equality on another value', text: 'metadata.name=web-2', want: false },
    { name: 'inequality on another value', text: 'status.phase!=Pending', want: true },
    { name: 'an empty value matches an empty field', text: 'spec.nodeName=', want: true },
    { name: 'a missing field compares as empty', text: 'spec.missing=', want: true },
    { name: 'unscheduled pods via != on an empty nodeName', text: 'spec.nodeName!=', want: false },
    { name: 'all terms must hold', text: 'metadata.name=web-1,status.phase=Pending', want: false },
    { name: 'the empty selector matches everything', text: '', want: true }
  ]
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseFieldSelector(text).matches(getter(fields))).toBe(want)
  })

  it('builds selectors from requirements without parsing', () => {
    expect(oneTermEqualFieldSelector('metadata.name', 'a,b').toString()).toBe('metadata.name=a\\,b')
    expect(fieldSelectorFromRequirements([{ field: 'x', operator: '!=', value: 'y' }]).matches(() => 'z')).toBe(true)
  })
})

describe('escaping', () => {
  it.each(['plain', 'a,b', 'k=v', 'back\\slash', ',=\\', ''])('round-trips %j', (v) => {
    expect(unescapeFieldValue(escapeFieldValue(v))).toBe(v)
    expect(parseFieldSelector(`f=${escapeFieldValue(v)}`).requirements[0]?.value).toBe(v)
  })
})
