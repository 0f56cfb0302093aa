import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { aggregatedDiscoveryContentType } from './discovery.js'

const kubectlDiscoveryAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'

describe('discovery', () => {
  it('serves /version with minor 32', async () => {
    const res = await request(newTestApp().app).get('/version?timeout=5s')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.4-kube-ts' })
  })

  it.each([
    { name: '/api', path: '/api', group: undefined },
    { name: '/apis', path: '/apis', group: 'apps' }
  ])('serves aggregated discovery on $name with the exact content type', async ({ path, group }) => {
    const res = await request(newTestApp().app).get(path).set('Accept', kubectlDiscoveryAccept)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(aggregatedDiscoveryContentType)
    expect(res.body.kind).toBe('APIGroupDiscoveryList')
    const names = res.body.items.map((i: { metadata: { name?: string } }) => i.metadata.name)
    expect(names).toContain(group)
  })

  it('describes deployments with their scale subresource as autoscaling/v1 Scale', async () => {
    const res = await request(newTestApp().app).get('/apis').set('Accept', kubectlDiscoveryAccept)
    const apps = res.body.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'apps')
    const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments')
    expect(deployments).toMatchObject({
      resource: 'deployments',
      singularResource: 'deployment',
      scope: 'Namespaced',
      responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      shortNames: ['deploy'],
      categories: ['all']
    })
    expect(deployments.subresources).toContainEqual({ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] })
  })

  it('marks cluster-scoped resources in aggregated discovery', async () => {
    const res = await request(newTestApp().app).get('/api').set('Accept', kubectlDiscoveryAccept)
    const nodes = res.body.items[0].versions[0].resources.find((r: { resource: string }) => r.resource === 'nodes')
    expect(nodes.scope).toBe('Cluster')
  })

  it('serves legacy APIVersions and APIGroupList for plain JSON', async () => {
    const app = newTestApp().app
    const api = await request(app).get('/api').set('Accept', 'application/json, */*')
    expect(api.headers['content-type']).toBe('application/json')
    expect(api.body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
    const apis = await request(app).get('/apis')
    expect(apis.body.kind).toBe('APIGroupList')
    expect(apis.body.groups).toContainEqual({ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } })
  })

  it('serves APIResourceList with subresources for a group version', async () => {
    const res = await request(newTestApp().app).get('/apis/apps/v1')
    expect(res.body).toMatchObject({ kind: 'APIResourceList', groupVersion: 'apps/v1' })
    expect(res.body.resources).toContainEqual({ name: 'deployments/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] })
    expect(res.body.resources).toContainEqual(expect.objectContaining({ name: 'deployments', kind: 'Deployment', shortNames: ['deploy'] }))
  })

  it('serves the core APIResourceList and an APIGroup', async () => {
    const app = newTestApp().app
    const core = await request(app).get('/api/v1')
    expect(core.body.resources).toContainEqual(expect.objectContaining({ name: 'pods/binding', kind: 'Binding', verbs: ['create'] }))
    const group = await request(app).get('/apis/apps')
    expect(group.body).toMatchObject({ kind: 'APIGroup', name: 'apps', preferredVersion: { groupVersion: 'apps/v1' } })
  })

  it.each(['/apis/nope', '/apis/nope/v1', '/api/v2'])('answers 404 for unknown discovery path %s', async (path) => {
    const res = await request(newTestApp().app).get(path)
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('the server could not find the requested resource')
  })

  it.each([
    { name: 'POST /version', path: '/version', code: 405 },
    { name: 'PUT /apis/apps/v1', path: '/apis/apps/v1', code: 405 },
    { name: 'DELETE /api', path: '/api', code: 405 },
    { name: 'POST to an unknown group', path: '/apis/nope', code: 404 }
  ])('answers $code for $name', async ({ path, code, name }) => {
    const method = name.split(' ')[0]?.toLowerCase() as 'post' | 'put' | 'delete'
    const res = await request(newTestApp().app)[method](path)
    expect(res.status).toBe(code)
    expect(res.body.kind).toBe('Status')
  })
})
