import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema } from '../schema/resource-schema.js'
import { defineSchema } from './define.js'
import { horizontalPodAutoscalerSchema } from './autoscaling.js'

// autoscaling/v1 HorizontalPodAutoscalers (what `kubectl autoscale` creates), served as a view of the v2 objects
// in storage, as upstream stores one version. v1 only knows a CPU utilisation target: the v2 fields it cannot
// express travel in the same annotations upstream uses, so a v1 read-modify-write loses nothing.
type Obj = Record<string, unknown>
const METRICS = 'autoscaling.alpha.kubernetes.io/metrics'
const CURRENT_METRICS = 'autoscaling.alpha.kubernetes.io/current-metrics'
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions'
const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior'

const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Obj : {})
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : [])
const isCpuUtilization = (m: Obj): boolean => m.type === 'Resource' && obj(m.resource).name === 'cpu' && obj(obj(m.resource).target).type === 'Utilization'

function parseAnnotation (annotations: Record<string, string>, key: string): unknown {
  const text = annotations[key]
  delete annotations[key]
  if (text === undefined) return undefined
  try { return JSON.parse(text) } catch { return undefined }
}

/** v2 (storage) -> v1. */
export function hpaV2ToV1 (v2: KubeObject): KubeObject {
  const spec = obj(v2.spec)
  const status = obj(v2.status)
  const annotations: Record<string, string> = { ...(v2.metadata.annotations ?? {}) }
  const metrics = arr(spec.metrics)
  const cpu = metrics.find(isCpuUtilization)
  const others = metrics.filter(m => m !== cpu)
  if (others.length > 0) annotations[METRICS] = JSON.stringify(others)
  if (spec.behavior !== undefined) annotations[BEHAVIOR] = JSON.stringify(spec.behavior)
  const current = arr(status.currentMetrics)
  const currentCpu = current.find(m => m.type === 'Resource' && obj(m.resource).name === 'cpu')
  const otherCurrent = current.filter(m => m !== currentCpu)
  if (otherCurrent.length > 0) annotations[CURRENT_METRICS] = JSON.stringify(otherCurrent)
  if (Array.isArray(status.conditions) && status.conditions.length > 0) annotations[CONDITIONS] = JSON.stringify(status.conditions)
  const v1Spec: Obj = { scaleTargetRef: spec.scaleTargetRef, maxReplicas: spec.maxReplicas }
  if (spec.minReplicas !== undefined) v1Spec.minReplicas = spec.minReplicas
  const target = obj(obj(cpu?.resource).target).averageUtilization
  if (typeof target === 'number') v1Spec.targetCPUUtilizationPercentage = target
  const v1Status: Obj = {}
  for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) if (status[k] !== undefined) v1Status[k] = status[k]
  const currentUtil = obj(obj(currentCpu?.resource).current).averageUtilization
  if (typeof currentUtil === 'number') v1Status.currentCPUUtilizationPercentage = currentUtil
  const metadata: KubeObject['metadata'] = { ...v2.metadata }
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations
  else delete metadata.annotations
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata, spec: v1Spec, status: v1Status }
}

/** v1 -> v2 (storage), restoring what the annotations carry. */
export function hpaV1ToV2 (v1: KubeObject): KubeObject {
  const spec = obj(v1.spec)
  const status = obj(v1.status)
  const annotations: Record<string, string> = { ...(v1.metadata?.annotations ?? {}) }
  const others = arr(parseAnnotation(annotations, METRICS))
  const behavior = parseAnnotation(annotations, BEHAVIOR)
  const otherCurrent = arr(parseAnnotation(annotations, CURRENT_METRICS))
  const conditions = parseAnnotation(annotations, CONDITIONS)
  const metrics: Obj[] = []
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } })
  }
  metrics.push(...others)
  const v2Spec: Obj = { scaleTargetRef: spec.scaleTargetRef, maxReplicas: spec.maxReplicas }
  if (spec.minReplicas !== undefined) v2Spec.minReplicas = spec.minReplicas
  if (metrics.length > 0) v2Spec.metrics = metrics
  if (behavior !== undefined) v2Spec.behavior = behavior
  const v2Status: Obj = {}
  for (const k of ['observedGeneration', 'lastScaleTime', 'currentReplicas', 'desiredReplicas']) if (status[k] !== undefined) v2Status[k] = status[k]
  const current: Obj[] = []
  if (typeof status.currentCPUUtilizationPercentage === 'number') {
    current.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } } })
  }
  current.push(...otherCurrent)
  if (current.length > 0) v2Status.currentMetrics = current
  if (Array.isArray(conditions)) v2Status.conditions = conditions
  const metadata: KubeObject['metadata'] = { ...(v1.metadata ?? {}) }
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations
  else delete metadata.annotations
  const out: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: v2Spec }
  if (v1.status !== undefined) out.status = v2Status
  return out
}

export const horizontalPodAutoscalerV1Schema: ResourceSchema = {
  ...defineSchema({
    group: 'autoscaling',
    version: 'v1',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: ['status'],
    // defaulting and validation run on the converted v2 object
    printerColumns: horizontalPodAutoscalerSchema.printerColumns.map(c => ({ ...c, cell: (o, now) => c.cell(hpaV1ToV2(o), now) }))
  }),
  conversion: { storage: () => horizontalPodAutoscalerSchema, toStorage: hpaV1ToV2, fromStorage: hpaV2ToV1 }
}

/** v2 first: the preferred version, as upstream. */
export const autoscalingSchemas: ResourceSchema[] = [horizontalPodAutoscalerSchema, horizontalPodAutoscalerV1Schema]
