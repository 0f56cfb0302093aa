import { labelsMatchSelectorText, selectorFromLabelSelector } from './label-selector.js'
import { parseSelector } from './parser.js'
import { everything, nothingSelector } from './selector.js'
import type { ApiError } from '../errors/api-error.js'

describe('Selector.matches', () => {
  const labels = { app: 'web', tier: 'front', replicas: '3', empty: '' }
  const cases: Array<{ name: string, text: string, want: boolean }> = [
    { name: 'equality matches the same value', text: 'app=web', want: true },
    { name: 'equality fails on another value', text: 'app=db', want: false },
    { name: 'equality fails on a missing label', text: 'missing=web', want: false },
    { name: 'an empty exact value matches an empty label', text: 'empty=', want: true },
    { name: 'an empty exact value does not match a missing label', text: 'missing=', want: false },
    { name: 'inequality matches a missing label', text: 'missing!=x', want: true },
    { name: 'inequality fails on the same value', text: 'app!=web', want: false },
    { name: 'in matches a listed value', text: 'tier in (back,front)', want: true },
    { name: 'in fails on a missing label', text: 'missing in (x)', want: false },
    { name: 'notin matches a missing label', text: 'missing notin (x)', want: true },
    { name: 'notin fails on a listed value', text: 'tier notin (front)', want: false },
    { name: 'exists matches a present label even when empty', text: 'empty', want: true },
    { name: 'does-not-exist fails on a present label', text: '!app', want: false },
    { name: 'does-not-exist matches a missing label', text: '!missing', want: true },
    { name: 'gt compares integers', text: 'replicas>2', want: true },
    { name: 'gt is strict', text: 'replicas>3', want: false },
    { name: 'lt compares integers', text: 'replicas<10', want: true },
    { name: 'gt fails on a non-integer label value', text: 'app>1', want: false },
    { name: 'gt fails on a missing label', text: 'missing>1', want: false },
    { name: 'all requirements must hold', text: 'app=web,tier=back', want: false },
    { name: 'the empty selector matches everything', text: '', want: true }
  ]
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseSelector(text).matches(labels)).toBe(want)
    expect(labelsMatchSelectorText(labels, text)).toBe(want)
  })

  it('treats null and undefined labels as an empty set', () => {
    expect(parseSelector('!a').matches(undefined)).toBe(true)
    expect(parseSelector('a').matches(null)).toBe(false)
  })

  it('does not match keys inherited from Object.prototype', () => {
    expect(parseSelector('constructor').matches({})).toBe(false)
    expect(parseSelector('!toString').matches({})).toBe(true)
  })
})

describe('everything and nothing', () => {
  it('everything is empty and matches any labels', () => {
    expect(everything().empty()).toBe(true)
    expect(everything().matches({ a: 'b' })).toBe(true)
  })
  it('nothing is not empty and matches no labels', () => {
    expect(nothingSelector().empty()).toBe(false)
    expect(nothingSelector().matches({})).toBe(false)
  })
})

describe('selectorFromLabelSelector', () => {
  const cases: Array<{ name: string, ls: Parameters<typeof selectorFromLabelSelector>[0], labels: Record<string, string>, want: boolean, text: string }> = [
    { name: 'null selects nothing', ls: null, labels: {}, want: false, text: '' },
    { name: 'undefined selects nothing', ls: undefined, labels: { a: 'b' }, want: false, text: '' },
    { name: 'an empty selector selects everything', ls: {}, labels: { a: 'b' }, want: true, text: '' },
    { name: 'empty maps and lists select everything', ls: { matchLabels: {}, matchExpressions: [] }, labels: {}, want: true, text: '' },
    { name: 'matchLabels become equality requirements', ls: { matchLabels: { app: 'web' } }, labels: { app: 'web', x: 'y' }, want: true, text: 'app=web' },
    {
      name: 'matchLabels and expressions are ANDed',
      ls: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] },
      labels: { app: 'web', tier: 'back' },
      want: false,
      text: 'app=web,tier in (front)'
    },
    { name: 'Exists takes no values', ls: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels: { tier: '' }, want: true, text: 'tier' },
    { name: 'DoesNotExist', ls: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, labels: { tier: '' }, want: false, text: '!tier' }
  ]
  it.each(cases)('$name', ({ ls, labels, want, text }) => {
    const s = selectorFromLabelSelector(ls)
    expect(s.matches(labels)).toBe(want)
    expect(s.toString()).toBe(text)
  })

  const invalid: Array<{ name: string, ls: Parameters<typeof selectorFromLabelSelector>[0], message: string }> = [
    { name: 'an unknown operator', ls: { matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, message: '"Gt" is not a valid label selector operator' },
    { name: 'In without values', ls: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, message: "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty" },
    { name: 'Exists with values', ls: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, message: 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist' },
    { name: 'an invalid key', ls: { matchLabels: { 'a/b/c': 'x' } }, message: 'key: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\') with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')' }
  ]
  it.each(invalid)('rejects $name with BadRequest', ({ ls, message }) => {
    let err: ApiError | undefined
    try { selectorFromLabelSelector(ls) } catch (e) { err = e as ApiError }
    expect(err?.code).toBe(400)
    expect(err?.message).toBe(message)
  })

  it('rejects values that are not strings instead of crashing', () => {
    expect(() => selectorFromLabelSelector({ matchLabels: { a: 1 as unknown as string } })).toThrow(expect.objectContaining({ code: 400 }))
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: 'x' as unknown as string[] }] })).toThrow(expect.objectContaining({ code: 400 }))
  })

  it('reports several problems of one requirement as an aggregate', () => {
    expect(() => selectorFromLabelSelector({ matchExpressions: [{ key: '-k', operator: 'NotIn', values: [] }] }))
      .toThrow(/^\[key: Invalid value: "-k": .*, values: Invalid value: \[\]string\{\}: for 'in', 'notin' operators, values set can't be empty\]$/)
  })
})
