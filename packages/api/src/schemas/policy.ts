import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asObj } from '../printers/format.js'
import { intOrStringOrNA } from '../printers/hpa-cells.js'
import { defineSchema } from './define.js'
import { invalid } from './field-errors.js'
import { validateLabelSelector } from './selector.js'

// policy/v1 PodDisruptionBudgets.

const PERCENT = /^(\d+)%$/

function validateIntOrPercent (v: unknown, field: string): FieldError[] {
  if (v === undefined || v === null) return []
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : []
  const m = typeof v === 'string' ? PERCENT.exec(v) : null
  if (m === null) return [invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")]
  return Number(m[1]) > 100 ? [invalid(field, v, 'must not be greater than 100%')] : []
}

function validatePdb (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs: FieldError[] = []
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'))
  }
  errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'))
  errs.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'))
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'))
  const policy = spec.unhealthyPodEvictionPolicy
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.unhealthyPodEvictionPolicy', badValue: policy, message: 'supported values: "AlwaysAllow", "IfHealthyBudget"' })
  }
  return errs
}

export const podDisruptionBudgetSchema = defineSchema({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  namespaced: true,
  shortNames: ['pdb'],
  subresources: ['status'],
  generationFields: ['spec'],
  validate: validatePdb,
  patchStrategies: { 'spec.selector': { strategy: 'replace' }, 'status.conditions': { strategy: 'merge', mergeKey: 'type' } },
  printerColumns: [
    nameColumn(),
    column('Min Available', 'The minimum number of pods that must be available.', (o) => intOrStringOrNA(asObj(o.spec).minAvailable)),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.', (o) => intOrStringOrNA(asObj(o.spec).maxUnavailable)),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', (o) => typeof asObj(o.status).disruptionsAllowed === 'number' ? asObj(o.status).disruptionsAllowed as number : 0, { type: 'integer' }),
    ageColumn()
  ]
})

export const policySchemas: ResourceSchema[] = [podDisruptionBudgetSchema]
