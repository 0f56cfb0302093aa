import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { isDns1035Label, validateMetaUpdate, validateObjectMeta } from '../validation/index.js'
import { invalid } from './field-errors.js'

/** `dns1035` (services) is a DNS label that must also start with a letter. */
export type NameCheck = 'subdomain' | 'label' | 'path-segment' | 'dns1035'

/** ObjectMeta checks for one kind; on update (ctx.old set) also upstream's metadata update rules. */
export function validateMeta (obj: KubeObject, opts: { namespaced: boolean, nameCheck: NameCheck }, ctx: StrategyContext): FieldError[] {
  const meta = obj.metadata ?? {}
  if (ctx.subresource !== undefined && ctx.subresource !== '' && ctx.old !== undefined) {
    // subresource writes (status, scale) only carry metadata along; the update rules still apply
    return validateMetaUpdate(meta, ctx.old.metadata)
  }
  const nameCheck = opts.nameCheck === 'dns1035' ? 'label' : opts.nameCheck
  const errs = validateObjectMeta(meta, { namespaced: opts.namespaced, nameCheck })
  if (opts.nameCheck === 'dns1035') {
    const label = errs.filter((e) => e.field === 'metadata.name' || e.field === 'metadata.generateName')
    if (label.length === 0) errs.push(...dns1035Errors(meta.name, 'metadata.name'), ...dns1035Errors(meta.generateName, 'metadata.generateName'))
  }
  if (ctx.old !== undefined) errs.push(...validateMetaUpdate(meta, ctx.old.metadata).filter((e) => !errs.some((x) => x.field === e.field && x.message === e.message)))
  return errs
}

function dns1035Errors (name: unknown, field: string): FieldError[] {
  if (typeof name !== 'string' || name === '') return []
  // a generateName prefix may end in '-': upstream masks it before checking
  const value = field.endsWith('generateName') && name.endsWith('-') ? `${name.slice(0, -1)}a` : name
  return isDns1035Label(value).map((m) => invalid(field, name, m))
}
