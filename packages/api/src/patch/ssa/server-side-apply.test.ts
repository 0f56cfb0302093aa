import type { KubeObject } from '../../meta/object.js'
import type { PatchStrategy } from '../../schema/resource-schema.js'
import { strategiesFromSchema } from '../strategies.js'
import { applyServerSide } from './server-side-apply.js'
import { trackUpdate } from './update-tracking.js'

const PS = 'spec.template.spec'
const table: Record<string, PatchStrategy> = {
  [`${PS}.containers`]: { strategy: 'merge', mergeKey: 'name' },
  [`${PS}.containers.ports`]: { strategy: 'merge', mergeKey: 'containerPort' }
}
const strategies = strategiesFromSchema({ patchStrategies: table })
const t0 = new Date('2024-05-01T10:00:00.123Z')
const t1 = new Date('2024-05-01T11:00:00Z')

/** A ConfigMap config; an empty `data` is left out so it does not become an owned `{}`. */
const cm = (data: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'ns', ...extra }, ...(Object.keys(data).length > 0 ? { data } : {})
})
const dep = (spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns' }, spec })

function apply (live: KubeObject | undefined, config: KubeObject, manager: string, opts: { force?: boolean, now?: Date, apiVersion?: string } = {}): KubeObject {
  return applyServerSide(live, config, { manager, force: opts.force ?? false, strategies, apiVersion: opts.apiVersion ?? 'v1', now: opts.now ?? t0 }).object
}
const track = (old: KubeObject | undefined, next: KubeObject, manager: string, now: Date): KubeObject =>
  trackUpdate(old, next, { manager, apiVersion: 'v1', now })
const fields = (obj: KubeObject, manager: string, operation = 'Apply'): unknown =>
  obj.metadata.managedFields?.find(e => e.manager === manager && e.operation === operation)?.fieldsV1
const caught = (fn: () => unknown): Record<string, unknown> => {
  try { fn() } catch (err) { return err as Record<string, unknown> }
  throw new Error('expected an error')
}

describe('applyServerSide', () => {
  it('A1 creates the object and records one Apply entry without metadata fields', () => {
    const obj = apply(undefined, cm({ a: '1' }), 'm1')
    expect(obj.data).toEqual({ a: '1' })
    expect(obj.metadata.managedFields).toEqual([
      { manager: 'm1', operation: 'Apply', apiVersion: 'v1', time: '2024-05-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }
    ])
    expect(Object.keys(obj.metadata.managedFields?.[0] ?? {})).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1'])
  })

  it('A2 leaves the object and its timestamp alone when the same config is applied again', () => {
    const first = apply(undefined, cm({ a: '1' }), 'm1')
    const res = applyServerSide(first, cm({ a: '1' }), { manager: 'm1', force: false, strategies, apiVersion: 'v1', now: t1 })
    expect(res.changed).toBe(false)
    expect(res.object).toEqual(first)
  })

  it('A3 shares ownership of an equal value and gives the new entry no time', () => {
    const obj = apply(apply(undefined, cm({ a: '1' }), 'm1'), cm({ a: '1' }), 'm2', { now: t1 })
    expect(fields(obj, 'm1')).toEqual({ 'f:data': { 'f:a': {} } })
    expect(fields(obj, 'm2')).toEqual({ 'f:data': { 'f:a': {} } })
    expect(obj.metadata.managedFields?.find(e => e.manager === 'm2')?.time).toBeUndefined()
  })

  it('A4 refuses to change a field another applier owns', () => {
    const live = apply(undefined, cm({ a: '1' }), 'm1')
    const err = caught(() => apply(live, cm({ a: '2' }), 'm2'))
    expect(err).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "m1": .data.a',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "m1"', field: '.data.a' }] }
    })
  })

  it('A5 moves ownership with force and drops the emptied entry', () => {
    const obj = apply(apply(undefined, cm({ a: '1' }), 'm1'), cm({ a: '2' }), 'm2', { force: true })
    expect(obj.data).toEqual({ a: '2' })
    expect(obj.metadata.managedFields?.map(e => e.manager)).toEqual(['m2'])
  })

  it('A6 lets an update take a field and then conflicts with it using its apiVersion', () => {
    const live = apply(undefined, cm({ a: '1' }), 'm1')
    const edited = trackUpdate(live, { ...live, data: { a: '3' } }, { manager: 'kubectl-edit', apiVersion: 'v1', now: t1 })
    expect(fields(edited, 'kubectl-edit', 'Update')).toEqual({ 'f:data': { 'f:a': {} } })
    expect(fields(edited, 'm1')).toBeUndefined()
    const err = caught(() => apply(edited, cm({ a: '1' }), 'm1'))
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .data.a')
  })

  it('A7 removes a field the applier stopped applying', () => {
    const obj = apply(apply(undefined, cm({ a: '1', b: '2' }), 'm1'), cm({ a: '1' }), 'm1')
    expect(obj.data).toEqual({ a: '1' })
  })

  it('A8 keeps a dropped field another applier still owns', () => {
    let obj = apply(undefined, cm({ a: '1', b: '2' }), 'm1')
    obj = apply(obj, cm({ b: '2' }), 'm2')
    obj = apply(obj, cm({ a: '1' }), 'm1')
    expect(obj.data).toEqual({ a: '1', b: '2' })
    expect(fields(obj, 'm1')).toEqual({ 'f:data': { 'f:a': {} } })
  })

  it('A9 prunes a dropped replicas field so defaulting can restore it', () => {
    const obj = apply(apply(undefined, dep({ replicas: 3, paused: true }), 'm1', { apiVersion: 'apps/v1' }), dep({ paused: true }), 'm1', { apiVersion: 'apps/v1' })
    expect(obj.spec).toEqual({ paused: true })
  })

  it('A10 appends another applier\'s container and records its keyed item', () => {
    const ps = (containers: unknown[]): Record<string, unknown> => ({ template: { spec: { containers } } })
    let obj = apply(undefined, dep(ps([{ name: 'web', image: 'w', ports: [{ containerPort: 80 }] }])), 'm1')
    obj = apply(obj, dep(ps([{ name: 'side', image: 's' }])), 'm2')
    expect((obj.spec as any).template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'side'])
    expect(fields(obj, 'm2')).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"side"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } })
    expect(fields(obj, 'm1')).toEqual({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } } } } } })
  })

  it('A11 removes a container only its applier owned', () => {
    const ps = (...names: string[]): Record<string, unknown> => ({ template: { spec: { containers: names.map(name => ({ name, image: name })) } } })
    const obj = apply(apply(undefined, dep(ps('web', 'side')), 'm1'), dep(ps('web')), 'm1')
    expect((obj.spec as any).template.spec.containers).toEqual([{ name: 'web', image: 'web' }])
  })

  it('A12 conflicts on an atomic list and replaces it whole with force', () => {
    const tol = (key: string): KubeObject => dep({ template: { spec: { tolerations: [{ key }] } } })
    const live = apply(undefined, tol('a'), 'm1', { apiVersion: 'apps/v1' })
    expect(caught(() => apply(live, tol('b'), 'm2', { apiVersion: 'apps/v1' })).message)
      .toBe('Apply failed with 1 conflict: conflict with "m1": .spec.template.spec.tolerations')
    expect((apply(live, tol('b'), 'm2', { force: true }).spec as any).template.spec.tolerations).toEqual([{ key: 'b' }])
  })

  it('A13 unions finalizers from two appliers and records set items', () => {
    const obj = apply(apply(undefined, cm({}, { finalizers: ['x'] }), 'm1'), cm({}, { finalizers: ['y'] }), 'm2')
    expect(obj.metadata.finalizers).toEqual(['x', 'y'])
    expect(fields(obj, 'm2')).toEqual({ 'f:metadata': { 'f:finalizers': { 'v:"y"': {} } } })
  })

  it('A14 places new set items by the applied order', () => {
    let obj = apply(undefined, cm({}, { finalizers: ['x', 'y'] }), 'm1')
    obj = apply(obj, cm({}, { finalizers: ['z', 'x'] }), 'm3')
    expect(obj.metadata.finalizers).toEqual(['z', 'x', 'y'])
  })

  it('A15 treats nodeSelector as atomic but labels as granular', () => {
    const ns = (sel: Record<string, string>): KubeObject => dep({ template: { spec: { nodeSelector: sel } } })
    const live = apply(undefined, ns({ a: '1' }), 'm1')
    expect(caught(() => apply(live, ns({ b: '2' }), 'm2')).message).toBe('Apply failed with 1 conflict: conflict with "m1": .spec.template.spec.nodeSelector')
    const labelled = apply(apply(undefined, cm({}, { labels: { a: '1' } }), 'm1'), cm({}, { labels: { b: '2' } }), 'm2')
    expect(labelled.metadata.labels).toEqual({ a: '1', b: '2' })
  })

  it('A16 keys container ports by port and protocol', () => {
    const ports = (p: unknown[]): KubeObject => dep({ template: { spec: { containers: [{ name: 'web', ports: p }] } } })
    const obj = apply(apply(undefined, ports([{ containerPort: 80 }]), 'm1'), ports([{ containerPort: 80, protocol: 'UDP' }]), 'm2')
    expect((obj.spec as any).template.spec.containers[0].ports).toEqual([{ containerPort: 80 }, { containerPort: 80, protocol: 'UDP' }])
  })

  it('A17 rejects a config carrying managedFields', () => {
    expect(caught(() => apply(undefined, cm({ a: '1' }, { managedFields: [] }), 'm1'))).toMatchObject({ code: 400, message: 'metadata.managedFields must be nil' })
  })

  it('A21 attributes existing fields to before-first-apply on the first apply', () => {
    const live = cm({ a: '1' })
    expect(caught(() => apply(live, cm({ a: '2' }), 'm1')).message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using v1: .data.a')
  })

  it('A22 treats a manager\'s Update entry as a different owner than its Apply entry', () => {
    const created = track(undefined, cm({ a: '1' }), 'foo', t0)
    expect(caught(() => apply(created, cm({ a: '2' }), 'foo')).message).toBe('Apply failed with 1 conflict: conflict with "foo" using v1: .data.a')
  })

  it('A23 lets kubectl server-side apply take fields that still match last-applied and rewrites the annotation', () => {
    const ann = 'kubectl.kubernetes.io/last-applied-configuration'
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'ns' }, data: { a: '1' } }
    const csa = track(undefined, cm({ a: '1' }, { annotations: { [ann]: JSON.stringify(manifest) } }), 'kubectl-client-side-apply', t0)
    const obj = apply(csa, cm({ a: '2' }), 'kubectl')
    expect(obj.data).toEqual({ a: '2' })
    expect(obj.metadata.annotations?.[ann]).toBe('{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"name":"cm","namespace":"ns"}}\n')
    const drifted = track(csa, { ...csa, data: { a: '5' } }, 'someone', t1)
    const edited = track(drifted, { ...drifted, data: { a: '5' } }, 'kubectl-client-side-apply', t1)
    expect(caught(() => apply(edited, cm({ a: '2' }), 'kubectl')).code).toBe(409)
  })

  it('conflicts with a kubectl client-side-apply owner for any other manager', () => {
    const csa = track(undefined, cm({ a: '1' }), 'kubectl-client-side-apply', t0)
    expect(caught(() => apply(csa, cm({ a: '2' }), 'other')).message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .data.a')
  })

  it('lists several conflicts grouped by manager', () => {
    let live = apply(undefined, cm({ a: '1', b: '1' }), 'm1')
    live = apply(live, cm({ c: '1' }), 'm0')
    const err = caught(() => apply(live, cm({ a: '2', b: '2', c: '2' }), 'm2'))
    expect(err.message).toBe('Apply failed with 3 conflicts: conflicts with "m0":\n- .data.c\nconflicts with "m1":\n- .data.a\n- .data.b')
    expect((err.details as { causes: unknown[] }).causes).toHaveLength(3)
  })

  it('rejects duplicate keys in an applied list with a 500', () => {
    const err = caught(() => apply(undefined, dep({ template: { spec: { containers: [{ name: 'a' }, { name: 'a' }] } } }), 'm1'))
    expect(err).toMatchObject({ code: 500, reason: '' })
    expect(err.message).toMatch(/^failed to create typed patch object \(ns\/d; apps\/v1, Kind=Deployment\): /)
  })
})

