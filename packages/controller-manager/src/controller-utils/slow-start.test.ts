import { slowStartBatch } from './slow-start.js'

describe('slowStartBatch', () => {
  it.each([
    { name: 'runs everything in doubling batches when nothing fails', count: 10, failAt: -1, wantCalls: 10, wantOk: 10, batches: [1, 2, 4, 3] },
    { name: 'stops after the batch holding the first failure', count: 10, failAt: 4, wantCalls: 7, wantOk: 6, batches: [1, 2, 4] },
    { name: 'a failure in the first batch makes only one call', count: 10, failAt: 0, wantCalls: 1, wantOk: 0, batches: [1] },
    { name: 'zero work makes no calls', count: 0, failAt: -1, wantCalls: 0, wantOk: 0, batches: [] }
  ])('$name', async ({ count, failAt, wantCalls, wantOk, batches }) => {
    let calls = 0
    let open = false
    const seen: number[] = []
    const res = await slowStartBatch(count, 1, async (i) => {
      calls++
      // every call of one batch starts in the same synchronous turn; a microtask closes the batch
      if (!open) { open = true; seen.push(0); queueMicrotask(() => { open = false }) }
      seen[seen.length - 1] = (seen[seen.length - 1] ?? 0) + 1
      await new Promise(resolve => setImmediate(resolve))
      if (i === failAt) throw new Error('boom')
    })
    expect(calls).toBe(wantCalls)
    expect(res.successes).toBe(wantOk)
    expect(res.error === undefined).toBe(failAt < 0)
    expect(seen).toEqual(batches)
  })
})
