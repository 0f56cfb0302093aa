// Tokenizer for the label selector text syntax (`a=b,c in (x,y),!d`). Mirrors upstream's token set so
// errors quote the same literals.

export type TokenKind =
  | 'identifier' | 'end' | 'comma' | 'openPar' | 'closedPar'
  | 'doesNotExist' | 'equals' | 'doubleEquals' | 'notEquals' | 'greaterThan' | 'lessThan' | 'in' | 'notin'

export interface Token { kind: TokenKind, literal: string }

// Maps, not object literals: a word like `constructor` must not find anything on Object.prototype
const symbols = new Map<string, TokenKind>([
  ['!', 'doesNotExist'], ['!=', 'notEquals'], ['(', 'openPar'], [')', 'closedPar'], [',', 'comma'],
  ['=', 'equals'], ['==', 'doubleEquals'], ['>', 'greaterThan'], ['<', 'lessThan']
])
const keywords = new Map<string, TokenKind>([['in', 'in'], ['notin', 'notin']])

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isSpecial = (c: string): boolean => '=!(),<>'.includes(c)

/** Splits `text` into tokens, always ending with an `end` token. */
export function tokenize (text: string): Token[] {
  const tokens: Token[] = []
  let pos = 0
  while (true) {
    while (pos < text.length && isWhitespace(text[pos] ?? '')) pos++
    if (pos >= text.length) {
      tokens.push({ kind: 'end', literal: '' })
      return tokens
    }
    const c = text[pos] ?? ''
    if (isSpecial(c)) {
      // longest run of symbol characters that still forms a known symbol ("!=" before "!")
      let literal = c
      while (pos + literal.length < text.length && symbols.has(literal + (text[pos + literal.length] ?? ''))) {
        literal += text[pos + literal.length] ?? ''
      }
      tokens.push({ kind: symbols.get(literal) ?? 'identifier', literal })
      pos += literal.length
      continue
    }
    let end = pos
    while (end < text.length && !isWhitespace(text[end] ?? '') && !isSpecial(text[end] ?? '')) end++
    const word = text.slice(pos, end)
    tokens.push({ kind: keywords.get(word) ?? 'identifier', literal: word })
    pos = end
  }
}
