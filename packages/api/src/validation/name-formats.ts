// Name and key format checks with upstream apimachinery's wording, so API errors read like a real apiserver's.
// Each returns the list of problems; an empty list means valid.

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?'
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const labelValueFmt = `(${qualifiedNameFmt})?`

const dns1123LabelRe = new RegExp(`^${dns1123LabelFmt}$`)
const dns1123SubdomainRe = new RegExp(`^${dns1123SubdomainFmt}$`)
const dns1035LabelRe = new RegExp(`^${dns1035LabelFmt}$`)
const qualifiedNameRe = new RegExp(`^${qualifiedNameFmt}$`)
const labelValueRe = new RegExp(`^${labelValueFmt}$`)

export const DNS1123_LABEL_MAX_LENGTH = 63
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253
export const DNS1035_LABEL_MAX_LENGTH = 63
export const LABEL_VALUE_MAX_LENGTH = 63
const QUALIFIED_NAME_MAX_LENGTH = 63

// upstream limits count bytes, not UTF-16 units; String() because decoded JSON may hand us a number here
const byteLen = (v: string): number => Buffer.byteLength(String(v), 'utf8')

export function maxLenError (length: number): string {
  return `must be no more than ${length} characters`
}

export function emptyError (): string {
  return 'must be non-empty'
}

/** Upstream's `RegexError`: the rule, examples, then the regex itself. */
export function regexError (msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`
  const shown = examples.map((e) => `'${e}', `).join(' or ')
  return `${msg} (e.g. ${shown}regex used for validation is '${fmt}')`
}

export function isDns1123Label (value: string): string[] {
  const errs: string[] = []
  if (byteLen(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH))
  if (!dns1123LabelRe.test(value)) {
    // a valid subdomain that is not a valid label can only differ by its dots (length was checked above)
    if (dns1123SubdomainRe.test(value)) errs.push('must not contain dots')
    else {
      errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        dns1123LabelFmt, 'my-name', '123-abc'))
    }
  }
  return errs
}

export function isDns1123Subdomain (value: string): string[] {
  const errs: string[] = []
  if (byteLen(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH))
  if (!dns1123SubdomainRe.test(value)) {
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      dns1123SubdomainFmt, 'example.com'))
  }
  return errs
}

/** Service names: a DNS label that must start with a letter. */
export function isDns1035Label (value: string): string[] {
  const errs: string[] = []
  if (byteLen(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH))
  if (!dns1035LabelRe.test(value)) {
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
      dns1035LabelFmt, 'my-name', 'abc-123'))
  }
  return errs
}

const qualifiedNameMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

/** Label and annotation keys: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function isQualifiedName (value: string): string[] {
  const errs: string[] = []
  const parts = String(value).split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0] ?? ''
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? ''
    name = parts[1] ?? ''
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`)
    else errs.push(...isDns1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [`a qualified name ${regexError(qualifiedNameMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`)
  else if (byteLen(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push(`name part ${maxLenError(QUALIFIED_NAME_MAX_LENGTH)}`)
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(qualifiedNameMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

export function isValidLabelValue (value: string): string[] {
  const errs: string[] = []
  if (byteLen(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH))
  if (!labelValueRe.test(value)) {
    errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      labelValueFmt, 'MyValue', 'my_value', '12345'))
  }
  return errs
}

const pathSegmentMayNotBe = ['.', '..']
const pathSegmentMayNotContain = ['/', '%']

/** Names that end up as one URL path segment (the loosest name rule, used by e.g. RBAC kinds). */
export function isValidPathSegmentName (value: string): string[] {
  for (const bad of pathSegmentMayNotBe) {
    if (value === bad) return [`may not be '${bad}'`]
  }
  return isValidPathSegmentPrefix(value)
}

/** A generateName prefix only has to avoid the forbidden characters ('.' is fine as a prefix). */
export function isValidPathSegmentPrefix (value: string): string[] {
  return pathSegmentMayNotContain.filter((bad) => value.includes(bad)).map((bad) => `may not contain '${bad}'`)
}
