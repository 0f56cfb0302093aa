import type { KubeObject } from '../../meta/object.js'
import type { PatchStrategy } from '../../schema/resource-schema.js'
import { strategiesFromSchema } from '../strategies.js'
import { applyServerSide } from './server-side-apply.js'
import { trackUpdate, type UpdateTrackingOptions } from './update-tracking.js'

const strategies = strategiesFromSchema({
  patchStrategies: { 'spec.template.spec.containers': { strategy: 'merge', mergeKey: 'name' } } satisfies Record<string, PatchStrategy>
})
const t0 = new Date('2024-05-01T10:00:00Z')
const t1 = new Date('2024-05-01T11:00:00Z')
const cm = (data: Record<string, string>, meta: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'ns', ...meta }, data })
const update = (old: KubeObject | undefined, next: KubeObject, manager: string, over: Partial<UpdateTrackingOptions> = {}): KubeObject =>
  trackUpdate(old, next, { manager, apiVersion: 'v1', now: t1, strategies, ...over })
const created = (data: Record<string, string>, manager = 'creator'): KubeObject => update(undefined, cm(data), manager, { now: t0 })
const entry = (obj: KubeObject, manager: string): Record<string, unknown> | undefined =>
  obj.metadata.managedFields?.find(e => e.manager === manager) as Record<string, unknown> | undefined

interface Case { name: string, run: () => KubeObject, expected: Record<string, unknown> }

const cases: Case[] = [
  {
    name: 'a create gives the creator every field, with "." on maps that did not exist',
    run: () => created({ a: '1' }),
    expected: { creator: { time: '2024-05-01T10:00:00Z', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } } }
  },
  {
    name: 'an update takes the changed field from its owner without a conflict',
    run: () => { const live = created({ a: '1', b: '1' }); return update(live, { ...live, data: { a: '2', b: '1' } }, 'editor') },
    expected: {
      creator: { time: '2024-05-01T10:00:00Z', fieldsV1: { 'f:data': { '.': {}, 'f:b': {} } } },
      editor: { time: '2024-05-01T11:00:00Z', fieldsV1: { 'f:data': { 'f:a': {} } } }
    }
  },
  {
    name: 'an update that adds a field gives only that field to the writer',
    run: () => { const live = created({ a: '1' }); return update(live, { ...live, data: { a: '1', c: '3' } }, 'editor') },
    expected: { creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }, editor: { fieldsV1: { 'f:data': { 'f:c': {} } } } }
  },
  {
    name: 'an update that changes nothing records no entry and keeps the old ones as they were',
    run: () => { const live = created({ a: '1' }); return update(live, { ...live }, 'editor') },
    expected: { creator: { time: '2024-05-01T10:00:00Z', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }, editor: undefined }
  },
  {
    name: 'an update that only removes fields drops them from every owner and records no entry',
    run: () => { const live = created({ a: '1', b: '2' }); return update(live, { ...live, data: { a: '1' } }, 'remover') },
    expected: { creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }, remover: undefined }
  },
  {
    name: 'a second update by the same manager keeps what it owned and moves its time',
    run: () => {
      const live = created({ a: '1', b: '1' })
      const first = update(live, { ...live, data: { a: '2', b: '1' } }, 'editor', { now: t0 })
      return update(first, { ...first, data: { a: '2', b: '2' } }, 'editor')
    },
    expected: { creator: { fieldsV1: { 'f:data': {} } }, editor: { time: '2024-05-01T11:00:00Z', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } } }
  },
  {
    name: 'the same manager through another apiVersion is a separate Update entry',
    run: () => { const live = created({ a: '1' }, 'm'); return update(live, { ...live, data: { a: '2' } }, 'm', { apiVersion: 'v2' }) },
    expected: { m: { apiVersion: 'v1', fieldsV1: { 'f:data': {} } } }
  },
  {
    name: 'a write through /status gets its own entry, is not credited with reset fields and puts no "." on status',
    run: () => {
      const live = created({ a: '1' })
      return update(live, { ...live, data: { a: '9' }, status: { ready: true } } as KubeObject, 'controller', { subresource: 'status', resetFields: ['data'] })
    },
    expected: { controller: { subresource: 'status', fieldsV1: { 'f:status': { 'f:ready': {} } } }, creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } } }
  },
  {
    name: 'removing a reset field (status on the main resource) takes it from nobody',
    run: () => {
      const live = update(created({ a: '1' }), { ...created({ a: '1' }), status: { ready: true } } as KubeObject, 'controller', { subresource: 'status', resetFields: ['data'] })
      const { status: _status, ...withoutStatus } = live as KubeObject & { status?: unknown }
      return update(live, withoutStatus as KubeObject, 'editor', { resetFields: ['status'] })
    },
    expected: { controller: { fieldsV1: { 'f:status': { 'f:ready': {} } } }, editor: undefined }
  },
  {
    name: 'a status write ignores managedFields sent with it and starts from the live entries',
    run: () => {
      const live = created({ a: '1' })
      return update(live, { ...cm({ a: '1' }, { managedFields: [] }), status: { ready: true } } as KubeObject, 'controller', { subresource: 'status', resetFields: ['data'] })
    },
    expected: { creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }, controller: { subresource: 'status' } }
  },
  {
    name: 'M: an update of an object without entries stays untracked',
    run: () => update(cm({ a: '1' }), cm({ a: '2' }), 'editor'),
    expected: { editor: undefined }
  },
  {
    name: 'M: a create with managedFields [] is still tracked',
    run: () => update(undefined, cm({ a: '1' }, { managedFields: [] }), 'creator'),
    expected: { creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } } }
  },
  {
    name: 'M: [{}] on an update resets every entry and the write itself is not recorded',
    run: () => { const live = created({ a: '1' }); return update(live, cm({ a: '2' }, { managedFields: [{}] }), 'editor') },
    expected: { creator: undefined, editor: undefined }
  },
  {
    name: 'M: one undecodable entry sent with the write makes the whole list fall back to the live entries',
    run: () => {
      const live = created({ a: '1' })
      const sent = [...(live.metadata.managedFields ?? []), { manager: 'x', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: {} }]
      return update(live, cm({ a: '1' }, { managedFields: sent }), 'editor')
    },
    expected: { creator: { fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }, x: undefined }
  }
]

