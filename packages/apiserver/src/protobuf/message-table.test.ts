import { specialDecoders } from './special-types.js'
import { mapValueType, scalarTypes } from './message-table.js'
import { protobufKinds } from './kinds.js'
import { messages } from './messages/index.js'

const known = (type: string): boolean => scalarTypes.has(type) || type in specialDecoders || type in messages
const entries = Object.entries(messages)

describe('the message tables are self-consistent', () => {
  it.each(entries.map(([name, fields]) => ({ name, fields })))('$name references only defined types and has unique numbers and names', ({ fields }) => {
    const numbers = fields.map(f => f.number)
    expect(new Set(numbers).size).toBe(numbers.length)
    const names = fields.filter(f => f.inline !== true).map(f => f.name)
    expect(new Set(names).size).toBe(names.length)
    for (const f of fields) {
      const target = mapValueType(f.type) ?? f.type
      expect({ field: f.name, known: known(target) }).toEqual({ field: f.name, known: true })
      // an inline member must be a plain message whose fields can merge into the parent object
      if (f.inline === true) expect(messages[f.type]).toBeDefined()
    }
  })

  it.each(Object.entries(protobufKinds).map(([kind, message]) => ({ kind, message })))('$kind maps to a defined message with metadata', ({ message }) => {
    expect(messages[message]?.find(f => f.number === 1)).toMatchObject({ name: 'metadata', type: 'meta.v1.ObjectMeta' })
  })

  it('ObjectMeta carries every wire field (15 and 16 are retired upstream)', () => {
    expect(messages['meta.v1.ObjectMeta']?.map(f => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17])
  })

  it.each([
    { name: 'Container covers probes, lifecycle, resources and security context', message: 'core.v1.Container', count: 25 },
    { name: 'VolumeSource lists every volume source', message: 'core.v1.VolumeSource', count: 30 }
  ])('$name', ({ message, count }) => {
    expect(messages[message]?.length).toBeGreaterThanOrEqual(count)
  })
})
