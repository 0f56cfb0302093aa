import type { KubeObject } from '../../meta/object.js'
import { trackScaleUpdate } from './scale-tracking.js'
import { trackUpdate } from './update-tracking.js'

const t0 = new Date('2024-05-01T10:00:00Z')
const dep = (replicas: number, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns', ...meta }, spec: { replicas, paused: false } }) as unknown as KubeObject
const created = trackUpdate(undefined, dep(1), { manager: 'kubectl-create', apiVersion: 'apps/v1', now: t0 })
const scaled = (old: KubeObject, replicas: number, manager = 'kubectl'): KubeObject =>
  trackScaleUpdate(old, { ...old, spec: { ...(old.spec as object), replicas } } as KubeObject, { manager, apiVersion: 'apps/v1' })

describe('trackScaleUpdate', () => {
  it('moves spec.replicas to an Update entry with subresource scale and no time', () => {
    const obj = scaled(created, 3)
    expect(obj.metadata.managedFields).toEqual([
      { manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2024-05-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:paused': {} } } }
    ])
  })

  it('a second scaler takes the field from the first', () => {
    const obj = scaled(scaled(created, 3), 4, 'horizontal-pod-autoscaler')
    expect(obj.metadata.managedFields?.map(e => [e.manager, e.subresource])).toEqual([
      ['horizontal-pod-autoscaler', 'scale'],
      ['kubectl-create', undefined]
    ])
  })

  it('an unchanged replica count leaves managedFields exactly as they were', () => {
    expect(scaled(created, 1).metadata.managedFields).toEqual(created.metadata.managedFields)
  })

  it('is not tracked when nobody owns spec.replicas (upstream skips a Scale without entries)', () => {
    expect(scaled(dep(1), 3).metadata.managedFields).toBeUndefined()
  })
})
