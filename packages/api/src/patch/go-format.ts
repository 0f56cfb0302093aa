import { isObject } from './json-value.js'

/**
 * Renders a decoded JSON value the way Go's `%v` prints `interface{}` data, so error messages built from patch
 * contents read like upstream's (`map[image:nginx]`, `[a b]`, `<nil>`).
 */
export function goFormat (v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`
  if (isObject(v)) {
    const keys = Object.keys(v).sort()
    return `map[${keys.map(k => `${k}:${goFormat(v[k])}`).join(' ')}]`
  }
  return String(v)
}
