import { errBadRequest } from '../errors/api-error.js'
import { isForbiddenKey, isObject } from './json-value.js'

/**
 * Rejects a patch that names `__proto__`, `constructor` or `prototype` anywhere. Those are never Kubernetes field
 * names, and code outside the patch engines may copy objects with spread or Object.assign.
 */
export function assertNoForbiddenKeys (v: unknown, path = ''): void {
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertNoForbiddenKeys(x, `${path}[${i}]`))
    return
  }
  if (!isObject(v)) return
  for (const k of Object.keys(v)) {
    if (isForbiddenKey(k)) throw errBadRequest(`invalid patch: field name "${k}" is not allowed (at "${path}")`)
    assertNoForbiddenKeys(v[k], path === '' ? k : `${path}.${k}`)
  }
}
