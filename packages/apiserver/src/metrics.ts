import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { KubeObject } from '@kube-ts/api'
import type { Storage } from './storage/storage.js'

/** The apiserver's Prometheus metrics, named and labelled as upstream's so existing dashboards read them. */
export interface ApiMetrics {
  registry: Registry
  requestTotal: Counter<string>
  requestDuration: Histogram<string>
  longRunning: Gauge<string>
  inflight: Gauge<string>
  etcdDuration: Histogram<string>
  storageObjects: Gauge<string>
}

const requestLabels = ['verb', 'group', 'version', 'resource', 'subresource', 'scope', 'component'] as const
/** Request counts and latencies also carry `dry_run` (upstream: the request's dryRun values, "" for a real write). */
const servedLabels = ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'] as const

export function createApiMetrics (registry = new Registry()): ApiMetrics {
  return {
    registry,
    requestTotal: new Counter({
      name: 'apiserver_request_total',
      help: 'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
      labelNames: [...servedLabels, 'code'],
      registers: [registry]
    }),
    requestDuration: new Histogram({
      name: 'apiserver_request_duration_seconds',
      help: 'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
      labelNames: [...servedLabels],
      buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
      registers: [registry]
    }),
    longRunning: new Gauge({
      name: 'apiserver_longrunning_requests',
      help: 'Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component.',
      labelNames: [...requestLabels],
      registers: [registry]
    }),
    inflight: new Gauge({
      name: 'apiserver_current_inflight_requests',
      help: 'Maximal number of currently used inflight request limit of this apiserver per request kind in last second.',
      labelNames: ['request_kind'],
      registers: [registry]
    }),
    etcdDuration: new Histogram({
      name: 'etcd_request_duration_seconds',
      help: 'Etcd request latency in seconds for each operation and object type.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
      registers: [registry]
    }),
    storageObjects: new Gauge({
      name: 'apiserver_storage_objects',
      help: 'Number of stored objects at the time of last check split by kind. In case of a fetching error, the value will be -1.',
      labelNames: ['resource'],
      registers: [registry]
    })
  }
}

/** The object type of a key: the first segment after the storage prefix (`/registry/pods/ns/x` -> `pods`). */
export function keyType (prefix: string, key: string): string {
  const p = prefix.endsWith('/') ? prefix : `${prefix}/`
  const rest = key.startsWith(p) ? key.slice(p.length) : key.replace(/^\/+/, '')
  return rest.split('/')[0] ?? ''
}

/**
 * Wraps a Storage so every etcd round trip is timed into `etcd_request_duration_seconds{operation,type}`.
 * A decorator keeps the storage implementation free of metrics concerns.
 */
export function instrumentStorage (inner: Storage, metrics: ApiMetrics, prefix: string): Storage {
  async function timed<T> (operation: string, key: string, fn: () => Promise<T>): Promise<T> {
    const end = metrics.etcdDuration.startTimer({ operation, type: keyType(prefix, key) })
    try {
      return await fn()
    } finally {
      end()
    }
  }
  return {
    create: async (key: string, obj: KubeObject, opts?: { dryRun?: boolean }) => await timed('create', key, async () => await inner.create(key, obj, opts)),
    get: async (key) => await timed('get', key, async () => await inner.get(key)),
    list: async (prefixKey, opts) => await timed('list', prefixKey, async () => await inner.list(prefixKey, opts)),
    guaranteedUpdate: async (key, tryUpdate, opts) => await timed('update', key, async () => await inner.guaranteedUpdate(key, tryUpdate, opts)),
    delete: async (key, opts) => await timed('delete', key, async () => await inner.delete(key, opts)),
    // a watch is long-running; its lifetime is not an etcd latency, so it is not timed
    watch: (prefixKey, fromRevision, signal) => inner.watch(prefixKey, fromRevision, signal),
    count: async (prefixKey) => await timed('count', prefixKey, async () => await inner.count(prefixKey)),
    currentRevision: async () => await timed('currentRevision', '', async () => await inner.currentRevision()),
    compact: async (revision) => await timed('compact', '', async () => await inner.compact(revision)),
    healthy: async () => await inner.healthy(),
    close: async () => await inner.close()
  }
}
