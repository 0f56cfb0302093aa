import type { KubeObject } from '@kube-ts/api'
import { deployments, pods } from './testing/fixtures.js'
import { resetFieldsFor } from './reset-fields.js'

const obj = (extra: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { a: 'b' }, finalizers: ['f'] }, spec: {}, status: {}, ...extra }) as unknown as KubeObject

describe('resetFieldsFor', () => {
  it.each([
    { name: 'the main resource of a kind with a status subresource does not own status', subresource: '', want: ['status'] },
    { name: '/status owns status, labels and annotations and nothing else', subresource: 'status', want: ['metadata.name', 'metadata.finalizers', 'spec', 'extra'] }
  ])('$name', ({ subresource, want }) => {
    expect(resetFieldsFor(deployments, subresource, obj({}), obj({ extra: 1 })).sort()).toEqual(want.sort())
  })

  it('a kind without a status subresource resets nothing on the main resource', () => {
    expect(resetFieldsFor({ ...pods, statusSubresource: false }, '', undefined, obj({}))).toEqual([])
  })
})
