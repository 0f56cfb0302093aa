import { watchEventLine } from './watch-frame.js'

describe('watchEventLine', () => {
  const cases: Array<{ name: string, type: string, object: unknown }> = [
    { name: 'frames an object event as one JSON line', type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'a' } } },
    { name: 'frames a non-object payload without caching it', type: 'ERROR', object: 'boom' },
    { name: 'frames a null payload', type: 'BOOKMARK', object: null }
  ]
  it.each(cases)('$name', ({ type, object }) => {
    expect(watchEventLine(type, object)).toBe(`${JSON.stringify({ type, object })}\n`)
  })

  it('returns the same line for the same object and type', () => {
    const object = { metadata: { name: 'a', resourceVersion: '5' } }
    expect(watchEventLine('MODIFIED', object)).toBe(watchEventLine('MODIFIED', object))
  })

  it('reframes the same object when the event type differs', () => {
    const object = { metadata: { name: 'a' } }
    expect(JSON.parse(watchEventLine('ADDED', object)).type).toBe('ADDED')
    expect(JSON.parse(watchEventLine('DELETED', object)).type).toBe('DELETED')
  })
})
