import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1.js'
import type { FieldError } from '../errors/api-error.js'
import { childPath, forbiddenField, invalidField, requiredField } from './field-errors.js'
import { isQualifiedName, isValidLabelValue } from './name-formats.js'
import { validateLabels } from './object-meta.js'

function validateRequirement (r: LabelSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = []
  const values = Array.isArray(r.values) ? r.values : []
  switch (r.operator) {
    case 'In': case 'NotIn':
      if (values.length === 0) errs.push(requiredField(childPath(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"))
      break
    case 'Exists': case 'DoesNotExist':
      if (values.length > 0) errs.push(forbiddenField(childPath(path, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
      break
    default:
      errs.push(invalidField(childPath(path, 'operator'), r.operator, 'not a valid selector operator'))
  }
  const key = typeof r.key === 'string' ? r.key : ''
  for (const msg of isQualifiedName(key)) errs.push(invalidField(childPath(path, 'key'), key, msg))
  values.forEach((v, i) => {
    for (const msg of isValidLabelValue(String(v))) errs.push(invalidField(`${childPath(path, 'values')}[${i}]`, v, msg))
  })
  return errs
}

/**
 * Field errors for a metav1.LabelSelector in an object (e.g. `spec.selector` of a Deployment), as upstream's
 * `ValidateLabelSelector`. Whether an empty selector is allowed is the kind's own rule.
 */
export function validateLabelSelector (ls: LabelSelector | undefined | null, path: string): FieldError[] {
  if (ls === undefined || ls === null) return []
  const errs = validateLabels(ls.matchLabels, childPath(path, 'matchLabels'))
  const expressions = Array.isArray(ls.matchExpressions) ? ls.matchExpressions : []
  expressions.forEach((r, i) => errs.push(...validateRequirement(r, `${childPath(path, 'matchExpressions')}[${i}]`)))
  return errs
}
