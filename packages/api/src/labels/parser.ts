import { errBadRequest } from '../errors/api-error.js'
import { tokenize, type Token, type TokenKind } from './lexer.js'
import { keyProblem, newRequirement, selectorError, type LabelOperator, type LabelRequirement } from './requirement.js'
import { selectorFromRequirements, type Selector } from './selector.js'

class SelectorSyntaxError extends Error {}

const binaryOperators: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'In', notin: 'NotIn', equals: '=', doubleEquals: '==', notEquals: '!=', greaterThan: 'Gt', lessThan: 'Lt'
}

/**
 * Recursive-descent parser with one token of lookahead. Where a value may appear, the keywords `in` and
 * `notin` are plain identifiers (so `a=in` is valid), as upstream's "Values" context does.
 */
class Parser {
  private pos = 0
  constructor (private readonly tokens: Token[]) {}

  private peek (): Token {
    const t = this.tokens[this.pos] ?? { kind: 'end', literal: '' }
    return t.kind === 'in' || t.kind === 'notin' ? { kind: 'identifier', literal: t.literal } : t
  }

  private next (asValue = true): Token {
    const t = this.tokens[this.pos] ?? { kind: 'end', literal: '' }
    if (this.pos < this.tokens.length - 1) this.pos++
    return asValue && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'identifier', literal: t.literal } : t
  }

  parse (): LabelRequirement[] {
    const out: LabelRequirement[] = []
    while (true) {
      const t = this.peek()
      if (t.kind === 'end') return out
      if (t.kind !== 'identifier' && t.kind !== 'doesNotExist') {
        throw new SelectorSyntaxError(`found '${t.literal}', expected: !, identifier, or 'end of string'`)
      }
      out.push(this.requirement())
      const sep = this.next()
      if (sep.kind === 'end') return out
      if (sep.kind !== 'comma') throw new SelectorSyntaxError(`found '${sep.literal}', expected: ',' or 'end of string'`)
      const after = this.peek()
      if (after.kind !== 'identifier' && after.kind !== 'doesNotExist') {
        throw new SelectorSyntaxError(`found '${after.literal}', expected: identifier after ','`)
      }
    }
  }

  private requirement (): LabelRequirement {
    const prefix = 'unable to parse requirement: '
    let negated = false
    let t = this.next()
    if (t.kind === 'doesNotExist') {
      negated = true
      t = this.next()
    }
    if (t.kind !== 'identifier') throw new SelectorSyntaxError(`${prefix}found '${t.literal}', expected: identifier`)
    const key = t.literal
    const kp = keyProblem(key, '<nil>')
    if (kp !== undefined) throw selectorError([kp], prefix)
    const ahead = this.peek().kind
    if (negated) return newRequirement(key, 'DoesNotExist', [], prefix)
    if (ahead === 'end' || ahead === 'comma') return newRequirement(key, 'Exists', [], prefix)
    const opToken = this.next(false)
    const op = binaryOperators[opToken.kind]
    if (op === undefined) throw new SelectorSyntaxError(`${prefix}found '${opToken.literal}', expected: '=', '!=', '==', 'in', notin'`)
    const values = op === 'In' || op === 'NotIn' ? this.setValues(prefix) : [this.exactValue(prefix)]
    return newRequirement(key, op, [...new Set(values)].sort(), prefix)
  }

  private exactValue (prefix: string): string {
    const ahead = this.peek()
    if (ahead.kind === 'end' || ahead.kind === 'comma') return ''
    const t = this.next()
    if (t.kind !== 'identifier') throw new SelectorSyntaxError(`${prefix}found '${t.literal}', expected: identifier`)
    return t.literal
  }

  private setValues (prefix: string): string[] {
    const open = this.next()
    if (open.kind !== 'openPar') throw new SelectorSyntaxError(`${prefix}found '${open.literal}' expected: '('`)
    const first = this.peek()
    if (first.kind === 'closedPar') {
      this.next()
      return ['']
    }
    if (first.kind !== 'identifier' && first.kind !== 'comma') {
      throw new SelectorSyntaxError(`${prefix}found '${first.literal}', expected: ',', ')' or identifier`)
    }
    const values = this.identifierList(prefix)
    const close = this.next()
    if (close.kind !== 'closedPar') throw new SelectorSyntaxError(`${prefix}found '${first.literal}', expected: ')'`)
    return values
  }

  /** `a,b`, with empty entries (`(,a)`, `(a,)`, `(a,,b)`) standing for the empty value. */
  private identifierList (prefix: string): string[] {
    const values: string[] = []
    while (true) {
      const t = this.next()
      if (t.kind === 'identifier') {
        values.push(t.literal)
        const ahead = this.peek()
        if (ahead.kind === 'comma') continue
        if (ahead.kind === 'closedPar') return values
        throw new SelectorSyntaxError(`${prefix}found '${ahead.literal}', expected: ',' or ')'`)
      }
      if (t.kind !== 'comma') throw new SelectorSyntaxError(`${prefix}found '${t.literal}', expected: ',', or identifier`)
      if (values.length === 0) values.push('')
      const ahead = this.peek()
      if (ahead.kind === 'closedPar') {
        values.push('')
        return values
      }
      if (ahead.kind === 'comma') {
        this.next()
        values.push('')
      }
    }
  }
}

/**
 * Parses the label selector text syntax of `?labelSelector=` and `kubectl -l`:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>1`, `a<1`, comma-separated (AND).
 * Throws BadRequest with upstream's message on bad syntax or invalid keys and values.
 */
export function parseSelector (text: string): Selector {
  try {
    return selectorFromRequirements(new Parser(tokenize(text)).parse())
  } catch (e) {
    if (e instanceof SelectorSyntaxError) throw errBadRequest(e.message)
    throw e
  }
}
