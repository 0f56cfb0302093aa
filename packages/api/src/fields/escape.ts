import { errBadRequest, type ApiError } from '../errors/api-error.js'

/** Escapes `\`, `,` and `=` so a value can be embedded in a field selector (upstream `fields.EscapeValue`). */
export function escapeFieldValue (s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`)
}

/**
 * Reverses escapeFieldValue; an unknown escape, a trailing backslash, or a bare `,`/`=` is an error. Upstream prints
 * the bare character as its code point (`%v` of a rune), which we keep.
 */
export function unescapeFieldValue (s: string): string {
  if (!/[\\,=]/.test(s)) return s
  let out = ''
  let inSlash = false
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw invalidEscape(`\\${c}`)
      out += c
      inSlash = false
    } else if (c === '\\') {
      inSlash = true
    } else if (c === ',' || c === '=') {
      throw errBadRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`)
    } else {
      out += c
    }
  }
  if (inSlash) throw invalidEscape('\\')
  return out
}

const invalidEscape = (sequence: string): ApiError => errBadRequest(`invalid field selector: invalid escape sequence: ${sequence}`)
