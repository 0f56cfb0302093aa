import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { errBadRequest } from '../errors/api-error.js'
import { parseSelector } from './parser.js'
import { newRequirement, type LabelOperator, type LabelRequirement } from './requirement.js'
import { everything, nothingSelector, selectorFromRequirements, type Selector } from './selector.js'

const expressionOperators = new Map<string, LabelOperator>([['In', 'In'], ['NotIn', 'NotIn'], ['Exists', 'Exists'], ['DoesNotExist', 'DoesNotExist']])

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
    requirements.push(newRequirement(key, '=', [value]))
  }
  for (const expr of expressions) {
    const op = expressionOperators.get(expr.operator)
    if (op === undefined) throw errBadRequest(`${JSON.stringify(expr.operator)} is not a valid label selector operator`)
    requirements.push(newRequirement(expr.key, op, [...(expr.values ?? [])]))
  }
  return selectorFromRequirements(requirements)
}

/** Convenience for one-off checks: parses `text` (throwing BadRequest when invalid) and matches `labels`. */
export function labelsMatchSelectorText (labels: Record<string, string> | undefined | null, text: string): boolean {
  return parseSelector(text).matches(labels)
}
