import { parseSelector } from './parser.js'
import type { ApiError } from '../errors/api-error.js'

function parseError (text: string): ApiError {
  try {
    parseSelector(text)
  } catch (e) {
    return e as ApiError
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`)
}

describe('parseSelector', () => {
  const valid: Array<{ name: string, text: string, canonical: string }> = [
    { name: 'an empty string selects everything', text: '', canonical: '' },
    { name: 'whitespace only selects everything', text: '  \t', canonical: '' },
    { name: 'equality keeps its operator spelling', text: 'a=b', canonical: 'a=b' },
    { name: 'double equals is kept as ==', text: 'a==b', canonical: 'a==b' },
    { name: 'inequality', text: 'a!=b', canonical: 'a!=b' },
    { name: 'requirements are sorted by key', text: 'z=1,a=2', canonical: 'a=2,z=1' },
    { name: 'set values are sorted and de-duplicated', text: 'env in (prod, dev,prod)', canonical: 'env in (dev,prod)' },
    { name: 'notin', text: 'env notin (qa)', canonical: 'env notin (qa)' },
    { name: 'exists and does-not-exist', text: 'b,!a', canonical: '!a,b' },
    { name: 'spaces around operators are ignored', text: ' a = b , c ', canonical: 'a=b,c' },
    { name: 'an empty exact value is allowed', text: 'a=', canonical: 'a=' },
    { name: 'an empty set means the empty value', text: 'a in ()', canonical: 'a in ()' },
    { name: 'empty entries in a set mean the empty value', text: 'a in (,x,,y)', canonical: 'a in (,x,y)' },
    { name: 'keywords are values after an operator', text: 'a=in,b in (notin)', canonical: 'a=in,b in (notin)' },
    { name: 'greater than and less than on integers', text: 'a>1,b<10', canonical: 'a>1,b<10' },
    { name: 'prefixed keys', text: 'app.kubernetes.io/name=web', canonical: 'app.kubernetes.io/name=web' },
    { name: 'the full mix from the docs', text: 'a=b,c!=d,e in (x,y),f notin (z),g,!h', canonical: 'a=b,c!=d,e in (x,y),f notin (z),g,!h' }
  ]
  it.each(valid)('$name', ({ text, canonical }) => {
    expect(parseSelector(text).toString()).toBe(canonical)
    // the canonical form parses back to itself
    expect(parseSelector(canonical).toString()).toBe(canonical)
  })

  it('exposes requirements with metav1-style operator names', () => {
    expect(parseSelector('a in (y,x),!b,c>3').requirements).toEqual([
      { key: 'a', operator: 'In', values: ['x', 'y'] },
      { key: 'b', operator: 'DoesNotExist', values: [] },
      { key: 'c', operator: 'Gt', values: ['3'] }
    ])
  })

  const invalid: Array<{ name: string, text: string, message: string }> = [
    { name: 'two identifiers without an operator', text: 'a b', message: "unable to parse requirement: found 'b', expected: '=', '!=', '==', 'in', notin'" },
    { name: 'a trailing comma', text: 'a=b,', message: "found '', expected: identifier after ','" },
    { name: 'a leading comma', text: ',a', message: "found ',', expected: !, identifier, or 'end of string'" },
    { name: 'an operator after does-not-exist', text: '!a=b', message: "found '=', expected: ',' or 'end of string'" },
    { name: 'a missing open parenthesis', text: 'a in x', message: "unable to parse requirement: found 'x' expected: '('" },
    { name: 'a missing close parenthesis', text: 'a in (x', message: "unable to parse requirement: found '', expected: ',' or ')'" },
    { name: 'two empty entries before the close of a set', text: 'a in (x,,)', message: "unable to parse requirement: found ')', expected: ',', or identifier" },
    { name: 'an operator where a value belongs', text: 'a=!b', message: "unable to parse requirement: found '!', expected: identifier" },
    { name: 'a bang alone', text: '!', message: "unable to parse requirement: found '', expected: identifier" },
    {
      name: 'a key that is not a qualified name',
      text: '-a=b',
      message: 'unable to parse requirement: <nil>: Invalid value: "-a": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'
    },
    {
      name: 'a value that is not a label value',
      text: 'a=-x',
      message: 'unable to parse requirement: values[0][a]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')'
    },
    {
      name: 'a colon where an equals sign was meant',
      text: 'app:monolith',
      message: 'unable to parse requirement: <nil>: Invalid value: "app:monolith": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'
    },
    {
      name: 'a key with two slashes',
      text: 'a/b/c ?=? def',
      message: 'unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\') with an optional DNS subdomain prefix and \'/\' (e.g. \'example.com/MyName\')'
    },
    { name: 'a non-integer for gt', text: 'a>b', message: 'unable to parse requirement: values[0]: Invalid value: "b": for \'Gt\', \'Lt\' operators, the value must be an integer' },
    { name: 'an integer beyond int64 for lt', text: 'a<9223372036854775808', message: 'unable to parse requirement: values[0]: Invalid value: "9223372036854775808": for \'Gt\', \'Lt\' operators, the value must be an integer' }
  ]
  it.each(invalid)('rejects $name with BadRequest', ({ text, message }) => {
    const err = parseError(text)
    expect(err.code).toBe(400)
    expect(err.reason).toBe('BadRequest')
    expect(err.message).toBe(message)
  })
})