describe('trackUpdate', () => {
  it.each(cases)('$name', ({ run, expected }) => {
    const obj = run()
    for (const [manager, want] of Object.entries(expected)) {
      if (want === undefined) expect(entry(obj, manager)).toBeUndefined()
      else expect(entry(obj, manager)).toMatchObject(want as Record<string, unknown>)
    }
  })

  it('keeps the live entries when only entry times would change, so a no-op stays a no-op', () => {
    const live = created({ a: '1' })
    const sent = live.metadata.managedFields?.map(e => ({ ...e, time: '2030-01-01T00:00:00Z' }))
    const obj = update(live, cm({ a: '1' }, { managedFields: sent }), 'editor')
    expect(obj.metadata.managedFields).toEqual(live.metadata.managedFields)
  })

  it('credits defaulted-in nested structs without a "." for the always-present spec and template', () => {
    const dep = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'ns' },
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }, template: { metadata: { creationTimestamp: null, labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } }
    } as unknown as KubeObject
    const obj = trackUpdate(undefined, dep, { manager: 'kubectl-create', apiVersion: 'apps/v1', now: t0, strategies })
    expect(obj.metadata.managedFields?.[0]?.fieldsV1).toEqual({
      'f:spec': {
        'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} }, 'f:type': {} },
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {} } } }
        }
      }
    })
  })

  it('A6: an update takes a field from an applier, who then conflicts with it on re-apply', () => {
    const live = applyServerSide(undefined, cm({ a: '1' }), { manager: 'm1', force: false, strategies, apiVersion: 'v1', now: t0 }).object
    const edited = update(live, { ...live, data: { a: '3' } }, 'kubectl-edit')
    expect(entry(edited, 'm1')).toBeUndefined()
    expect(() => applyServerSide(edited, cm({ a: '1' }), { manager: 'm1', force: false, strategies, apiVersion: 'v1', now: t1 }))
      .toThrow('Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .data.a')
  })
})
