import type { KubeObject } from '@kube-ts/api'
import type { Storage, StorageEvent } from '../storage/storage.js'
import { BOOKMARK_DUE, MAX_PENDING_EVENTS, storageFeed } from './event-feed.js'

const ev = (revision: number): StorageEvent => ({ type: 'ADDED', revision, object: { metadata: { name: `o${revision}` } } as KubeObject })

/** A storage whose watch yields `events` at once, then fails with `failure` or waits for the abort. */
function storageOf (events: StorageEvent[], failure?: Error): Storage {
  return {
    async * watch (_prefix: string, _from: number, signal: AbortSignal) {
      yield * events
      if (failure !== undefined) throw failure
      await new Promise<void>(resolve => { signal.addEventListener('abort', () => { resolve() }, { once: true }) })
    }
  } as unknown as Storage
}

async function drain (feed: ReturnType<typeof storageFeed>): Promise<{ items: StorageEvent[], error?: Error }> {
  const items: StorageEvent[] = []
  try {
    for await (const e of feed.events) items.push(e)
  } catch (err) {
    return { items, error: err as Error }
  }
  return { items }
}

describe('storageFeed', () => {
  const cases: Array<{ name: string, events: number, failure?: Error, abort: boolean, want: number, error?: string }> = [
    { name: 'hands out the storage events in order and ends when the watch is aborted', events: 3, abort: true, want: 3 },
    { name: 'ends with the storage error after the events before it', events: 2, failure: new Error('etcd went away'), abort: false, want: 2, error: 'etcd went away' },
    { name: 'cuts a consumer off after the pending limit when it does not keep up', events: MAX_PENDING_EVENTS + 5, abort: false, want: MAX_PENDING_EVENTS }
  ]
  it.each(cases)('$name', async ({ events, failure, abort, want, error }) => {
    const ctl = new AbortController()
    const feed = storageFeed(storageOf(Array.from({ length: events }, (_, i) => ev(i + 1)), failure), '/registry/x/', 0, ctl.signal)
    await new Promise(resolve => setImmediate(resolve))
    if (abort) ctl.abort()
    const got = await drain(feed)
    expect(got.items.map(e => e.revision)).toEqual(Array.from({ length: want }, (_, i) => i + 1))
    expect(got.error?.message).toBe(error)
    expect(feed.progress()).toBeUndefined()
    ctl.abort()
  })

  it('queues a due bookmark behind the events already pending', async () => {
    const ctl = new AbortController()
    const feed = storageFeed(storageOf([ev(1), ev(2)]), '/registry/x/', 0, ctl.signal)
    await new Promise(resolve => setImmediate(resolve))
    feed.bookmarkDue()
    ctl.abort()
    expect((await drain(feed)).items).toEqual([ev(1), ev(2), BOOKMARK_DUE])
  })
})
