import { collectDefaultMetrics, Registry } from 'prom-client'

/**
 * A fresh registry per daemon (never prom-client's global one, so embedded daemons and tests don't collide),
 * pre-filled with Node's process metrics (`process_cpu_seconds_total`, `process_resident_memory_bytes`, ...).
 */
export function createMetricsRegistry (opts: { prefix?: string, labels?: Record<string, string> } = {}): Registry {
  const registry = new Registry()
  if (opts.labels !== undefined) registry.setDefaultLabels(opts.labels)
  collectDefaultMetrics({ register: registry, prefix: opts.prefix ?? '' })
  return registry
}
