import type { FieldError } from '../errors/api-error.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { asObj } from '../printers/format.js'
import { immutable, invalid, isNonNegative, jsonEqual, required } from './field-errors.js'
import { validatePodTemplate } from './pod-spec-validation.js'
import { isEmptySelector, selectorMatches, validateLabelSelector } from './selector.js'

// Checks shared by the apps/batch workloads: a LabelSelector that selects the pod template, and the template itself.

/**
 * `spec.selector` required, non-empty and valid; template labels selected by it; the template a valid pod template whose
 * restart policy is one of `restartPolicies`. `emptyWord` names the kind in upstream's empty-selector message.
 */
export function validateSelectedTemplate (specValue: unknown, opts: { emptyWord: string, restartPolicies: string[], templatePath?: string, selectorRequired?: boolean }): FieldError[] {
  const spec = asObj(specValue)
  const errs: FieldError[] = []
  const sel = spec.selector
  if (sel === undefined || sel === null) {
    if (opts.selectorRequired !== false) errs.push(required('spec.selector'))
  } else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'))
    if (isEmptySelector(sel)) errs.push(invalid('spec.selector', sel, `empty selector is invalid for ${opts.emptyWord}`))
  }
  const template = spec.template
  const path = opts.templatePath ?? 'spec.template'
  if (template === undefined || template === null) return errs.concat(required(path))
  // a missing required selector selects nothing (LabelSelectorAsSelector(nil)), so the template's labels fail too
  const missing = sel === undefined || sel === null
  const selects = missing ? (opts.selectorRequired !== false ? () => false : undefined) : (labels: Record<string, string>) => selectorMatches(sel, labels)
  return errs.concat(validatePodTemplate(template, path, { selects, restartPolicies: opts.restartPolicies }))
}

/** Non-negative integer fields of `spec`. */
export function nonNegativeSpecFields (specValue: unknown, fields: string[]): FieldError[] {
  const spec = asObj(specValue)
  return fields.flatMap((f) => isNonNegative(`spec.${f}`, spec[f]))
}

/** `spec.<field>` may not change on update. */
export function immutableSpecFields (specValue: unknown, ctx: StrategyContext, fields: string[]): FieldError[] {
  if (ctx.old === undefined) return []
  const spec = asObj(specValue)
  const old = asObj(ctx.old.spec)
  return fields.filter((f) => !jsonEqual(spec[f], old[f])).map((f) => immutable(`spec.${f}`, spec[f]))
}
