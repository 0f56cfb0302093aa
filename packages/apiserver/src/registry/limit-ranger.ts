import { Quantity, schemaForResource, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { NamespaceListing } from './namespace-listing.js'
import { errAdmissionForbidden } from './priority-admission.js'
import { asObj, isObj, objects, podTotal, quantity } from './pod-resources.js'

type Obj = Record<string, unknown>

const asRecord = (m: Map<string, Quantity>): Obj => Object.fromEntries([...m].map(([k, q]) => [k, q.toString()]))

const ANNOTATION = 'kubernetes.io/limit-ranger'

const LIMIT_RANGES = schemaForResource('', 'v1', 'limitranges')
const isPods = (s: ResourceSchema): boolean => s.group === '' && s.plural === 'pods'

/**
 * Upstream's LimitRanger admission plugin for pods: on create, every LimitRange of the namespace fills the
 * containers' missing requests and limits from its Container defaults (noting what it set in the
 * `kubernetes.io/limit-ranger` annotation), then the pod must keep within each item's min, max and
 * maxLimitRequestRatio, per Container and per Pod (403 otherwise). Pod updates and subresources are not admitted.
 */
export class LimitRanger {
  private readonly ranges: NamespaceListing
  private readonly enabled: boolean

  constructor (storage: Storage, prefix: string, opts: { enabled?: boolean, now?: () => number } = {}) {
    this.enabled = opts.enabled ?? true
    this.ranges = new NamespaceListing(storage, prefix, LIMIT_RANGES, opts.now ?? Date.now)
  }

  /** Mutates and checks `obj` (the request's own copy, not yet defaulted) for a create in `namespace`. */
  async admitCreate (schema: ResourceSchema, namespace: string, obj: KubeObject): Promise<void> {
    if (!this.enabled || !isPods(schema) || !isObj(obj.spec)) return
    const ranges = await this.ranges.items(namespace)
    if (ranges.length === 0) return
    const spec = obj.spec
    // decoding defaults requests to limits before admission sees the pod (SetDefaults_Pod)
    for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
      const res = asObj(c.resources)
      if (!isObj(res.limits)) continue
      const requests = isObj(res.requests) ? res.requests : (res.requests = {})
      for (const [k, v] of Object.entries(res.limits)) if (requests[k] === undefined) requests[k] = v
    }
    for (const lr of ranges) applyDefaults(obj, spec, lr)
    const errors = ranges.flatMap((lr) => violations(spec, lr))
    const unique = [...new Set(errors)]
    if (unique.length > 0) throw errAdmissionForbidden(schema, obj, unique.length === 1 ? unique[0] ?? '' : `[${unique.join(', ')}]`)
  }

  /** A LimitRange write makes its namespace's listing stale. */
  noteWrite (schema: ResourceSchema, namespace: string): void {
    this.ranges.noteWrite(schema, namespace)
  }
}

function containerItems (lr: KubeObject): Obj[] {
  return objects(asObj(lr.spec).limits).filter((l) => l.type === 'Container')
}

/** One LimitRange's Container defaults merged into each container, as upstream's mergePodResourceRequirements. */
function applyDefaults (pod: KubeObject, spec: Obj, lr: KubeObject): void {
  const limits: Obj = {}
  const requests: Obj = {}
  for (const item of containerItems(lr)) {
    Object.assign(requests, asObj(item.defaultRequest))
    Object.assign(limits, asObj(item.default))
  }
  if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) return
  const notes: string[] = []
  const merge = (c: Obj, prefix: string): void => {
    const res = isObj(c.resources) ? c.resources : (c.resources = {})
    const set = (field: 'limits' | 'requests', defaults: Obj): string[] => {
      const names: string[] = []
      for (const [k, v] of Object.entries(defaults)) {
        const target = isObj(res[field]) ? res[field] : (res[field] = {})
        if (target[k] !== undefined) continue
        target[k] = v
        names.push(k)
      }
      return names.sort()
    }
    const setLimits = set('limits', limits)
    const setRequests = set('requests', requests)
    const name = typeof c.name === 'string' ? c.name : ''
    if (setRequests.length > 0) notes.push(`${setRequests.join(', ')} request for ${prefix} ${name}`)
    if (setLimits.length > 0) notes.push(`${setLimits.join(', ')} limit for ${prefix} ${name}`)
  }
  for (const c of objects(spec.containers)) merge(c, 'container')
  for (const c of objects(spec.initContainers)) merge(c, 'init container')
  if (notes.length === 0) return
  pod.metadata ??= {}
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` }
}

/** One item's min / max / maxLimitRequestRatio checks of one requests+limits pair (upstream's wording). */
function check (limitType: string, item: Obj, requests: Obj, limits: Obj): string[] {
  const errs: string[] = []
  for (const [k, v] of Object.entries(asObj(item.min))) {
    const enforced = quantity(v)
    if (enforced === undefined) continue
    const req = quantity(requests[k])
    const lim = quantity(limits[k])
    if (req === undefined) errs.push(`minimum ${k} usage per ${limitType} is ${enforced.toString()}.  No request is specified`)
    else if (req.cmp(enforced) < 0) errs.push(`minimum ${k} usage per ${limitType} is ${enforced.toString()}, but request is ${req.toString()}`)
    else if (lim !== undefined && lim.cmp(enforced) < 0) errs.push(`minimum ${k} usage per ${limitType} is ${enforced.toString()}, but limit is ${lim.toString()}`)
  }
  for (const [k, v] of Object.entries(asObj(item.max))) {
    const enforced = quantity(v)
    if (enforced === undefined) continue
    const req = quantity(requests[k])
    const lim = quantity(limits[k])
    if (lim === undefined) errs.push(`maximum ${k} usage per ${limitType} is ${enforced.toString()}.  No limit is specified`)
    else if (lim.cmp(enforced) > 0) errs.push(`maximum ${k} usage per ${limitType} is ${enforced.toString()}, but limit is ${lim.toString()}`)
    else if (req !== undefined && req.cmp(enforced) > 0) errs.push(`maximum ${k} usage per ${limitType} is ${enforced.toString()}, but request is ${req.toString()}`)
  }
  for (const [k, v] of Object.entries(asObj(item.maxLimitRequestRatio))) {
    const enforced = quantity(v)
    if (enforced === undefined) continue
    const req = quantity(requests[k])
    const lim = quantity(limits[k])
    if (req === undefined || req.isZero()) errs.push(`${k} max limit to request ratio per ${limitType} is ${enforced.toString()}, but no request is specified or request is 0`)
    else if (lim === undefined || lim.isZero()) errs.push(`${k} max limit to request ratio per ${limitType} is ${enforced.toString()}, but no limit is specified or limit is 0`)
    else {
      const ratio = lim.asApproximateFloat64() / req.asApproximateFloat64()
      if (ratio > enforced.asApproximateFloat64()) errs.push(`${k} max limit to request ratio per ${limitType} is ${enforced.toString()}, but provided ratio is ${ratio.toFixed(6)}`)
    }
  }
  return errs
}

function violations (spec: Obj, lr: KubeObject): string[] {
  const errs: string[] = []
  for (const item of objects(asObj(lr.spec).limits)) {
    if (item.type === 'Container') {
      for (const c of [...objects(spec.containers), ...objects(spec.initContainers)]) {
        const res = asObj(c.resources)
        errs.push(...check('Container', item, asObj(res.requests), asObj(res.limits)))
      }
    } else if (item.type === 'Pod') {
      errs.push(...check('Pod', item, asRecord(podTotal(spec, 'requests')), asRecord(podTotal(spec, 'limits'))))
    }
  }
  return errs
}
