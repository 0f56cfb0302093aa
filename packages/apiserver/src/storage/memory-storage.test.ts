import { MemoryStorage } from './memory-storage.js'
import { registerStorageContract } from './storage-contract.js'

let n = 0

describe('MemoryStorage contract', () => {
  registerStorageContract({
    newStorage: async () => {
      const prefix = `/test-${++n}/registry`
      const storage = new MemoryStorage({ prefix, futureRevisionWaitMs: 300 })
      return { storage, prefix, close: async () => { await storage.close() } }
    }
  })
})

describe('MemoryStorage', () => {
  it('fails calls with 503 after close and ends open watches', async () => {
    const s = new MemoryStorage()
    const it = s.watch('/registry/pods/', 0, new AbortController().signal)[Symbol.asyncIterator]()
    const pending = it.next()
    await s.close()
    expect(await pending).toEqual({ done: true, value: undefined })
    await expect(s.get('/registry/pods/default/a')).rejects.toMatchObject({ code: 503 })
    expect(await s.healthy()).toBe(false)
  })
})
