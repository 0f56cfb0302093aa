import { errBadRequest, errConflict, errInvalid } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { isPlainObject } from './decode.js'

/** autoscaling/v1 Scale, the view `/scale` gives of a workload's replica count. */
export interface Scale {
  kind: 'Scale'
  apiVersion: 'autoscaling/v1'
  metadata: Record<string, unknown>
  spec: { replicas: number }
  status: { replicas: number, selector?: string }
}

interface Requirement { key: string, operator: string, values?: string[] }

/** A LabelSelector as its canonical string form (upstream `LabelSelectorAsSelector(...).String()`): keys sorted. */
export function labelSelectorString (selector: unknown, plainMap: boolean): string {
  if (!isPlainObject(selector)) return ''
  const parts: Array<{ key: string, text: string }> = []
  const labels = plainMap ? selector : (isPlainObject(selector.matchLabels) ? selector.matchLabels : {})
  for (const [k, v] of Object.entries(labels)) parts.push({ key: k, text: `${k}=${String(v)}` })
  const exprs = plainMap || !Array.isArray(selector.matchExpressions) ? [] : selector.matchExpressions as Requirement[]
  for (const e of exprs) {
    const values = [...(e.values ?? [])].sort().join(',')
    const text = e.operator === 'In' ? `${e.key} in (${values})`
      : e.operator === 'NotIn' ? `${e.key} notin (${values})`
        : e.operator === 'Exists' ? e.key
          : e.operator === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${e.operator} (${values})`
    parts.push({ key: e.key, text })
  }
  parts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return parts.map((p) => p.text).join(',')
}

function numberAt (obj: unknown, key: string): number {
  const v = isPlainObject(obj) ? obj[key] : undefined
  return typeof v === 'number' ? v : 0
}

/** The Scale of a deployment, replicaset, statefulset or replicationcontroller. */
export function toScale (schema: ResourceSchema, obj: KubeObject): Scale {
  const m = obj.metadata
  const metadata: Record<string, unknown> = { name: m.name }
  if (m.namespace !== undefined) metadata.namespace = m.namespace
  if (m.uid !== undefined) metadata.uid = m.uid
  if (m.resourceVersion !== undefined) metadata.resourceVersion = m.resourceVersion
  if (m.creationTimestamp !== undefined) metadata.creationTimestamp = m.creationTimestamp
  const spec = obj.spec as Record<string, unknown> | undefined
  const selector = labelSelectorString(spec?.selector, schema.kind === 'ReplicationController')
  const status: Scale['status'] = { replicas: numberAt(obj.status, 'replicas') }
  if (selector !== '') status.selector = selector
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata, spec: { replicas: numberAt(spec, 'replicas') }, status }
}

/** Checks a client-sent Scale (PUT body or patched result) and returns the requested replica count. */
export function desiredReplicas (value: unknown, name: string): { replicas: number, resourceVersion?: string } {
  if (!isPlainObject(value)) throw errBadRequest('the body of the request must be a Scale object')
  if (value.apiVersion !== undefined && value.apiVersion !== 'autoscaling/v1') {
    throw errBadRequest(`the API version in the data (${String(value.apiVersion)}) does not match the expected API version (autoscaling/v1)`)
  }
  if (value.kind !== undefined && value.kind !== 'Scale') {
    throw errBadRequest(`the kind in the data (${String(value.kind)}) does not match the expected kind (Scale)`)
  }
  const metadata = isPlainObject(value.metadata) ? value.metadata : {}
  if (metadata.name !== undefined && metadata.name !== name) {
    throw errBadRequest(`the name of the object (${String(metadata.name)}) does not match the name on the URL (${name})`)
  }
  const spec = isPlainObject(value.spec) ? value.spec : {}
  const replicas = spec.replicas ?? 0
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0 || replicas > 2147483647) {
    throw errInvalid('autoscaling', 'Scale', name, [{ type: 'FieldValueInvalid', field: 'spec.replicas', badValue: replicas, message: 'must be greater than or equal to 0' }])
  }
  const out: { replicas: number, resourceVersion?: string } = { replicas }
  if (typeof metadata.resourceVersion === 'string' && metadata.resourceVersion !== '') out.resourceVersion = metadata.resourceVersion
  return out
}

/**
 * The workload with `spec.replicas` set from a Scale. A Scale resourceVersion is a precondition on the workload
 * (they share one resourceVersion), checked here and passed on for the registry's own compare-and-swap.
 */
export function withReplicas (schema: ResourceSchema, current: KubeObject, desired: { replicas: number, resourceVersion?: string }): KubeObject {
  if (desired.resourceVersion !== undefined && desired.resourceVersion !== current.metadata.resourceVersion) {
    throw errConflict({ group: schema.group, resource: schema.plural }, current.metadata.name ?? '')
  }
  const next = structuredClone(current)
  next.spec = { ...(isPlainObject(next.spec) ? next.spec : {}), replicas: desired.replicas }
  return next
}
