import { LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml'
import type { Node, Pair } from 'yaml'
import { errBadRequest } from '@kube-ts/api'
import { checkNestingDepth, stripPrototypeKeys } from './safe-json.js'

/** A YAML body, with the repeated mapping keys that upstream's strict YAML decoder (go-yaml v2) would report. */
export interface ParsedYaml {
  value: unknown
  /** One entry per repeat, in document order: `line 4: key "name" already set in map`. */
  duplicates: string[]
}

/** go-yaml prints keys with `%#v`: strings quoted, numbers and booleans bare. */
function keyText (key: unknown): string {
  const v = isScalar(key) ? key.value : key
  if (typeof v === 'string') return JSON.stringify(v)
  return v === null || v === undefined ? '<nil>' : String(v)
}

/** Identity of a key as go-yaml compares them: by type and value, so `1` and `"1"` differ. */
function keyIdentity (key: unknown): string {
  const v = isScalar(key) ? key.value : key
  return `${typeof v}:${String(v)}`
}

/**
 * Repeated keys in document order. Like go-yaml, the value under a repeated key is not looked into (the strict
 * decoder skips it), and each repeat names the line of the repeated key.
 */
function findDuplicateKeys (doc: ReturnType<typeof parseDocument>, lines: LineCounter): string[] {
  const seen = new WeakMap<object, Set<string>>()
  const found: string[] = []
  visit(doc, {
    Pair (_key, pair: Pair<unknown, unknown>, path) {
      const parent = path[path.length - 1]
      if (!isMap(parent)) return undefined
      let keys = seen.get(parent)
      if (keys === undefined) seen.set(parent, keys = new Set())
      const id = keyIdentity(pair.key)
      if (!keys.has(id)) {
        keys.add(id)
        return undefined
      }
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0
      found.push(`line ${lines.linePos(offset).line}: key ${keyText(pair.key)} already set in map`)
      return visit.SKIP
    }
  })
  return found
}

/**
 * YAML request bodies. Aliases are refused outright (billion-laughs, CVE-2019-11253), merge keys and custom tags
 * get no special meaning, and flow nesting is bounded by the same linear pre-scan as JSON. A repeated key is not
 * an error here: the last value wins, as in upstream's non-strict decoding, and the repeats are listed for
 * field validation to report.
 */
export function parseYamlWithDuplicates (text: string): ParsedYaml {
  checkNestingDepth(text)
  const lines = new LineCounter()
  let doc
  try {
    doc = parseDocument(text, { merge: false, uniqueKeys: false, schema: 'core', prettyErrors: false, strict: true, lineCounter: lines })
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
  return { value, duplicates: findDuplicateKeys(doc, lines) }
}

/** {@link parseYamlWithDuplicates} for callers that do not report repeated keys. */
export function parseYaml (text: string): unknown {
  return parseYamlWithDuplicates(text).value
}