describe('trackUpdate', () => {
  it('gives the creator every field except stripped metadata', () => {
    const obj = track(undefined, cm({ a: '1' }, { labels: { x: 'y' }, uid: 'u' }), 'kubectl-create', t0)
    expect(obj.metadata.managedFields).toEqual([{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: '2024-05-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:x': {} } } } }])
  })

  it('keeps an untracked object untracked', () => {
    const obj = track(cm({ a: '1' }), cm({ a: '2' }), 'u', t0)
    expect(obj.metadata.managedFields).toBeUndefined()
  })

  it('resets managedFields when the write sends an empty list', () => {
    const live = apply(undefined, cm({ a: '1' }), 'm1')
    const obj = track(live, { ...live, metadata: { ...live.metadata, managedFields: [{}] as never } }, 'u', t0)
    expect(obj.metadata.managedFields).toBeUndefined()
  })

  it('uses managedFields sent with the write, as kubectl does to migrate client-side-apply ownership', () => {
    const live = track(undefined, cm({ a: '1' }), 'kubectl-client-side-apply', t0)
    const migrated = [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }]
    const obj = track(live, { ...live, metadata: { ...live.metadata, managedFields: migrated as never } }, 'kubectl', t1)
    expect(obj.metadata.managedFields).toEqual(migrated)
    expect(() => apply(obj, cm({ a: '2' }), 'other')).toThrow('Apply failed with 1 conflict: conflict with "kubectl": .data.a')
  })

  it('keeps the live entries when the write sends unusable managedFields', () => {
    const live = apply(undefined, cm({ a: '1' }), 'm1')
    const obj = track(live, { ...live, metadata: { ...live.metadata, managedFields: [{ operation: 'Bogus' }] as never } }, 'u', t1)
    expect(obj.metadata.managedFields).toEqual(live.metadata.managedFields)
  })

  it('drops removed fields from every owner without recording the remover', () => {
    const live = apply(undefined, cm({ a: '1', b: '2' }), 'm1')
    const obj = track(live, { ...live, data: { a: '1' } }, 'remover', t1)
    expect(obj.metadata.managedFields?.map(e => e.manager)).toEqual(['m1'])
    expect(fields(obj, 'm1')).toEqual({ 'f:data': { 'f:a': {} } })
  })
})

describe('managedFields cap', () => {
  it('folds the oldest Update entries of one apiVersion into ancient-changes beyond ten', () => {
    let obj = track(undefined, cm({ k0: '0' }), 'u0', new Date(Date.UTC(2024, 0, 1, 0, 0, 0)))
    for (let i = 1; i <= 11; i++) {
      const data = { ...(obj.data as Record<string, string>), [`k${i}`]: String(i) }
      obj = track(obj, { ...obj, data }, `u${i}`, new Date(Date.UTC(2024, 0, 1, 0, 0, i)))
    }
    const managers = obj.metadata.managedFields?.map(e => e.manager) ?? []
    expect(managers).toHaveLength(10)
    expect(managers).toContain('ancient-changes')
    expect(managers).not.toContain('u0')
    expect(managers).not.toContain('u2')
    const ancient = obj.metadata.managedFields?.find(e => e.manager === 'ancient-changes')
    expect(ancient?.fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {}, 'f:k2': {} } })
    expect(ancient?.time).toBe('2024-01-01T00:00:02Z')
  })
})
