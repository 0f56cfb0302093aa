import { errBadRequest } from '../errors/api-error.js'
import { escapeFieldValue, unescapeFieldValue } from './escape.js'

export interface FieldRequirement {
  field: string
  operator: '=' | '==' | '!='
  value: string
}

export interface FieldSelector {
  readonly requirements: FieldRequirement[]
  /** `get` returns the object's value for a field name; a missing field compares as the empty string. */
  matches: (get: (field: string) => string | undefined) => boolean
  empty: () => boolean
  toString: () => string
}

class AndFieldSelector implements FieldSelector {
  constructor (readonly requirements: FieldRequirement[]) {}

  matches (get: (field: string) => string | undefined): boolean {
    return this.requirements.every((r) => {
      const actual = get(r.field) ?? ''
      return r.operator === '!=' ? actual !== r.value : actual === r.value
    })
  }

  empty (): boolean {
    return this.requirements.length === 0
  }

  /** Upstream prints `==` as `=`. */
  toString (): string {
    return this.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeFieldValue(r.value)}`).join(',')
  }
}

/** Splits on commas that are not escaped; escapes stay in the terms for the value unescaping later. */
function splitTerms (text: string): string[] {
  if (text === '') return []
  const terms: string[] = []
  let start = 0
  let inSlash = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inSlash) inSlash = false
    else if (c === '\\') inSlash = true
    else if (c === ',') {
      terms.push(text.slice(start, i))
      start = i + 1
    }
  }
  terms.push(text.slice(start))
  return terms
}

// `==` is tried before `=` so that `a==b` does not leave `=b` as the value
const operators = ['!=', '==', '='] as const

/** The left side has no escaping, so the first operator found splits the term. */
function splitTerm (term: string): FieldRequirement | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of operators) {
      if (term.startsWith(op, i)) return { field: term.slice(0, i), operator: op, value: term.slice(i + op.length) }
    }
  }
  return undefined
}

/**
 * Parses the field selector syntax of `?fieldSelector=`: comma-separated `field=value`, `field==value` or
 * `field!=value`, with `\,`, `\=` and `\\` escapes in values. Throws BadRequest on bad syntax; whether a
 * field name is supported is for the caller to decide.
 */
export function parseFieldSelector (text: string): FieldSelector {
  const parts = splitTerms(text).sort()
  const requirements: FieldRequirement[] = []
  for (const part of parts) {
    if (part === '') continue
    const term = splitTerm(part)
    if (term === undefined) throw errBadRequest(`invalid selector: '${text}'; can't understand '${part}'`)
    requirements.push({ ...term, value: unescapeFieldValue(term.value) })
  }
  return new AndFieldSelector(requirements)
}

/** A selector from already-unescaped requirements, e.g. `metadata.name=<name>` built by a client. */
export function fieldSelectorFromRequirements (requirements: FieldRequirement[]): FieldSelector {
  return new AndFieldSelector([...requirements])
}

/** Convenience for `field=value` on a single field (upstream `fields.OneTermEqualSelector`). */
export function oneTermEqualFieldSelector (field: string, value: string): FieldSelector {
  return new AndFieldSelector([{ field, operator: '=', value }])
}
