import { Counter, Gauge, Histogram } from 'prom-client'
import type { Registry } from 'prom-client'

/** Hooks a WorkQueue reports through; `prometheusWorkQueueMetrics` implements them with upstream metric names. */
export interface WorkQueueMetrics {
  added: () => void
  depth: (n: number) => void
  retried: () => void
  /** Seconds a key waited in the queue before `get` handed it out. */
  queued: (seconds: number) => void
  /** Seconds between `get` and `done`. */
  worked: (seconds: number) => void
}

export const noopWorkQueueMetrics: WorkQueueMetrics = { added: () => {}, depth: () => {}, retried: () => {}, queued: () => {}, worked: () => {} }

const buckets = [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]

function metric<M> (registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make()
}

/** `workqueue_depth`, `workqueue_adds_total`, `workqueue_retries_total`, `workqueue_{queue,work}_duration_seconds`, labelled `name`. */
export function prometheusWorkQueueMetrics (registry: Registry, name: string): WorkQueueMetrics {
  const registers = [registry]
  const depth = metric(registry, 'workqueue_depth', () => new Gauge({ name: 'workqueue_depth', help: 'Current depth of workqueue', labelNames: ['name'], registers }))
  const adds = metric(registry, 'workqueue_adds_total', () => new Counter({ name: 'workqueue_adds_total', help: 'Total number of adds handled by workqueue', labelNames: ['name'], registers }))
  const retries = metric(registry, 'workqueue_retries_total', () => new Counter({ name: 'workqueue_retries_total', help: 'Total number of retries handled by workqueue', labelNames: ['name'], registers }))
  const queue = metric(registry, 'workqueue_queue_duration_seconds', () => new Histogram({ name: 'workqueue_queue_duration_seconds', help: 'How long in seconds an item stays in workqueue before being requested.', labelNames: ['name'], buckets, registers }))
  const work = metric(registry, 'workqueue_work_duration_seconds', () => new Histogram({ name: 'workqueue_work_duration_seconds', help: 'How long in seconds processing an item from workqueue takes.', labelNames: ['name'], buckets, registers }))
  return {
    added: () => adds.inc({ name }),
    depth: (n) => depth.set({ name }, n),
    retried: () => retries.inc({ name }),
    queued: (s) => queue.observe({ name }, s),
    worked: (s) => work.observe({ name }, s)
  }
}
