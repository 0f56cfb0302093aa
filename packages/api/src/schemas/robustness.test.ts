import type { KubeObject } from '../meta/object.js'
import { tableCellsFor, tableColumnsFor } from '../printers/columns.js'
import { allSchemas } from './registry.js'

// Whatever a client sends, defaulting, validation and printing must answer with field errors or cells, never throw.

const garbage: Array<{ name: string, obj: Record<string, unknown> }> = [
  { name: 'an empty object', obj: {} },
  { name: 'metadata only', obj: { metadata: { name: 'x', namespace: 'default' } } },
  { name: 'spec and status of the wrong type', obj: { metadata: { name: 'x' }, spec: 'nope', status: 7 } },
  { name: 'lists where maps belong', obj: { metadata: { name: 'x', labels: [] }, spec: { selector: [], template: [], containers: 'c', ports: 'p', rules: {} }, data: [] } },
  { name: 'nulls everywhere', obj: { metadata: { name: null }, spec: { containers: [null, 1, 'x'], template: { spec: { containers: [null] } }, ports: [null], selector: null }, status: { conditions: [null], containerStatuses: [null, { state: null }] } } },
  { name: 'numbers where strings belong', obj: { metadata: { name: 5, creationTimestamp: 'yesterday' }, spec: { type: 3, schedule: 4, replicas: '2' }, involvedObject: 'pod', roleRef: 1, subjects: [2] } }
]

describe('every schema survives malformed objects', () => {
  const cases = allSchemas().flatMap((s) => garbage.map((g) => ({ name: `${s.kind}.${s.group || 'core'}/${s.version} with ${g.name}`, schema: s, obj: g.obj })))
  it.each(cases)('$name', ({ schema, obj }) => {
    const o = structuredClone(obj) as KubeObject
    expect(() => schema.defaults(o)).not.toThrow()
    expect(Array.isArray(schema.validate(o, {}))).toBe(true)
    expect(Array.isArray(schema.validate(o, { old: structuredClone(obj) as KubeObject }))).toBe(true)
    expect(tableCellsFor(schema, o, new Date())).toHaveLength(tableColumnsFor(schema).length)
  })
})
