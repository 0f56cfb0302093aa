import { errBadRequest } from '@kube-ts/api'
import { findJsonDuplicates } from './json-duplicates.js'
import type { DuplicateField } from './json-duplicates.js'

/** Upstream's JSON decoder limit (`apimachinery/pkg/util/json` maxDepth). */
export const maxJsonDepth = 10000

/**
 * Measures nesting with one linear pass (strings skipped) before anything recursive touches the text, so a
 * 3 MiB `[[[[...` body is refused in milliseconds instead of exhausting the stack.
 */
export function checkNestingDepth (text: string, max = maxJsonDepth): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
      continue
    }
    if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > max) throw errBadRequest(`json: exceeded max depth of ${max}`)
    } else if (c === 0x5d || c === 0x7d) depth--
  }
}

const dangerousKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Removes keys that could reach `Object.prototype` through a later naive merge. `__proto__` always goes;
 * `constructor`/`prototype` only when they hold objects, so string data keys (a ConfigMap key named
 * `constructor`) survive. Iterative, because the value may be 10,000 levels deep.
 */
export function stripPrototypeKeys (value: unknown): void {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item)
      continue
    }
    const rec = v as Record<string, unknown>
    for (const key of Object.keys(rec)) {
      const child = rec[key]
      if (dangerousKeys.has(key) && (key === '__proto__' || (child !== null && typeof child === 'object'))) {
        delete rec[key]
        continue
      }
      stack.push(child)
    }
  }
}

/** JSON.parse with the depth pre-check and prototype-key stripping; malformed input is 400, never 500. */
export function parseJson (text: string): unknown {
  checkNestingDepth(text)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw errBadRequest(`error decoding JSON: ${(err as Error).message}`)
  }
  stripPrototypeKeys(value)
  return value
}

/** {@link parseJson} plus the repeated keys (any depth) that upstream's strict decoder reports; the last value wins. */
export function parseJsonWithDuplicates (text: string): { value: unknown, duplicates: DuplicateField[] } {
  const value = parseJson(text)
  return { value, duplicates: findJsonDuplicates(text) }
}
