import type { KubeObject } from '../meta/object.js'
import { tableCellsFor, tableColumnsFor } from '../printers/columns.js'
import { priorityClassSchema } from './scheduling.js'

function pc (name: string, fields: Record<string, unknown>): KubeObject {
  return { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, ...fields }
}

function messages (obj: KubeObject, old?: KubeObject): string[] {
  priorityClassSchema.defaults(obj)
  return priorityClassSchema.validate(obj, old === undefined ? {} : { old }).map((e) => `${e.type} ${e.field}: ${e.message}`)
}

describe('PriorityClass validation', () => {
  const cases: Array<{ name: string, obj: KubeObject, old?: KubeObject, want: string[] }> = [
    { name: 'accepts a user class at the user ceiling', obj: pc('high', { value: 1_000_000_000 }), want: [] },
    { name: 'accepts a negative value', obj: pc('scraps', { value: -10, preemptionPolicy: 'Never' }), want: [] },
    { name: 'accepts a class without a value (it is 0)', obj: pc('zero', {}), want: [] },
    {
      name: 'refuses a user class above HighestUserDefinablePriority',
      obj: pc('too-high', { value: 1_000_000_001 }),
      want: ['FieldValueForbidden value: maximum allowed value of a user defined priority is 1000000000']
    },
    {
      name: 'reserves the system- prefix for unknown names',
      obj: pc('system-mine', { value: 10 }),
      want: ["FieldValueForbidden metadata.name: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"]
    },
    {
      name: 'refuses a built-in system class with another value',
      obj: pc('system-node-critical', { value: 5 }),
      want: ["FieldValueForbidden metadata.name: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000"]
    },
    {
      name: 'refuses a built-in system class marked globalDefault',
      obj: pc('system-cluster-critical', { value: 2_000_000_000, globalDefault: true }),
      want: ["FieldValueForbidden metadata.name: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-cluster-critical PriorityClass must be false"]
    },
    { name: 'accepts the built-in system class as upstream defines it', obj: pc('system-cluster-critical', { value: 2_000_000_000 }), want: [] },
    {
      name: 'refuses an unknown preemption policy with the supported values',
      obj: pc('p', { value: 1, preemptionPolicy: 'Sometimes' }),
      want: ['FieldValueNotSupported preemptionPolicy: supported values: "PreemptLowerPriority", "Never"']
    },
    { name: 'requires a non-empty preemption policy', obj: pc('p', { value: 1, preemptionPolicy: '' }), want: ['FieldValueRequired preemptionPolicy: '] },
    { name: 'refuses a value outside int32', obj: pc('p', { value: 2 ** 31 }), want: ['FieldValueInvalid value: must be a 32-bit integer'] },
    {
      name: 'keeps the value immutable on update',
      obj: pc('high', { value: 2000 }),
      old: pc('high', { value: 1000, preemptionPolicy: 'PreemptLowerPriority' }),
      want: ['FieldValueForbidden value: may not be changed in an update.']
    },
    {
      name: 'keeps the preemption policy immutable on update',
      obj: pc('high', { value: 1000, preemptionPolicy: 'Never' }),
      old: pc('high', { value: 1000, preemptionPolicy: 'PreemptLowerPriority' }),
      want: ['FieldValueInvalid preemptionPolicy: field is immutable']
    },
    {
      name: 'lets an update change the description and globalDefault',
      obj: pc('high', { value: 1000, description: 'new', globalDefault: true }),
      old: pc('high', { value: 1000, preemptionPolicy: 'PreemptLowerPriority' }),
      want: []
    }
  ]

  it.each(cases)('$name', ({ obj, old, want }) => {
    expect(messages(obj, old)).toEqual(want)
  })
})

describe('PriorityClass defaults and printer', () => {
  it('defaults the preemption policy to PreemptLowerPriority and keeps Never', () => {
    const a = pc('a', { value: 1 })
    const b = pc('b', { value: 1, preemptionPolicy: 'Never' })
    priorityClassSchema.defaults(a)
    priorityClassSchema.defaults(b)
    expect([a.preemptionPolicy, b.preemptionPolicy]).toEqual(['PreemptLowerPriority', 'Never'])
  })

  it('prints NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY with typed cells', () => {
    const obj = pc('high', { value: 1000, globalDefault: true, preemptionPolicy: 'Never' })
    obj.metadata.creationTimestamp = '2026-01-01T00:00:00Z'
    expect(tableColumnsFor(priorityClassSchema).map((c) => `${c.name}:${c.type}`))
      .toEqual(['Name:string', 'Value:integer', 'Global-Default:boolean', 'Age:string', 'PreemptionPolicy:string'])
    expect(tableCellsFor(priorityClassSchema, obj, new Date('2026-01-01T00:05:00Z'))).toEqual(['high', 1000, true, '5m', 'Never'])
  })

  it('is the cluster-scoped scheduling.k8s.io/v1 resource with short name pc', () => {
    expect([priorityClassSchema.namespaced, priorityClassSchema.shortNames, priorityClassSchema.listKind]).toEqual([false, ['pc'], 'PriorityClassList'])
  })
})
