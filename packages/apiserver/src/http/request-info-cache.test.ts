import type { Request } from 'express'
import { ApiError } from '@kube-ts/api'
import { requestInfoOf } from './request-info-cache.js'

const reqAt = (path: string): Request => ({ path } as Request)

describe('requestInfoOf', () => {
  it('parses a resource path the way parseResourcePath does', () => {
    expect(requestInfoOf(reqAt('/api/v1/namespaces/ns1/configmaps/a'))).toEqual({
      group: '', version: 'v1', namespace: 'ns1', resource: 'configmaps', name: 'a', subresource: '', legacyWatch: false
    })
  })

  it('returns the same parse for repeated calls on one request', () => {
    const req = reqAt('/apis/apps/v1/deployments')
    expect(requestInfoOf(req)).toBe(requestInfoOf(req))
  })

  it('re-parses when the request path changes', () => {
    const req = { path: '/api/v1/pods' } as { path: string }
    expect(requestInfoOf(req as Request)?.resource).toBe('pods')
    req.path = '/api/v1/services'
    expect(requestInfoOf(req as Request)?.resource).toBe('services')
  })

  it('returns undefined for paths that are not resource paths', () => {
    expect(requestInfoOf(reqAt('/api/v1'))).toBeUndefined()
  })

  it('throws the same 404 on every call for a malformed path', () => {
    const req = reqAt('/api/v1/namespaces/ns1/configmaps/a/b/c')
    for (let i = 0; i < 2; i++) {
      let thrown: unknown
      try { requestInfoOf(req) } catch (err) { thrown = err }
      expect(thrown).toBeInstanceOf(ApiError)
      expect((thrown as ApiError).code).toBe(404)
    }
  })
})
