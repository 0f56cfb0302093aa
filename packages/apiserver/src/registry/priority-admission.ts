import { ApiError, PREEMPT_LOWER_PRIORITY, schemaForResource, SYSTEM_PRIORITY_CLASSES, type KubeObject, type ResourceSchema } from '@kube-ts/api'
import type { Storage } from '../storage/storage.js'
import { listPrefix, objectKey } from './keys.js'

/**
 * How long a listing of every PriorityClass answers pod creates without a storage read. Class values and policies
 * are immutable, so a cached class only goes stale when it is deleted; a name missing from the listing is always
 * read from storage, so a class created a moment ago is found at once.
 */
const SNAPSHOT_TTL_MS = 1000

export interface PriorityClassInfo {
  name: string
  value: number
  globalDefault: boolean
  preemptionPolicy?: string
}

interface Snapshot { classes: Map<string, PriorityClassInfo>, until: number }

const PRIORITY_CLASSES = requiredSchema('scheduling.k8s.io', 'priorityclasses')

const isPods = (s: ResourceSchema): boolean => s.group === '' && s.plural === 'pods'
const isPriorityClasses = (s: ResourceSchema): boolean => s.group === 'scheduling.k8s.io' && s.plural === 'priorityclasses'

/**
 * Upstream's Priority admission plugin. On pod create it resolves `spec.priorityClassName` (or the global default
 * class) to `spec.priority` and `spec.preemptionPolicy`; on pod update it carries both over from the stored pod so
 * a client that omits them does not trip the immutability check; on PriorityClass writes it allows one globalDefault.
 * Subresource writes are not admitted, as upstream.
 */
export class PriorityAdmission {
  private snapshot: Snapshot | undefined
  private loading: Promise<Snapshot> | undefined
  /** After a PriorityClass write is admitted, listings are not kept until the write has surely landed. */
  private uncachedUntil = 0

  private readonly enabled: boolean
  private readonly now: () => number

  /** `enabled: false` is `--disable-admission-plugins=Priority`: pods keep whatever priority they were sent. */
  constructor (private readonly storage: Storage, private readonly prefix: string, opts: { enabled?: boolean, now?: () => number } = {}) {
    this.enabled = opts.enabled ?? true
    this.now = opts.now ?? Date.now
  }

  /** Mutates `obj` (the request's own copy) before defaulting and validation. */
  async admitCreate (schema: ResourceSchema, obj: KubeObject): Promise<void> {
    if (!this.enabled) return
    if (isPods(schema)) await this.admitPodCreate(schema, obj)
    else if (isPriorityClasses(schema)) await this.checkSingleDefault(schema, obj)
  }

  async admitUpdate (schema: ResourceSchema, obj: KubeObject, old: KubeObject, subresource: string | undefined): Promise<void> {
    if (!this.enabled || (subresource !== undefined && subresource !== '')) return
    if (isPods(schema)) carryOverPriority(obj, old)
    else if (isPriorityClasses(schema)) await this.checkSingleDefault(schema, obj)
  }

  /** The system classes cannot be deleted one by one (upstream's REST.Delete); any other delete drops the listing. */
  admitDelete (schema: ResourceSchema, name: string): void {
    if (!isPriorityClasses(schema)) return
    // upstream's REST.Delete guard is storage, not admission: it holds with Priority disabled
    if (SYSTEM_PRIORITY_CLASSES.some((c) => c.name === name)) {
      throw errAdmissionForbidden(schema, { metadata: { name } }, 'this is a system priority class and cannot be deleted')
    }
    this.forgetListing()
  }

  private forgetListing (): void {
    this.snapshot = undefined
    this.uncachedUntil = this.now() + SNAPSHOT_TTL_MS
  }

