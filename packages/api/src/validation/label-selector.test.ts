import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { formatFieldError } from '../errors/api-error.js'
import { validateLabelSelector } from './label-selector.js'

describe('validateLabelSelector', () => {
  const cases: Array<{ name: string, ls: LabelSelector | undefined, want: RegExp[] }> = [
    { name: 'a missing selector has no errors', ls: undefined, want: [] },
    { name: 'matchLabels and a valid expression', ls: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, want: [] },
    { name: 'a bad matchLabels value', ls: { matchLabels: { app: 'a b' } }, want: [/^spec\.selector\.matchLabels: Invalid value: "a b": a valid label/] },
    { name: 'In without values', ls: { matchExpressions: [{ key: 'k', operator: 'In' }] }, want: [/^spec\.selector\.matchExpressions\[0\]\.values: Required value: must be specified when `operator` is 'In' or 'NotIn'$/] },
    { name: 'Exists with values', ls: { matchExpressions: [{ key: 'k', operator: 'Exists', values: ['x'] }] }, want: [/^spec\.selector\.matchExpressions\[0\]\.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'$/] },
    { name: 'an unknown operator', ls: { matchExpressions: [{ key: 'k', operator: 'Gt', values: ['1'] }] }, want: [/^spec\.selector\.matchExpressions\[0\]\.operator: Invalid value: "Gt": not a valid selector operator$/] },
    {
      name: 'a bad key and a bad value in the second expression',
      ls: { matchExpressions: [{ key: 'ok', operator: 'Exists' }, { key: 'a/b/c', operator: 'NotIn', values: ['fine', '-bad'] }] },
      want: [/^spec\.selector\.matchExpressions\[1\]\.key: Invalid value: "a\/b\/c": a qualified name/, /^spec\.selector\.matchExpressions\[1\]\.values\[1\]: Invalid value: "-bad": a valid label/]
    }
  ]
  it.each(cases)('$name', ({ ls, want }) => {
    const got = validateLabelSelector(ls, 'spec.selector').map(formatFieldError)
    expect(got).toHaveLength(want.length)
    want.forEach((re, i) => expect(got[i]).toMatch(re))
  })
})
