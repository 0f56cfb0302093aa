import { CompactedError, FutureRevisionError, MemoryMvcc } from './memory-mvcc.js'

const names = (m: MemoryMvcc, revision?: number): string[] =>
  m.range({ key: Buffer.from('/r/'), range_end: Buffer.from('/r0'), ...(revision === undefined ? {} : { revision }) }).kvs.map(kv => kv.value.toString())

describe('MemoryMvcc', () => {
  it('reads any retained revision as it was then', () => {
    const m = new MemoryMvcc()
    const r1 = m.put('/r/a', 'a1')
    m.put('/r/b', 'b1')
    const r3 = m.put('/r/a', 'a2')
    m.delete('/r/b')
    expect(names(m, r1)).toEqual(['a1'])
    expect(names(m, r3)).toEqual(['a2', 'b1'])
    expect(names(m)).toEqual(['a2'])
  })

  it('keeps the create revision across updates and reports limit, more and count like etcd', () => {
    const m = new MemoryMvcc()
    const created = m.put('/r/a', 'x')
    m.put('/r/a', 'y')
    m.put('/r/b', 'z')
    const res = m.range({ key: Buffer.from('/r/'), range_end: Buffer.from('/r0'), limit: 1 })
    expect(res.kvs[0]?.create_revision).toBe(String(created))
    expect(res.more).toBe(true)
    expect(res.count).toBe('2')
  })

  const failures = [
    { name: 'refuses reads below the compaction revision', run: (m: MemoryMvcc) => m.range({ key: Buffer.from('/r/a'), revision: 2 }), error: CompactedError },
    { name: 'refuses reads at a future revision', run: (m: MemoryMvcc) => m.range({ key: Buffer.from('/r/a'), revision: 99 }), error: FutureRevisionError },
    { name: 'refuses watch history below the compaction revision', run: (m: MemoryMvcc) => m.eventsFrom('/r/', 2), error: CompactedError }
  ]
  it.each(failures)('$name', ({ run, error }) => {
    const m = new MemoryMvcc()
    m.put('/r/a', '1')
    m.put('/r/a', '2')
    m.put('/r/a', '3')
    m.compact(3)
    expect(() => run(m)).toThrow(error)
  })

  it('drops keys deleted before the compaction revision entirely', () => {
    const m = new MemoryMvcc()
    m.put('/r/a', '1')
    m.delete('/r/a')
    m.put('/r/b', '2')
    m.compact(m.revision)
    expect(names(m, m.revision)).toEqual(['2'])
    expect(m.eventsFrom('/r/', m.revision).map(e => e.key)).toEqual(['/r/b'])
  })
})
