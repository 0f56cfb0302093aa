import type { KubeList } from '@kube-ts/api'
import type { ListerWatcher } from '../informer.js'
import type { ListOptions, WatchOptions } from '../resource-client.js'
import type { WatchEvent } from '../watch-reader.js'

/** A watch stream the test pushes events (or a failure) into. */
export class FakeWatch<T> {
  private queue: Array<WatchEvent<T> | Error | 'end'> = []
  private wake: (() => void) | undefined
  push (item: WatchEvent<T> | Error | 'end'): void { this.queue.push(item); this.wake?.() }

  async * events (signal?: AbortSignal): AsyncGenerator<WatchEvent<T>> {
    for (;;) {
      if (signal?.aborted === true) return
      const next = this.queue.shift()
      if (next === undefined) {
        await new Promise<void>(resolve => { this.wake = resolve; signal?.addEventListener('abort', () => resolve(), { once: true }) })
        continue
      }
      if (next === 'end') return
      if (next instanceof Error) throw next
      yield next
    }
  }
}

/** Scripted list answers and watch streams; records every call. */
export class FakeListWatch<T> implements ListerWatcher<T> {
  lists: Array<() => KubeList<T>> = []
  watches: Array<FakeWatch<T>> = []
  listCalls: ListOptions[] = []
  watchCalls: WatchOptions[] = []

  async list (_ns: string, opts: ListOptions): Promise<KubeList<T>> {
    const { signal, ...rest } = opts
    void signal
    this.listCalls.push(rest)
    const next = this.lists.shift()
    if (next === undefined) throw new Error('unexpected list')
    return next()
  }

  watch (_ns: string, opts: WatchOptions, signal?: AbortSignal): AsyncIterable<WatchEvent<T>> {
    this.watchCalls.push(opts)
    const w = new FakeWatch<T>()
    this.watches.push(w)
    return w.events(signal)
  }
}

export function list<T> (items: T[], resourceVersion: string, cont?: string): KubeList<T> {
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion, continue: cont }, items }
}
