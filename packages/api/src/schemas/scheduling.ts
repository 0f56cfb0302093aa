import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { defineSchema } from './define.js'
import { forbidden, immutable, invalid, notSupported, required } from './field-errors.js'

// scheduling.k8s.io/v1 PriorityClasses: the name -> integer priority mapping the Priority admission plugin resolves.

/** Values above this are reserved for the system classes (upstream HighestUserDefinablePriority). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000
/** Upstream SystemCriticalPriority: the system band starts at twice the user ceiling. */
export const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-'
export const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority'
export const PREEMPTION_POLICIES = [PREEMPT_LOWER_PRIORITY, 'Never']

export interface SystemPriorityClass { name: string, value: number, description: string }

/** The classes the apiserver creates at start; the `system-` prefix is reserved for exactly these. */
export const SYSTEM_PRIORITY_CLASSES: readonly SystemPriorityClass[] = [
  { name: 'system-node-critical', value: SYSTEM_CRITICAL_PRIORITY + 1000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: SYSTEM_CRITICAL_PRIORITY, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' }
]

const INT32_MIN = -(2 ** 31)
const INT32_MAX = 2 ** 31 - 1

/** Upstream IsKnownSystemPriorityClass: why a `system-` class is not one of the built-ins, or undefined when it is. */
function systemClassMismatch (name: string, value: unknown, globalDefault: unknown): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.name === name)
  if (known === undefined) return `${name} is not a known system priority class`
  if (value !== known.value) return `value of ${name} PriorityClass must be ${known.value}`
  if (globalDefault === true) return `globalDefault of ${name} PriorityClass must be false`
  return undefined
}

/** `ValidatePreemptionPolicy`, shared with pods' spec.preemptionPolicy. */
export function validatePreemptionPolicy (field: string, v: unknown): FieldError[] {
  if (v === undefined || v === null) return []
  if (v === '') return [required(field)]
  return typeof v === 'string' && PREEMPTION_POLICIES.includes(v) ? [] : [notSupported(field, v, PREEMPTION_POLICIES)]
}

function validatePriorityClass (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs: FieldError[] = []
  // metadata validation reports a mistyped name; here it only decides which rules apply
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : ''
  const value = obj.value ?? 0
  if (typeof value !== 'number' || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) {
    errs.push(invalid('value', value, 'must be a 32-bit integer'))
  } else if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = systemClassMismatch(name, value, obj.globalDefault)
    if (why !== undefined) errs.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`))
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`))
  }
  if (obj.globalDefault !== undefined && typeof obj.globalDefault !== 'boolean') errs.push(invalid('globalDefault', obj.globalDefault, 'must be a boolean'))
  errs.push(...validatePreemptionPolicy('preemptionPolicy', obj.preemptionPolicy))
  const old = ctx.old
  if (old !== undefined) {
    if ((old.value ?? 0) !== value) errs.push(forbidden('value', 'may not be changed in an update.'))
    if (old.preemptionPolicy !== obj.preemptionPolicy) errs.push(immutable('preemptionPolicy', obj.preemptionPolicy))
  }
  return errs
}

export const priorityClassSchema = defineSchema({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  namespaced: false,
  shortNames: ['pc'],
  defaults: (obj) => {
    if (obj.preemptionPolicy === undefined || obj.preemptionPolicy === null) obj.preemptionPolicy = PREEMPT_LOWER_PRIORITY
  },
  validate: validatePriorityClass,
  printerColumns: [
    nameColumn(),
    column('Value', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.',
      (o) => typeof o.value === 'number' ? o.value : 0, { type: 'integer' }),
    column('Global-Default', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.',
      (o) => o.globalDefault === true, { type: 'boolean' }),
    ageColumn(),
    column('PreemptionPolicy', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.',
      (o) => typeof o.preemptionPolicy === 'string' ? o.preemptionPolicy : PREEMPT_LOWER_PRIORITY)
  ]
})

export const schedulingSchemas = [priorityClassSchema]
