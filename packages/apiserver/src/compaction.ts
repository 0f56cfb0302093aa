import type { Logger } from 'pino'
import { abortableSleep } from './abortable-sleep.js'
import type { Storage } from './storage/storage.js'

/**
 * Periodic etcd compaction, as upstream's compactor: each tick compacts to the revision observed at the previous
 * tick, so history one interval deep stays available to watches resuming from a recent resourceVersion.
 * Failures (etcd down) are logged and retried next tick. Resolves when `signal` aborts.
 */
export async function runCompaction (storage: Pick<Storage, 'currentRevision' | 'compact'>, intervalMs: number, signal: AbortSignal, logger: Logger): Promise<void> {
  if (intervalMs <= 0) return
  let previous = 0
  let compacted = 0
  while (!signal.aborted) {
    await abortableSleep(intervalMs, signal)
    if (signal.aborted) return
    try {
      const current = await storage.currentRevision()
      if (previous > compacted) {
        await storage.compact(previous)
        compacted = previous
        logger.info({ revision: previous, current }, 'compacted etcd')
      }
      previous = current
    } catch (err) {
      logger.warn({ err }, 'etcd compaction failed; retrying next interval')
    }
  }
}
