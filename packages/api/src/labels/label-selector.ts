import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { errBadRequest } from '../errors/api-error.js'
import { parseSelector } from './parser.js'
import { newRequirement, type LabelOperator, type LabelRequirement } from './requirement.js'
import { everything, nothingSelector, selectorFromRequirements, type Selector } from './selector.js'

const expressionOperators = new Map<string, LabelOperator>([['In', 'In'], ['NotIn', 'NotIn'], ['Exists', 'Exists'], ['DoesNotExist', 'DoesNotExist']])

// objects read from storage were type-checked on write, but a bad one must still not crash a controller
function asString (v: unknown, what: string): string {
  if (typeof v !== 'string') throw errBadRequest(`label selector ${what} must be strings, got ${v === null ? 'null' : typeof v}`)
  return v
}

/**
 * Turns a metav1.LabelSelector (as in `spec.selector` of workloads) into a Selector, like upstream's
 * `LabelSelectorAsSelector`: null/undefined selects nothing, `{}` selects everything. Throws BadRequest
 * on unknown operators or invalid keys and values.
 */
export function selectorFromLabelSelector (ls: LabelSelector | undefined | null): Selector {
  if (ls === undefined || ls === null) return nothingSelector()
  const matchLabels = ls.matchLabels ?? {}
  const expressions = ls.matchExpressions ?? []
  if (Object.keys(matchLabels).length + expressions.length === 0) return everything()
  const requirements: LabelRequirement[] = []
  for (const [key, value] of Object.entries(matchLabels)) {
    requirements.push(newRequirement(key, '=', [asString(value, 'matchLabels')]))
  }
  for (const expr of expressions) {
    const op = expressionOperators.get(expr.operator)
    if (op === undefined) throw errBadRequest(`${JSON.stringify(expr.operator)} is not a valid label selector operator`)
    const values: unknown = expr.values ?? []
    if (!Array.isArray(values)) throw errBadRequest('matchExpressions values must be a list of strings')
    requirements.push(newRequirement(asString(expr.key, 'matchExpressions key'), op, values.map((v) => asString(v, 'matchExpressions values'))))
  }
  return selectorFromRequirements(requirements)
}

/** Convenience for one-off checks: parses `text` (throwing BadRequest when invalid) and matches `labels`. */
export function labelsMatchSelectorText (labels: Record<string, string> | undefined | null, text: string): boolean {
  return parseSelector(text).matches(labels)
}
