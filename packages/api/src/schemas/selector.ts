import type { FieldError } from '../errors/api-error.js'
import { forbidden, invalid, required } from './field-errors.js'
import { isObj } from './pod-spec-defaults.js'
import { validateLabelMap } from './pod-spec-validation.js'

// meta/v1 LabelSelector checks needed by workload validation (ValidateLabelSelector, LabelSelectorAsSelector.Matches).


export function validateLabelSelector (sel: unknown, field: string): FieldError[] {
  if (sel === undefined || sel === null) return []
  if (!isObj(sel)) return [invalid(field, sel, 'must be a label selector')]
  const errs = validateLabelMap(sel.matchLabels, `${field}.matchLabels`)
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []
  exprs.forEach((e: unknown, i: number) => {
    const f = `${field}.matchExpressions[${i}]`
    const r = isObj(e) ? e : {}
    const values = Array.isArray(r.values) ? r.values : []
    if (typeof r.key !== 'string' || r.key === '') errs.push(required(`${f}.key`))
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${f}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${f}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
    } else {
      errs.push(invalid(`${f}.operator`, r.operator, 'not a valid selector operator'))
    }
  })
  return errs
}

/** True when the selector has neither matchLabels nor matchExpressions (it would select everything). */
export function isEmptySelector (sel: unknown): boolean {
  if (!isObj(sel)) return true
  const ml = isObj(sel.matchLabels) ? Object.keys(sel.matchLabels).length : 0
  const me = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0
  return ml + me === 0
}

/** Whether a LabelSelector selects the given labels; an invalid operator selects nothing. */
export function selectorMatches (sel: unknown, labels: Record<string, string>): boolean {
  if (!isObj(sel)) return false
  for (const [k, v] of Object.entries(isObj(sel.matchLabels) ? sel.matchLabels : {})) {
    if (labels[k] !== v) return false
  }
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []
  for (const e of exprs) {
    const r = isObj(e) ? e : {}
    const key = String(r.key)
    const values = (Array.isArray(r.values) ? r.values : []).map(String)
    const has = Object.prototype.hasOwnProperty.call(labels, key)
    switch (r.operator) {
      case 'In': if (!has || !values.includes(labels[key] ?? '')) return false; break
      case 'NotIn': if (has && values.includes(labels[key] ?? '')) return false; break
      case 'Exists': if (!has) return false; break
      case 'DoesNotExist': if (has) return false; break
      default: return false
    }
  }
  return true
}

/** Whether a map selector (Service, ReplicationController) selects the labels. */
export function mapSelectorMatches (sel: unknown, labels: Record<string, string>): boolean {
  return Object.entries(isObj(sel) ? sel : {}).every(([k, v]) => labels[k] === v)
}
