import type { FieldError } from '../errors/api-error.js'

// Builders for upstream's field.Error kinds, so kind validators read like upstream's ValidateX functions.

export const required = (field: string, message = ''): FieldError => ({ type: 'FieldValueRequired', field, message })
export const invalid = (field: string, badValue: unknown, message: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue, message })
export const forbidden = (field: string, message: string): FieldError => ({ type: 'FieldValueForbidden', field, message })
export const duplicate = (field: string, badValue: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, badValue, message: '' })
export const tooMany = (field: string, actual: number, max: number): FieldError =>
  ({ type: 'FieldValueTooMany', field, badValue: actual, message: `must have at most ${max} items` })

/** `field.NotSupported`: lists the allowed values as upstream does (`supported values: "a", "b"`). */
export const notSupported = (field: string, badValue: unknown, valid: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field, badValue, message: `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` })

/** Upstream's message for a field that may not change on update. */
export const immutable = (field: string, badValue: unknown): FieldError =>
  ({ type: 'FieldValueInvalid', field, badValue, message: 'field is immutable' })

export const isNonNegative = (field: string, v: unknown): FieldError[] =>
  typeof v === 'number' && v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : []

/** Deep equality for JSON values; used for immutability checks. */
export function jsonEqual (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]))
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
