import type { Pod } from 'kubernetes-types/core/v1.js'
import { EventRecorder } from '@kube-ts/client'
import type { EventRecorderOptions, Logger } from '@kube-ts/client'

/**
 * Scheduler events through several EventRecorders, each involved object always on the same one (so aggregation
 * still works), because one recorder writes serially and a busy scheduler records hundreds of events a second.
 * Like upstream's broadcaster, events beyond `maxPending` are dropped rather than queued without bound.
 */
export class SchedulerEventSink {
  private readonly recorders: EventRecorder[]
  private pending = 0
  private dropped = 0

  constructor (opts: EventRecorderOptions, private readonly log: Logger, shards = 8, private readonly maxPending = 1000) {
    this.recorders = Array.from({ length: shards }, () => new EventRecorder(opts))
  }

  record (pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (this.pending >= this.maxPending) {
      if (this.dropped++ % 1000 === 0) this.log.warn({ dropped: this.dropped }, 'event queue full, dropping events')
      return
    }
    const r = this.recorders[shardOf(`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, this.recorders.length)] as EventRecorder
    this.pending++
    if (type === 'Normal') r.normal(pod, reason, message)
    else r.warning(pod, reason, message)
    void r.flush().then(() => { this.pending = Math.max(0, this.pending - 1) })
  }

  /** Waits for queued events, at most `timeoutMs` (shutdown must not hang on a slow apiserver). */
  async flush (timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.all(this.recorders.map(async r => await r.flush())),
      new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs) })
    ])
    clearTimeout(timer)
  }
}

function shardOf (key: string, n: number): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0
  return Math.abs(h) % n
}
