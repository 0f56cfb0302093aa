import pino from 'pino'
import { runCompaction } from './compaction.js'

function fakeStorage (revisions: number[], failAt = -1): { currentRevision: () => Promise<number>, compact: (r: number) => Promise<void>, compacted: number[] } {
  let tick = 0
  const compacted: number[] = []
  return {
    compacted,
    currentRevision: async () => {
      const i = tick++
      if (i === failAt) throw new Error('etcd unavailable')
      return revisions[Math.min(i, revisions.length - 1)] ?? 0
    },
    compact: async (r) => { compacted.push(r) }
  }
}

async function runTicks (storage: ReturnType<typeof fakeStorage>, ticks: number): Promise<void> {
  const controller = new AbortController()
  const done = runCompaction(storage, 5, controller.signal, pino({ level: 'silent' }))
  while ((storage as unknown as { compacted: number[] }).compacted.length < ticks) await new Promise((r) => setTimeout(r, 5))
  controller.abort()
  await done
}

describe('runCompaction', () => {
  it('compacts to the revision seen one interval earlier', async () => {
    const storage = fakeStorage([10, 25, 40, 41])
    await runTicks(storage, 3)
    expect(storage.compacted.slice(0, 3)).toEqual([10, 25, 40])
  })

  it('keeps going after etcd fails a tick', async () => {
    const storage = fakeStorage([10, 0, 30, 50], 1)
    await runTicks(storage, 2)
    expect(storage.compacted.slice(0, 2)).toEqual([10, 30])
  })

  it('never compacts the same revision twice', async () => {
    const storage = fakeStorage([7, 7, 7, 9, 12])
    await runTicks(storage, 2)
    expect(storage.compacted.slice(0, 2)).toEqual([7, 9])
  })

  it('does nothing when the interval is 0', async () => {
    const storage = fakeStorage([1, 2])
    await runCompaction(storage, 0, new AbortController().signal, pino({ level: 'silent' }))
    expect(storage.compacted).toEqual([])
  })
})
