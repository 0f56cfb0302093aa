import { AsyncQueue } from './async-queue.js'

async function drain<T> (q: AsyncQueue<T>): Promise<{ items: T[], error?: unknown }> {
  const items: T[] = []
  try {
    for await (const x of q) items.push(x)
  } catch (error) {
    return { items, error }
  }
  return { items }
}

describe('AsyncQueue', () => {
  it.each([
    { name: 'delivers pushed items in order and ends on close', limit: 10, pushes: [1, 2, 3], fail: false, want: [1, 2, 3], overflowed: false },
    { name: 'closes itself on overflow after delivering the items it held', limit: 2, pushes: [1, 2, 3, 4], fail: false, want: [1, 2], overflowed: true },
    { name: 'ends with the error after the queued items when failed', limit: 10, pushes: [1], fail: true, want: [1], overflowed: false }
  ])('$name', async ({ limit, pushes, fail, want, overflowed }) => {
    const q = new AsyncQueue<number>(limit)
    for (const p of pushes) q.push(p)
    if (fail) q.fail(new Error('boom'))
    else q.close()
    const out = await drain(q)
    expect(out.items).toEqual(want)
    expect(out.error === undefined).toBe(!fail)
    expect(q.overflowed).toBe(overflowed)
  })

  it('wakes a waiting consumer when an item arrives later', async () => {
    const q = new AsyncQueue<string>()
    const it = q[Symbol.asyncIterator]()
    const next = it.next()
    setTimeout(() => { q.push('late') }, 10)
    expect(await next).toEqual({ done: false, value: 'late' })
  })
})
