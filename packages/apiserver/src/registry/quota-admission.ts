import { isConflict, Quantity, schemaForResource, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { objectKey } from './keys.js'
import { NamespaceListing } from './namespace-listing.js'
import { errAdmissionForbidden } from './priority-admission.js'
import { asObj, isObj, objects, podTotal, quantity } from './pod-resources.js'

type Usage = Map<string, Quantity>

const RESERVE_ATTEMPTS = 5
const QUOTAS = schemaForResource('', 'v1', 'resourcequotas')

/** Core kinds whose quota also goes by their bare plural (upstream's legacy object-count names). */
const LEGACY_COUNTS = new Set(['pods', 'services', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'resourcequotas'])
const COMPUTE = ['cpu', 'memory', 'ephemeral-storage']
const STORAGE_CLASS_SUFFIX = '.storageclass.storage.k8s.io/'

const isPods = (s: ResourceSchema): boolean => s.group === '' && s.plural === 'pods'
const one = (): Quantity => Quantity.fromValue(1)
const countName = (s: ResourceSchema): string => s.group === '' ? `count/${s.plural}` : `count/${s.plural}.${s.group}`

/** Whether the evaluator for `schema` measures the quota resource `name` (upstream's MatchingResources). */
export function tracks (schema: ResourceSchema, name: string): boolean {
  if (name === countName(schema) || (schema.group === '' && LEGACY_COUNTS.has(schema.plural) && name === schema.plural)) return true
  if (schema.group !== '') return false
  if (schema.plural === 'pods') return COMPUTE.includes(name) || name.startsWith('requests.') || name.startsWith('limits.') || name.startsWith('hugepages-')
  if (schema.plural === 'services') return name === 'services.nodeports' || name === 'services.loadbalancers'
  if (schema.plural === 'persistentvolumeclaims') return name === 'requests.storage' || name.includes(STORAGE_CLASS_SUFFIX)
  return false
}

/** Compute usage of requests and limits (upstream's podComputeUsageHelper). */
function computeUsage (requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map()
  for (const [k, q] of requests) {
    if (COMPUTE.includes(k)) out.set(k, q)
    out.set(`requests.${k}`, q)
    if (k.startsWith('hugepages-')) out.set(k, q)
  }
  for (const [k, q] of limits) out.set(`limits.${k}`, q)
  return out
}

function containerUsage (c: Record<string, unknown>): Usage {
  const res = asObj(c.resources)
  const read = (v: unknown): Usage => new Map(Object.entries(asObj(v)).flatMap(([k, x]) => { const q = quantity(x); return q === undefined ? [] : [[k, q] as const] }))
  return computeUsage(read(res.requests), read(res.limits))
}

/** What creating `obj` adds to a quota's usage (upstream's evaluators: pods, services, claims, object counts). */
export function usageOf (schema: ResourceSchema, obj: KubeObject): Usage {
  const usage: Usage = new Map([[countName(schema), one()]])
  if (schema.group === '' && LEGACY_COUNTS.has(schema.plural)) usage.set(schema.plural, one())
  if (schema.group !== '') return usage
  const spec = asObj(obj.spec)
  if (schema.plural === 'pods') {
    for (const [k, q] of computeUsage(podTotal(spec, 'requests'), podTotal(spec, 'limits'))) usage.set(k, q)
  } else if (schema.plural === 'services') {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') usage.set('services.nodeports', Quantity.fromValue(objects(spec.ports).length))
    if (spec.type === 'LoadBalancer') usage.set('services.loadbalancers', one())
  } else if (schema.plural === 'persistentvolumeclaims') {
    const storage = quantity(asObj(asObj(spec.resources).requests).storage)
    const sc = typeof spec.storageClassName === 'string' && spec.storageClassName !== '' ? spec.storageClassName : undefined
    if (storage !== undefined) usage.set('requests.storage', storage)
    if (sc !== undefined) {
      usage.set(`${sc}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, one())
      if (storage !== undefined) usage.set(`${sc}${STORAGE_CLASS_SUFFIX}requests.storage`, storage)
    }
  }
  return usage
}

/** Quota on cpu or memory makes every container state it (upstream's pod Constraints, kept for compatibility). */
function missingCompute (spec: Record<string, unknown>, required: string[]): string | undefined {
  const validated = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']
  const needed = required.filter((r) => validated.includes(r))
  if (needed.length === 0) return undefined
  const missing = new Map<string, Set<string>>()
  for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) {
    const has = containerUsage(c)
    for (const r of needed) if (!has.has(r)) missing.set(r, (missing.get(r) ?? new Set()).add(typeof c.name === 'string' ? c.name : ''))
  }
  if (missing.size === 0) return undefined
  return `must specify ${[...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`).join('; ')}`
}

function readList (v: unknown): Usage {
  return new Map(Object.entries(asObj(v)).flatMap(([k, x]) => { const q = quantity(x); return q === undefined ? [] : [[k, q] as const] }))
}

const prettyPrint = (names: string[], values: Usage): string => [...names].sort().map((k) => `${k}=${(values.get(k) ?? Quantity.zero()).toString()}`).join(',')

/**
 * Upstream's ResourceQuota admission plugin, for creates: every quota of the namespace whose `status.hard` names a
 * resource the new object consumes must allow it (403 "exceeded quota: ..." otherwise), and the new usage is written
 * to the quota's `status.used` before the object is stored, so concurrent creates cannot overrun it; the quota
 * controller later recounts. Quotas with scopes or a scope selector are not enforced here.
 */
export class QuotaAdmission {
  private readonly quotas: NamespaceListing
  private readonly enabled: boolean

  constructor (private readonly storage: Storage, private readonly prefix: string, opts: { enabled?: boolean, now?: () => number } = {}) {
    this.enabled = opts.enabled ?? true
    this.quotas = new NamespaceListing(storage, prefix, QUOTAS, opts.now ?? Date.now)
  }

  /** Checks and reserves the usage of `obj` (defaulted and validated) about to be created in `namespace`. */
  async admitCreate (schema: ResourceSchema, namespace: string, obj: KubeObject, dryRun: boolean): Promise<void> {
    if (!this.enabled || !schema.namespaced || namespace === '' || QUOTAS === undefined) return
    const names = (await this.quotas.items(namespace)).map((q) => q.metadata.name ?? '')
    if (names.length === 0) return
    const delta = usageOf(schema, obj)
    for (const name of names) {
      const key = objectKey(this.prefix, QUOTAS, namespace, name)
      for (let attempt = 1; ; attempt++) {
        try {
          await this.storage.guaranteedUpdate(key, (current) => current === undefined ? undefined : this.reserve(schema, obj, current, delta), { dryRun })
          break
        } catch (err) {
          if (!isConflict(err) || attempt >= RESERVE_ATTEMPTS) throw err
        }
      }
    }
  }

  /** A quota write makes its namespace's listing stale. */
  noteWrite (schema: ResourceSchema, namespace: string): void {
    this.quotas.noteWrite(schema, namespace)
  }

  /** The quota with this object's usage added, undefined when it does not track the object, or a 403. */
  private reserve (schema: ResourceSchema, obj: KubeObject, quota: KubeObject, delta: Usage): KubeObject | undefined {
    const spec = asObj(quota.spec)
    if ((Array.isArray(spec.scopes) && spec.scopes.length > 0) || isObj(spec.scopeSelector)) return undefined
    const status = asObj(quota.status)
    const hard = readList(status.hard)
    const tracked = [...hard.keys()].filter((k) => tracks(schema, k))
    if (tracked.length === 0) return undefined
    const quotaName = quota.metadata.name ?? ''
    if (isPods(schema)) {
      const missing = missingCompute(asObj(obj.spec), tracked)
      if (missing !== undefined) throw errAdmissionForbidden(schema, obj, `failed quota: ${quotaName}: ${missing}`)
    }
    const used = readList(status.used)
    const unknown = tracked.filter((k) => !used.has(k)).sort()
    if (unknown.length > 0) throw errAdmissionForbidden(schema, obj, `status unknown for quota: ${quotaName}, resources: ${unknown.join(',')}`)
    const requested = tracked.filter((k) => delta.get(k)?.isZero() === false)
    if (requested.length === 0) return undefined
    const next = new Map(used)
    for (const k of requested) next.set(k, (used.get(k) ?? Quantity.zero()).add(delta.get(k) ?? Quantity.zero()))
    const exceeded = requested.filter((k) => (next.get(k) ?? Quantity.zero()).cmp(hard.get(k) ?? Quantity.zero()) > 0)
    if (exceeded.length > 0) {
      throw errAdmissionForbidden(schema, obj, `exceeded quota: ${quotaName}, requested: ${prettyPrint(exceeded, delta)}, used: ${prettyPrint(exceeded, used)}, limited: ${prettyPrint(exceeded, hard)}`)
    }
    const usedOut = { ...asObj(status.used) }
    for (const k of requested) usedOut[k] = (next.get(k) ?? Quantity.zero()).toString()
    return { ...quota, status: { ...status, used: usedOut } }
  }
}
