import http from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { collectDefaultMetrics } from 'prom-client'
import { allSchemas, isAlreadyExists, isNotFound, PREEMPT_LOWER_PRIORITY, schemaForResource, SYSTEM_PRIORITY_CLASSES } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { createApp } from './app.js'
import { createApiMetrics, instrumentStorage } from './metrics.js'
import { runCompaction } from './compaction.js'
import { runStorageObjectsMetric } from './storage-objects.js'
import { defaultPatchEngines } from './http/patch-engines.js'
import { EtcdStorage } from './storage/etcd-storage.js'
import { ConvertingStore } from './registry/converting-store.js'
import { GenericRegistry } from './registry/generic-registry.js'
import { formatIpv4, parseIpv4Cidr } from './registry/service/ipv4-range.js'
import type { RestStore } from './registry/rest.js'
import type { Options } from './options.js'
import { findUnknownFields } from './openapi/index.js'
import type { UnknownFieldFinder } from './http/field-validation.js'
import { setUpServiceAccountTokens } from './serviceaccount/setup.js'

export interface RunContext {
  signal: AbortSignal
  logger: Logger
  /** Called once the port is bound (tests pass `--secure-port 0` and learn the port here). */
  onListening?: (address: AddressInfo) => void
}

/**
 * Runs the apiserver until `signal` aborts: etcd storage (instrumented), the generic registry, the HTTP app on
 * bind-address:secure-port, default objects and periodic compaction in the background. An unreachable etcd never
 * stops startup: requests fail with 5xx and /readyz reports it until etcd answers.
 */
export async function run (options: Options, ctx: RunContext): Promise<void> {
  const { signal, logger } = ctx
  // first, so a bad key file fails startup before anything connects
  const serviceAccounts = await setUpServiceAccountTokens(options, logger.child({ logger: 'serviceaccount' }))
  const metrics = createApiMetrics()
  collectDefaultMetrics({ register: metrics.registry })
  const etcd = new EtcdStorage({ endpoints: options.etcdServers, prefix: options.etcdPrefix, logger: logger.child({ logger: 'storage' }) })
  const storage = instrumentStorage(etcd, metrics, options.etcdPrefix)
  const registry = new GenericRegistry({ storage, prefix: options.etcdPrefix, serviceClusterIPRange: options.serviceClusterIpRange, nodePortRange: options.serviceNodePortRange, disabledAdmissionPlugins: options.disabledAdmissionPlugins })
  let bootstrapped = false
  const app = createApp({
    store: new ConvertingStore(registry),
    bootstrapped: () => bootstrapped,
    unknownFields: unknownFieldFinder(logger),
    schemas: allSchemas(),
    healthy: async () => await storage.healthy(),
    patch: defaultPatchEngines(),
    logger: logger.child({ logger: 'http' }),
    metrics,
    ...(serviceAccounts.tokens !== undefined ? { serviceAccountTokens: serviceAccounts.tokens, serviceAccountDiscovery: serviceAccounts.discovery } : {}),
    limits: { maxRequestsInflight: options.maxRequestsInflight, maxMutatingRequestsInflight: options.maxMutatingRequestsInflight, requestTimeoutMs: options.requestTimeoutMs }
  })
  const server = http.createServer(app)
  // Go clients keep idle connections for 90 s; closing them after Node's default 5 s makes client-go race reused
  // connections against our close. headersTimeout must stay above keepAliveTimeout.
  server.keepAliveTimeout = 90_000
  server.headersTimeout = 95_000
  server.listen(options.securePort, options.bindAddress)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', reject)
    })
  } catch (err) {
    // e.g. the port is taken: release the etcd client so the process can exit with the error
    await storage.close()
    throw err
  }
  server.on('error', (err) => logger.error({ err }, 'http server error'))
  const address = server.address() as AddressInfo
  logger.info({ address: address.address, port: address.port, etcd: options.etcdServers, prefix: options.etcdPrefix }, 'serving plain HTTP')
  ctx.onListening?.(address)

  const background = [
    ensureDefaultObjects(registry, options, address.port, signal, logger).then(() => { bootstrapped = !signal.aborted }),
    runCompaction(storage, options.etcdCompactionIntervalMs, signal, logger.child({ logger: 'compactor' })),
    runStorageObjectsMetric({ storage, schemas: allSchemas(), prefix: options.etcdPrefix, gauge: metrics.storageObjects, logger }, options.etcdCountMetricPollPeriodMs, signal)
  ]
  if (!signal.aborted) await once(signal, 'abort').catch(() => undefined)
  logger.info('shutting down')
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // watches never end on their own; cut every connection so close() can finish
  server.closeAllConnections()
  await closed
  await Promise.allSettled(background)
  // the registry's watch cache holds storage watches of its own
  await registry.close()
  await storage.close()
  logger.info('stopped')
}

/**
 * The OpenAPI-derived unknown-field finder, probed once: if its type definitions cannot load, the server runs
 * without field validation (logged) rather than failing every write with 500.
 */
function unknownFieldFinder (logger: Logger): UnknownFieldFinder | undefined {
  try {
    findUnknownFields('', 'v1', 'ConfigMap', { metadata: {} })
    return findUnknownFields
  } catch (err) {
    logger.error({ err }, 'server-side field validation is unavailable: OpenAPI type definitions did not load')
    return undefined
  }
}

const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease']

function schemaOf (resource: string, group = ''): ResourceSchema {
  const s = schemaForResource(group, 'v1', resource)
  if (s === undefined) throw new Error(`no schema for ${group}/v1 ${resource}`)
  return s
}

/** Reads first: a create of an existing Service would fail on its IP reservation before AlreadyExists. */
async function createIfMissing (store: RestStore, schema: ResourceSchema, namespace: string, obj: KubeObject): Promise<void> {
  const scope = { schema, namespace }
  try {
    await store.get(scope, obj.metadata.name ?? '')
    return
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  try {
    await store.create(scope, obj, { dryRun: false, fieldManager: 'kube-apiserver' })
  } catch (err) {
    if (!isAlreadyExists(err)) throw err
  }
}

/**
 * Upstream's bootstrap controllers: the system namespaces and the `kubernetes` Service (first IP of the service
 * range, port 443 to this server's port). Retried with backoff until etcd is reachable or shutdown begins.
 */
export async function ensureDefaultObjects (store: RestStore, options: Options, port: number, signal: AbortSignal, logger: Logger): Promise<void> {
  const range = parseIpv4Cidr(options.serviceClusterIpRange)
  const clusterIP = formatIpv4(range.base + 1)
  let delayMs = 500
  while (!signal.aborted) {
    try {
      for (const name of defaultNamespaces) {
        await createIfMissing(store, schemaOf('namespaces'), '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
      }
      for (const { name, value, description } of SYSTEM_PRIORITY_CLASSES) {
        await createIfMissing(store, schemaOf('priorityclasses', 'scheduling.k8s.io'), '', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description, preemptionPolicy: PREEMPT_LOWER_PRIORITY })
      }
      await createIfMissing(store, schemaOf('services'), 'default', {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
        spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], sessionAffinity: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }] }
      })
      logger.info({ namespaces: defaultNamespaces, clusterIP }, 'default namespaces, system priority classes and the kubernetes service are in place')
      return
    } catch (err) {
      logger.warn({ err, retryInMs: delayMs }, 'could not create default objects yet; retrying')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs)
        signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
      })
      delayMs = Math.min(delayMs * 2, 10_000)
    }
  }
}
