import type { FieldError } from '../errors/api-error.js'

// Small builders mirroring upstream's field.Invalid / field.Required / ... so validators read like a list of rules.

export const invalidField = (field: string, badValue: unknown, message: string): FieldError =>
  ({ type: 'FieldValueInvalid', field, badValue, message })

export const requiredField = (field: string, message = ''): FieldError =>
  ({ type: 'FieldValueRequired', field, message })

export const forbiddenField = (field: string, message: string): FieldError =>
  ({ type: 'FieldValueForbidden', field, message })

/** Upstream omits the value for "Too long" errors and states the limit in bytes. */
export const tooLongField = (field: string, maxBytes: number): FieldError =>
  ({ type: 'FieldValueTooLong', field, message: `may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}` })

export const typeInvalidField = (field: string, badValue: unknown, message: string): FieldError =>
  ({ type: 'FieldValueTypeInvalid', field, badValue, message })

export const FIELD_IMMUTABLE_MESSAGE = 'field is immutable'

export const immutableField = (field: string, newValue: unknown): FieldError =>
  invalidField(field, newValue, FIELD_IMMUTABLE_MESSAGE)

/** Joins a field path the way upstream's field.Path does; an empty base means the root. */
export const childPath = (base: string, child: string): string => base === '' ? child : `${base}.${child}`
