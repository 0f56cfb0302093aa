import type { Pod } from 'kubernetes-types/core/v1.js'
import { resources } from '@kube-ts/client'
import type { RestClient } from '@kube-ts/client'

/**
 * Watches every pod in a namespace and records, after each event, how many pods exist (not terminating) and
 * how many are Ready: the numbers a rollout must keep within maxSurge and maxUnavailable at every instant.
 */
export class PodWatcher {
  readonly pods = new Map<string, boolean>()
  maxPods = 0
  minReady = Infinity
  /** Only start judging availability once the first rollout has settled. */
  judgeAvailability = false
  private readonly ac = new AbortController()
  private loop: Promise<void> | undefined

  constructor (private readonly client: RestClient, private readonly namespace: string) {}

  async start (): Promise<void> {
    const api = this.client.resource<Pod>(resources.pods)
    const list = await api.list(this.namespace)
    for (const p of list.items) this.record('ADDED', p)
    let rv = list.metadata.resourceVersion ?? ''
    this.loop = (async () => {
      while (!this.ac.signal.aborted) {
        try {
          for await (const ev of api.watch(this.namespace, { resourceVersion: rv, allowWatchBookmarks: true }, this.ac.signal)) {
            if (ev.type === 'ERROR') throw new Error(JSON.stringify(ev.object))
            rv = (ev.object as Pod).metadata?.resourceVersion ?? rv
            if (ev.type !== 'BOOKMARK') this.record(ev.type, ev.object as Pod)
          }
        } catch (err) {
          if (!this.ac.signal.aborted) throw err
        }
      }
    })()
  }

  ready (): number {
    let n = 0
    for (const r of this.pods.values()) if (r) n++
    return n
  }

  async stop (): Promise<void> {
    this.ac.abort()
    await this.loop
  }

  private record (type: string, p: Pod): void {
    const name = p.metadata?.name ?? ''
    if (type === 'DELETED' || p.metadata?.deletionTimestamp != null) this.pods.delete(name)
    else this.pods.set(name, p.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') === true)
    this.maxPods = Math.max(this.maxPods, this.pods.size)
    if (this.judgeAvailability) this.minReady = Math.min(this.minReady, this.ready())
  }
}