  private async admitPodCreate (schema: ResourceSchema, pod: KubeObject): Promise<void> {
    // a missing or mistyped spec is left for validation to report
    if (!isRecord(pod.spec)) return
    const spec = pod.spec
    const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : ''
    let resolved: { value: number, preemptionPolicy?: string }
    if (className === '') {
      const dpc = defaultClass((await this.classes()).values())
      if (dpc !== undefined) spec.priorityClassName = dpc.name
      resolved = dpc !== undefined ? dpc : { value: 0, preemptionPolicy: PREEMPT_LOWER_PRIORITY }
    } else {
      const pc = await this.lookup(className)
      if (pc === undefined) throw errAdmissionForbidden(schema, pod, `no PriorityClass with name ${className} was found`)
      resolved = pc
    }
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== resolved.value) {
      throw errAdmissionForbidden(schema, pod, `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`)
    }
    spec.priority = resolved.value
    if (resolved.preemptionPolicy === undefined) return
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && spec.preemptionPolicy !== resolved.preemptionPolicy) {
      throw errAdmissionForbidden(schema, pod, `the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`)
    }
    spec.preemptionPolicy = resolved.preemptionPolicy
  }

  /** Only one class may be the global default; this is a rare write, so it reads storage rather than the snapshot. */
  private async checkSingleDefault (schema: ResourceSchema, pc: KubeObject): Promise<void> {
    this.forgetListing()
    if (pc.globalDefault !== true) return
    const dpc = defaultClass((await this.load()).classes.values())
    if (dpc !== undefined && dpc.name !== pc.metadata?.name) {
      throw errAdmissionForbidden(schema, pc, `PriorityClass ${dpc.name} is already marked as default. Only one default can exist`)
    }
  }

  private async lookup (name: string): Promise<PriorityClassInfo | undefined> {
    const classes = await this.classes()
    const hit = classes.get(name)
    if (hit !== undefined) return hit
    const obj = await this.storage.get(objectKey(this.prefix, PRIORITY_CLASSES, '', name))
    if (obj === undefined) return undefined
    const info = toInfo(obj)
    classes.set(name, info)
    return info
  }

  private async classes (): Promise<Map<string, PriorityClassInfo>> {
    const snap = this.fresh() ?? await this.load()
    return snap.classes
  }

  private fresh (): Snapshot | undefined {
    const s = this.snapshot
    return s !== undefined && s.until > this.now() ? s : undefined
  }

  /** One listing at a time: concurrent pod creates share it. */
  private async load (): Promise<Snapshot> {
    this.loading ??= (async () => {
      try {
        const res = await this.storage.list(listPrefix(this.prefix, PRIORITY_CLASSES, ''), {})
        const snap = { classes: new Map(res.items.map((o) => [o.metadata.name ?? '', toInfo(o)])), until: this.now() + SNAPSHOT_TTL_MS }
        if (this.now() >= this.uncachedUntil) this.snapshot = snap
        return snap
      } finally {
        this.loading = undefined
      }
    })()
    return await this.loading
  }
}

/** Upstream picks the lowest value when a race left several classes marked globalDefault. */
export function defaultClass (classes: Iterable<PriorityClassInfo>): PriorityClassInfo | undefined {
  let best: PriorityClassInfo | undefined
  for (const c of classes) if (c.globalDefault && (best === undefined || c.value < best.value)) best = c
  return best
}

/** Update keeps what create resolved when the client leaves it out (validation refuses any real change). */
export function carryOverPriority (pod: KubeObject, old: KubeObject): void {
  if (!isRecord(pod.spec) || !isRecord(old.spec)) return
  for (const field of ['priority', 'preemptionPolicy']) {
    if ((pod.spec[field] === undefined || pod.spec[field] === null) && old.spec[field] !== undefined) pod.spec[field] = old.spec[field]
  }
}

function toInfo (obj: KubeObject): PriorityClassInfo {
  return {
    name: obj.metadata.name ?? '',
    value: typeof obj.value === 'number' ? obj.value : 0,
    globalDefault: obj.globalDefault === true,
    ...(typeof obj.preemptionPolicy === 'string' ? { preemptionPolicy: obj.preemptionPolicy } : {})
  }
}

function requiredSchema (group: string, resource: string): ResourceSchema {
  const s = schemaForResource(group, 'v1', resource)
  if (s === undefined) throw new Error(`no schema for ${group}/v1 ${resource}`)
  return s
}

function isRecord (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Upstream admission.NewForbidden: names the object as the request does, or by its generateName before a name is
 * generated (`pods "web-" is forbidden: ...`).
 */
export function errAdmissionForbidden (schema: ResourceSchema, obj: KubeObject, why: string): ApiError {
  const resource = schema.group === '' ? schema.plural : `${schema.plural}.${schema.group}`
  const name = nonEmpty(obj.metadata?.name) ?? nonEmpty(obj.metadata?.generateName) ?? 'Unknown'
  const details = { name, kind: schema.plural, ...(schema.group !== '' ? { group: schema.group } : {}) }
  return new ApiError(403, 'Forbidden', `${resource} "${name}" is forbidden: ${why}`, details)
}

const nonEmpty = (s: string | undefined): string | undefined => s !== undefined && s !== '' ? s : undefined
