import type { ObjectMeta } from 'kubernetes-types/meta/v1.js'
import { formatFieldError } from '../errors/api-error.js'
import { validateMetaUpdate } from './meta-update.js'

const old: ObjectMeta = {
  name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', generation: 2, creationTimestamp: '2024-01-01T00:00:00Z', labels: { a: 'b' }
}

describe('validateMetaUpdate', () => {
  const cases: Array<{ name: string, next: ObjectMeta, previous?: ObjectMeta, want: string[] }> = [
    { name: 'an identical object is valid', next: { ...old }, want: [] },
    { name: 'labels and annotations may change', next: { ...old, labels: { a: 'c' }, annotations: { x: 'y' } }, want: [] },
    { name: 'the same instant written differently is unchanged', next: { ...old, creationTimestamp: '2024-01-01T00:00:00+00:00' }, want: [] },
    { name: 'an empty uid equals a missing one', next: { ...old, uid: '' }, previous: { ...old, uid: undefined } as ObjectMeta, want: [] },
    { name: 'the name is immutable', next: { ...old, name: 'web2' }, want: ['metadata.name: Invalid value: "web2": field is immutable'] },
    { name: 'the namespace is immutable', next: { ...old, namespace: 'other' }, want: ['metadata.namespace: Invalid value: "other": field is immutable'] },
    { name: 'the uid is immutable', next: { ...old, uid: 'u2' }, want: ['metadata.uid: Invalid value: "u2": field is immutable'] },
    { name: 'the creation timestamp is immutable', next: { ...old, creationTimestamp: '2025-01-01T00:00:00Z' }, want: ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable'] },
    { name: 'a deletion timestamp cannot be set by an update', next: { ...old, deletionTimestamp: '2025-01-01T00:00:00Z' }, want: ['metadata.deletionTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable'] },
    { name: 'the generation may not go down', next: { ...old, generation: 1 }, want: ['metadata.generation: Invalid value: 1: must not be decremented'] },
    { name: 'new labels are validated', next: { ...old, labels: { a: '-' } }, want: [expect.stringMatching(/^metadata\.labels: Invalid value: "-": a valid label/) as unknown as string] },
    {
      name: 'no finalizers may be added while deleting',
      previous: { ...old, deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['a.io/x'] },
      next: { ...old, deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['a.io/x', 'c.io/z', 'b.io/y'] },
      want: ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y", "c.io/z"}']
    },
    {
      name: 'finalizers may be removed while deleting',
      previous: { ...old, deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['a.io/x'] },
      next: { ...old, deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: [] },
      want: []
    }
  ]
  it.each(cases)('$name', ({ next, previous, want }) => {
    expect(validateMetaUpdate(next, previous ?? old).map(formatFieldError)).toEqual(want)
  })
})
