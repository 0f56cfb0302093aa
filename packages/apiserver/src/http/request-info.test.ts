import { parseResourcePath } from './request-info.js'

describe('parseResourcePath', () => {
  const cases = [
    { name: 'parses a namespaced collection', path: '/api/v1/namespaces/ns1/pods', want: { group: '', version: 'v1', namespace: 'ns1', resource: 'pods', name: '', subresource: '' } },
    { name: 'keeps ns10 distinct from ns1', path: '/api/v1/namespaces/ns10/pods/p', want: { namespace: 'ns10', resource: 'pods', name: 'p' } },
    { name: 'parses a group item with a subresource', path: '/apis/apps/v1/namespaces/d/deployments/web/scale', want: { group: 'apps', resource: 'deployments', name: 'web', subresource: 'scale' } },
    { name: 'treats /namespaces/<name> as the namespace object', path: '/api/v1/namespaces/kube-system', want: { namespace: '', resource: 'namespaces', name: 'kube-system' } },
    { name: 'treats /namespaces/<name>/status as the namespace status', path: '/api/v1/namespaces/a/status', want: { namespace: '', resource: 'namespaces', name: 'a', subresource: 'status' } },
    { name: 'parses the all-namespaces pod path', path: '/api/v1/pods', want: { namespace: '', resource: 'pods', name: '' } },
    { name: 'recognises the legacy watch prefix', path: '/api/v1/watch/namespaces/a/pods', want: { legacyWatch: true, namespace: 'a', resource: 'pods' } },
    { name: 'ignores a trailing slash', path: '/api/v1/nodes/', want: { resource: 'nodes', name: '' } }
  ]
  it.each(cases)('$name', ({ path, want }) => {
    expect(parseResourcePath(path)).toMatchObject(want)
  })

  it.each([
    { name: 'the group list', path: '/apis' },
    { name: 'a group', path: '/apis/apps' },
    { name: 'a group version', path: '/apis/apps/v1' },
    { name: 'the core version', path: '/api/v1' },
    { name: 'an unrelated path', path: '/openapi/v3' }
  ])('returns undefined for discovery path: $name', ({ path }) => {
    expect(parseResourcePath(path)).toBeUndefined()
  })

  it.each([
    { name: 'too many segments', path: '/api/v1/namespaces/a/pods/p/status/extra', code: 404 },
    { name: 'an encoded slash in a name', path: '/api/v1/namespaces/a/pods/..%2f..%2fsecrets', code: 404 },
    { name: 'a dot-dot segment', path: '/api/v1/namespaces/a/pods/..', code: 404 },
    { name: 'a malformed escape', path: '/api/v1/namespaces/a/pods/%zz', code: 400 }
  ])('rejects $name', ({ path, code }) => {
    expect(() => parseResourcePath(path)).toThrow(expect.objectContaining({ code }))
  })
})
