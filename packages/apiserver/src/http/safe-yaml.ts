import { parseDocument, visit } from 'yaml'
import { errBadRequest } from '@kube-ts/api'
import { checkNestingDepth, stripPrototypeKeys } from './safe-json.js'

/**
 * YAML request bodies. Aliases are refused outright (billion-laughs, CVE-2019-11253), merge keys and custom tags
 * get no special meaning, and flow nesting is bounded by the same linear pre-scan as JSON.
 */
export function parseYaml (text: string): unknown {
  checkNestingDepth(text)
  let doc
  try {
    doc = parseDocument(text, { merge: false, uniqueKeys: true, schema: 'core', prettyErrors: false, strict: true })
  } catch (err) {
    throw errBadRequest(`error converting YAML to JSON: ${(err as Error).message}`)
  }
  const first = doc.errors[0]
  if (first !== undefined) throw errBadRequest(`error converting YAML to JSON: ${first.message}`)
  let hasAlias = false
  visit(doc, { Alias () { hasAlias = true; return visit.BREAK } })
  if (hasAlias) throw errBadRequest('error converting YAML to JSON: yaml: aliases are not allowed in request bodies')
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 0 })
  } catch (err) {
    throw errBadRequest(`error converting YAML to JSON: ${(err as Error).message}`)
  }
  stripPrototypeKeys(value)
  return value
}
