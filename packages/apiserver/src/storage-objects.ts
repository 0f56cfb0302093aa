import type { Logger } from 'pino'
import type { Gauge } from 'prom-client'
import type { ResourceSchema } from '@kube-ts/api'
import { abortableSleep } from './abortable-sleep.js'
import { listPrefix } from './registry/keys.js'
import type { Storage } from './storage/storage.js'

/** The metric's `resource` label as upstream writes a GroupResource: `pods`, `deployments.apps`. */
export const resourceLabel = (schema: ResourceSchema): string => schema.group === '' ? schema.plural : `${schema.plural}.${schema.group}`

/**
 * Sets apiserver_storage_objects for every resource from a count-only etcd read of its key range; a resource whose
 * count fails reads -1, as upstream. Resources served in several versions are counted once.
 */
export async function updateStorageObjects (storage: Pick<Storage, 'count'>, schemas: ResourceSchema[], prefix: string, gauge: Gauge<string>): Promise<number> {
  const seen = new Set<string>()
  let failed = 0
  for (const schema of schemas) {
    const resource = resourceLabel(schema)
    if (seen.has(resource)) continue
    seen.add(resource)
    try {
      gauge.set({ resource }, await storage.count(listPrefix(prefix, schema, '')))
    } catch {
      gauge.set({ resource }, -1)
      failed++
    }
  }
  return failed
}

/** Polls the counts every `intervalMs` (upstream `--etcd-count-metric-poll-period`; 0 turns it off) until `signal` aborts. */
export async function runStorageObjectsMetric (
  deps: { storage: Pick<Storage, 'count'>, schemas: ResourceSchema[], prefix: string, gauge: Gauge<string>, logger: Logger },
  intervalMs: number,
  signal: AbortSignal
): Promise<void> {
  if (intervalMs <= 0) return
  while (!signal.aborted) {
    const failed = await updateStorageObjects(deps.storage, deps.schemas, deps.prefix, deps.gauge)
    if (failed > 0) deps.logger.warn({ failed }, 'could not count stored objects; apiserver_storage_objects reads -1 for those resources')
    await abortableSleep(intervalMs, signal)
  }
}
