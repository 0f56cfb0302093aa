import type { KubeObject } from '@kube-ts/api'
import { prepareCreate } from './prepare-create.js'
import { prepareUpdate } from './prepare-update.js'
import { configmaps, namespaces, pods, widgets } from './test-schemas.js'

const now = new Date('2026-01-02T03:04:05.678Z')

function storedWidget (): KubeObject {
  const w = prepareCreate(widgets, 'default', { metadata: { name: 'w' }, spec: { size: 1 } }, undefined, now)
  ;(w.metadata as { resourceVersion?: string }).resourceVersion = '7'
  w.status = { ready: true }
  return w
}

function caught (fn: () => unknown): { code?: number, reason?: string, message?: string } {
  try { fn() } catch (err) { return err as { code: number } }
  throw new Error('expected an error')
}

describe('prepareCreate', () => {
  it.each([
    { name: 'sets uid, creationTimestamp with second precision and generation 1 for generation-tracking kinds', schema: widgets, check: (o: KubeObject) => { expect(o.metadata.uid).toMatch(/^[0-9a-f-]{36}$/); expect(o.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z'); expect(o.metadata.generation).toBe(1) } },
    { name: 'leaves generation unset for kinds that do not track it', schema: configmaps, check: (o: KubeObject) => { expect(o.metadata.generation).toBeUndefined() } },
    { name: 'strips resourceVersion, deletionTimestamp and selfLink sent by the client', schema: configmaps, check: (o: KubeObject) => { expect(o.metadata.resourceVersion).toBeUndefined(); expect(o.metadata.deletionTimestamp).toBeUndefined(); expect(o.metadata.selfLink).toBeUndefined() } },
    { name: 'clears status for kinds with a status subresource', schema: widgets, check: (o: KubeObject) => { expect(o.status).toBeUndefined() } },
    { name: 'starts pods Pending whatever status the client sent', schema: pods, check: (o: KubeObject) => { expect(o.status).toEqual({ phase: 'Pending' }) } },
    { name: 'fills apiVersion, kind and defaults', schema: widgets, check: (o: KubeObject) => { expect(o.apiVersion).toBe('example.com/v1'); expect(o.kind).toBe('Widget'); expect((o.spec as { color: string }).color).toBe('blue') } }
  ])('$name', ({ schema, check }) => {
    const input: KubeObject = { metadata: { name: 'x', resourceVersion: '5', deletionTimestamp: '2020-01-01T00:00:00Z', selfLink: '/x', generation: 9 }, spec: {}, status: { phase: 'Running' } }
    check(prepareCreate(schema, 'default', input, undefined, now))
  })

  it.each([
    { name: 'rejects a body namespace that differs from the request namespace with 400', input: { metadata: { name: 'x', namespace: 'other' } }, code: 400, message: 'the namespace of the provided object does not match the namespace sent on the request' },
    { name: 'rejects an invalid object with 422 and the field causes', input: { metadata: { name: 'x' }, spec: { size: -1 } }, code: 422, message: 'Widget.example.com "x" is invalid: spec.size: Invalid value: -1: must be greater than or equal to 0' },
    { name: 'rejects an object without a name with 422', input: { metadata: {} }, code: 422, message: 'Widget.example.com "" is invalid: metadata.name: Required value: name or generateName is required' }
  ])('$name', ({ input, code, message }) => {
    const err = caught(() => prepareCreate(widgets, 'default', input as KubeObject, undefined, now))
    expect(err).toMatchObject({ code, message })
  })
})

describe('prepareUpdate', () => {
  type Case = { name: string, mutate: (o: KubeObject) => void, subresource?: string, check: (out: KubeObject, old: KubeObject) => void }
  const cases: Case[] = [
    { name: 'bumps generation when the spec changes', mutate: o => { (o.spec as { size: number }).size = 2 }, check: out => { expect(out.metadata.generation).toBe(2) } },
    { name: 'keeps generation when only labels change', mutate: o => { o.metadata.labels = { a: 'b' } }, check: out => { expect(out.metadata.generation).toBe(1); expect(out.metadata.labels).toEqual({ a: 'b' }) } },
    { name: 'keeps generation when a defaulted field is sent explicitly with its default', mutate: o => { (o.spec as { color?: string }).color = 'blue' }, check: out => { expect(out.metadata.generation).toBe(1) } },
    { name: 'keeps the old status on a write to the main resource', mutate: o => { o.status = { ready: false } }, check: out => { expect(out.status).toEqual({ ready: true }) } },
    { name: 'keeps the old spec on a status write but takes the new status', subresource: 'status', mutate: o => { o.status = { ready: false }; (o.spec as { size: number }).size = 9 }, check: out => { expect(out.status).toEqual({ ready: false }); expect((out.spec as { size: number }).size).toBe(1); expect(out.metadata.generation).toBe(1) } },
    { name: 'preserves uid and creationTimestamp when the client drops or changes them', mutate: o => { delete (o.metadata as { uid?: string }).uid; (o.metadata as { creationTimestamp?: string }).creationTimestamp = '1999-01-01T00:00:00Z' }, check: (out, old) => { expect(out.metadata.uid).toBe(old.metadata.uid); expect(out.metadata.creationTimestamp).toBe(old.metadata.creationTimestamp) } },
    { name: 'drops labels, annotations, finalizers and ownerReferences left empty, as typed encoding does', mutate: o => { Object.assign(o.metadata, { labels: {}, annotations: {}, finalizers: [], ownerReferences: [] }) }, check: out => { expect(Object.keys(out.metadata).filter(k => ['labels', 'annotations', 'finalizers', 'ownerReferences'].includes(k))).toEqual([]) } },
    { name: 'ignores a client attempt to set generation', mutate: o => { (o.metadata as { generation?: number }).generation = 42 }, check: out => { expect(out.metadata.generation).toBe(1) } }
  ]
  it.each(cases)('$name', ({ mutate, subresource, check }) => {
    const old = storedWidget()
    const desired = structuredClone(old)
    mutate(desired)
    check(prepareUpdate({ schema: widgets, namespace: 'default', name: 'w', old, ...(subresource !== undefined ? { subresource } : {}) }, desired), old)
  })

  it.each([
    { name: 'answers a stale resourceVersion with 409 Conflict', schema: widgets, mutate: (o: KubeObject) => { (o.metadata as { resourceVersion?: string }).resourceVersion = '6' }, code: 409, message: 'Operation cannot be fulfilled on widgets.example.com "w": the object has been modified; please apply your changes to the latest version and try again' },
    { name: 'requires a resourceVersion for kinds without unconditional update', schema: widgets, mutate: (o: KubeObject) => { delete (o.metadata as { resourceVersion?: string }).resourceVersion }, code: 422, message: 'Widget.example.com "w" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update' },
    { name: 'rejects a body name that differs from the URL with 400', schema: widgets, mutate: (o: KubeObject) => { o.metadata.name = 'other' }, code: 400, message: 'the name of the object (other) does not match the name on the URL (w)' },
    { name: 'rejects a changed uid with 422', schema: widgets, mutate: (o: KubeObject) => { (o.metadata as { uid?: string }).uid = 'nope' }, code: 422, message: 'Widget.example.com "w" is invalid: metadata.uid: Invalid value: "nope": field is immutable' },
    { name: 'rejects a body namespace that differs from the URL with 400', schema: widgets, mutate: (o: KubeObject) => { o.metadata.namespace = 'elsewhere' }, code: 400, message: 'the namespace of the provided object does not match the namespace sent on the request' }
  ])('$name', ({ schema, mutate, code, message }) => {
    const old = storedWidget()
    const desired = structuredClone(old)
    mutate(desired)
    expect(caught(() => prepareUpdate({ schema, namespace: 'default', name: 'w', old }, desired))).toMatchObject({ code, message })
  })

  it('accepts an update without resourceVersion for kinds that allow unconditional updates', () => {
    const old = prepareCreate(configmaps, 'default', { metadata: { name: 'c' }, data: { a: '1' } }, undefined, now)
    ;(old.metadata as { resourceVersion?: string }).resourceVersion = '3'
    const out = prepareUpdate({ schema: configmaps, namespace: 'default', name: 'c', old }, { metadata: { name: 'c' }, data: { a: '2' } })
    expect(out.metadata.resourceVersion).toBe('3')
    expect(out.data).toEqual({ a: '2' })
  })

  it.each([
    { name: 'a pod binding changes spec and status together', schema: pods, subresource: 'binding', want: { spec: { nodeName: 'n1' }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled' }] } } },
    { name: 'a namespace finalize write changes only spec.finalizers', schema: namespaces, subresource: 'finalize', want: { spec: { finalizers: [] }, status: { phase: 'Active' }, labels: undefined } },
    { name: 'a namespace main write keeps spec.finalizers', schema: namespaces, subresource: undefined, want: { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' }, labels: { l: 'v' } } }
  ])('$name', ({ schema, subresource, want }) => {
    const old = prepareCreate(schema, 'default', { metadata: { name: 'o' }, spec: {} }, undefined, now)
    ;(old.metadata as { resourceVersion?: string }).resourceVersion = '3'
    const desired = structuredClone(old)
    desired.spec = schema === pods ? { nodeName: 'n1' } : { finalizers: [] }
    desired.status = schema === pods ? { phase: 'Pending', conditions: [{ type: 'PodScheduled' }] } : { phase: 'Terminating' }
    desired.metadata.labels = { l: 'v' }
    const out = prepareUpdate({ schema, namespace: 'default', name: 'o', old, ...(subresource !== undefined ? { subresource } : {}) }, desired)
    expect(out.spec).toEqual(want.spec)
    expect(out.status).toEqual(want.status)
    if ('labels' in want) expect(out.metadata.labels).toEqual(want.labels)
  })

  it('refuses new finalizers on an object that is being deleted', () => {
    const old = storedWidget()
    ;(old.metadata as { deletionTimestamp?: string }).deletionTimestamp = '2026-01-02T03:04:05Z'
    old.metadata.finalizers = ['a']
    const desired = structuredClone(old)
    desired.metadata.finalizers = ['a', 'b']
    expect(caught(() => prepareUpdate({ schema: widgets, namespace: 'default', name: 'w', old }, desired))).toMatchObject({
      code: 422,
      message: 'Widget.example.com "w" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b"}'
    })
  })
})
