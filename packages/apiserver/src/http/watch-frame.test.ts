import { watchEventLine } from './watch-frame.js'

describe('watchEventLine', () => {
  const cases: Array<{ name: string, type: string, object: unknown }> = [
    { name: 'frames an object event as one JSON line', type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'a' } } },
    { name: 'frames a non-object payload without caching it', type: 'ERROR', object: 'boom' },
    { name: 'frames a null payload', type: 'BOOKMARK', object: null }
  ]
  it.each(cases)('$name', ({ type, object }) => {
    expect(watchEventLine(type, object).toString('utf8')).toBe(`${JSON.stringify({ type, object })}\n`)
  })

  it('returns the very same bytes for the same object and type, so every watcher shares one frame', () => {
    const object = { metadata: { name: 'a', resourceVersion: '5' } }
    expect(watchEventLine('MODIFIED', object)).toBe(watchEventLine('MODIFIED', object))
  })

  it('reframes the same object when the event type differs', () => {
    const object = { metadata: { name: 'a' } }
    expect(JSON.parse(watchEventLine('ADDED', object).toString('utf8')).type).toBe('ADDED')
    expect(JSON.parse(watchEventLine('DELETED', object).toString('utf8')).type).toBe('DELETED')
  })
})
