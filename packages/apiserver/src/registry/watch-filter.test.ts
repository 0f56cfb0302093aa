import type { KubeObject } from '@kube-ts/api'
import type { StorageEvent } from '../storage/storage.js'
import { compileSelection } from './selection.js'
import { widgets } from './test-schemas.js'
import { filterEvent } from './watch-filter.js'

const w = (labels: Record<string, string>, rv: string, color = 'blue'): KubeObject => ({ metadata: { name: 'w', namespace: 'ns', labels, resourceVersion: rv }, spec: { color } })

describe('filterEvent', () => {
  const sel = compileSelection(widgets, 'app=web', undefined)
  it.each([
    { name: 'passes an ADDED object that matches', ev: { type: 'ADDED', object: w({ app: 'web' }, '2'), revision: 2 }, want: { type: 'ADDED', rv: '2', app: 'web' } },
    { name: 'drops an ADDED object that does not match', ev: { type: 'ADDED', object: w({ app: 'db' }, '2'), revision: 2 }, want: undefined },
    { name: 'passes a MODIFIED object that matched before and after', ev: { type: 'MODIFIED', object: w({ app: 'web' }, '3'), prevObject: w({ app: 'web' }, '2'), revision: 3 }, want: { type: 'MODIFIED', rv: '3', app: 'web' } },
    { name: 'turns a MODIFIED that stops matching into DELETED of the old state at the new resourceVersion', ev: { type: 'MODIFIED', object: w({ app: 'db' }, '3'), prevObject: w({ app: 'web' }, '2'), revision: 3 }, want: { type: 'DELETED', rv: '3', app: 'web' } },
    { name: 'turns a MODIFIED that starts matching into ADDED', ev: { type: 'MODIFIED', object: w({ app: 'web' }, '3'), prevObject: w({ app: 'db' }, '2'), revision: 3 }, want: { type: 'ADDED', rv: '3', app: 'web' } },
    { name: 'drops a MODIFIED that never matched', ev: { type: 'MODIFIED', object: w({ app: 'db' }, '3'), prevObject: w({ app: 'db' }, '2'), revision: 3 }, want: undefined },
    { name: 'passes a DELETED object that matched', ev: { type: 'DELETED', object: w({ app: 'web' }, '4'), revision: 4 }, want: { type: 'DELETED', rv: '4', app: 'web' } }
  ] as Array<{ name: string, ev: StorageEvent, want?: { type: string, rv: string, app: string } }>)('$name', ({ ev, want }) => {
    const out = filterEvent(ev, sel)
    if (want === undefined) { expect(out).toBeUndefined(); return }
    expect(out?.type).toBe(want.type)
    expect(out?.object.metadata.resourceVersion).toBe(want.rv)
    expect(out?.object.metadata.labels?.app).toBe(want.app)
  })

  it('gives every selector watcher the same DELETED state for an object leaving the selection, leaving the stored state alone', () => {
    const ev: StorageEvent = { type: 'MODIFIED', object: w({ app: 'db' }, '3'), prevObject: w({ app: 'web' }, '2'), revision: 3 }
    const first = filterEvent(ev, sel)
    const second = filterEvent(ev, compileSelection(widgets, 'app in (web)', undefined))
    expect(first?.object).toBe(second?.object)
    expect(ev.prevObject?.metadata.resourceVersion).toBe('2')
  })
})

describe('compileSelection', () => {
  it.each([
    { name: 'matches metadata.name', field: 'metadata.name=w', want: true },
    { name: 'matches metadata.namespace', field: 'metadata.namespace=other', want: false },
    { name: 'matches a kind-specific field label', field: 'spec.color=blue', want: true },
    { name: 'supports != on field labels', field: 'spec.color!=blue', want: false }
  ])('$name', ({ field, want }) => {
    expect(compileSelection(widgets, undefined, field).matches(w({}, '1'))).toBe(want)
  })

  it.each([
    { name: 'rejects an unsupported field label with 400', label: undefined, field: 'spec.size=1', message: 'field label not supported: spec.size' },
    { name: 'rejects a malformed field selector with 400', label: undefined, field: 'nonsense', message: "invalid selector: 'nonsense'; can't understand 'nonsense'" },
    { name: 'rejects a malformed label selector with 400', label: 'a in (', field: undefined, message: undefined }
  ])('$name', ({ label, field, message }) => {
    let err: { code?: number, message?: string } | undefined
    try { compileSelection(widgets, label, field) } catch (e) { err = e as { code: number } }
    expect(err?.code).toBe(400)
    if (message !== undefined) expect(err?.message).toBe(message)
  })
})
