import {
  isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue, isValidPathSegmentName, isValidPathSegmentPrefix
} from './name-formats.js'

const SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

type Case = { name: string, value: string, errors: string[] }

describe('isDns1123Subdomain', () => {
  const cases: Case[] = [
    { name: 'a simple name', value: 'nginx', errors: [] },
    { name: 'dotted names', value: 'my-app.example.com', errors: [] },
    { name: 'digits first', value: '0abc', errors: [] },
    { name: 'exactly 253 characters', value: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, errors: [] },
    { name: '254 characters', value: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, errors: ['must be no more than 253 characters'] },
    { name: 'upper case', value: 'Nginx', errors: [SUBDOMAIN_MSG] },
    { name: 'an empty string', value: '', errors: [SUBDOMAIN_MSG] },
    { name: 'a trailing dash', value: 'web-', errors: [SUBDOMAIN_MSG] },
    { name: 'two dots in a row', value: 'a..b', errors: [SUBDOMAIN_MSG] },
    { name: 'an underscore', value: 'my_app', errors: [SUBDOMAIN_MSG] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isDns1123Subdomain(value)).toEqual(errors))
})

describe('isDns1123Label', () => {
  const cases: Case[] = [
    { name: 'a simple label', value: 'kube-system', errors: [] },
    { name: 'exactly 63 characters', value: 'a'.repeat(63), errors: [] },
    { name: '64 characters', value: 'a'.repeat(64), errors: ['must be no more than 63 characters'] },
    { name: 'a dotted name says dots are the problem', value: 'a.b', errors: ['must not contain dots'] },
    { name: 'a long invalid label reports both problems', value: `-${'a'.repeat(63)}`, errors: ['must be no more than 63 characters', LABEL_MSG] },
    { name: 'upper case', value: 'Default', errors: [LABEL_MSG] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isDns1123Label(value)).toEqual(errors))
})

describe('isDns1035Label', () => {
  const cases: Case[] = [
    { name: 'a letter first', value: 'my-svc', errors: [] },
    { name: 'a digit first', value: '1svc', errors: [DNS1035_MSG] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isDns1035Label(value)).toEqual(errors))
})

describe('isQualifiedName', () => {
  const cases: Case[] = [
    { name: 'a plain name', value: 'app', errors: [] },
    { name: 'mixed case, dots and underscores', value: 'My_app.v1', errors: [] },
    { name: 'a DNS prefix', value: 'app.kubernetes.io/name', errors: [] },
    { name: 'a 63-character name part', value: `example.com/${'n'.repeat(63)}`, errors: [] },
    { name: 'a 64-character name part', value: 'n'.repeat(64), errors: ['name part must be no more than 63 characters'] },
    { name: 'an empty prefix', value: '/name', errors: ['prefix part must be non-empty'] },
    { name: 'an upper-case prefix', value: 'Example.com/name', errors: [`prefix part ${SUBDOMAIN_MSG}`] },
    { name: 'an empty name part', value: 'example.com/', errors: ['name part must be non-empty', `name part ${QNAME_MSG}`] },
    { name: 'a leading dash', value: '-app', errors: [`name part ${QNAME_MSG}`] },
    { name: 'two slashes', value: 'a/b/c', errors: [`a qualified name ${QNAME_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isQualifiedName(value)).toEqual(errors))
})

describe('isValidLabelValue', () => {
  const cases: Case[] = [
    { name: 'the empty value', value: '', errors: [] },
    { name: 'a typical value', value: 'v1.2_rc-3', errors: [] },
    { name: 'exactly 63 characters', value: 'v'.repeat(63), errors: [] },
    { name: '64 characters', value: 'v'.repeat(64), errors: ['must be no more than 63 characters'] },
    { name: 'a slash', value: 'a/b', errors: [VALUE_MSG] },
    { name: 'a trailing dot', value: 'v1.', errors: [VALUE_MSG] },
    { name: 'a space', value: 'a b', errors: [VALUE_MSG] },
    { name: 'non-ASCII counts bytes', value: 'é'.repeat(32), errors: ['must be no more than 63 characters', VALUE_MSG] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isValidLabelValue(value)).toEqual(errors))
})

describe('path segment names', () => {
  const cases: Case[] = [
    { name: 'anything else goes', value: 'system:Admin_1', errors: [] },
    { name: 'a single dot', value: '.', errors: ["may not be '.'"] },
    { name: 'two dots', value: '..', errors: ["may not be '..'"] },
    { name: 'a slash and a percent sign', value: 'a/%b', errors: ["may not contain '/'", "may not contain '%'"] }
  ]
  it.each(cases)('$name', ({ value, errors }) => expect(isValidPathSegmentName(value)).toEqual(errors))

  it('allows a dot as a generateName prefix', () => {
    expect(isValidPathSegmentPrefix('.')).toEqual([])
    expect(isValidPathSegmentPrefix('a/')).toEqual(["may not contain '/'"])
  })
})
