import request from 'supertest'
import { newTestApp } from '../http/testing/test-app.js'

describe('/openapi/v2 (Swagger 2.0, JSON)', () => {
  it('serves one document with every path and definition, references into #/definitions', async () => {
    const res = await request(newTestApp().app).get('/openapi/v2').set('Accept', 'application/json')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const doc = JSON.parse(res.text)
    expect(doc).toMatchObject({ swagger: '2.0', info: { title: 'Kubernetes' } })
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }])
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment'].properties.spec).toMatchObject({ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec' })
    expect(JSON.stringify(doc)).not.toContain('#/components/schemas/')
    expect(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' })
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch
    expect(patch.consumes).toContain('application/merge-patch+json')
    expect(patch.parameters[0]).toMatchObject({ name: 'body', in: 'body', required: true })
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query', type: 'string' }))
    expect(patch.responses['200'].schema).toEqual({ $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' })
  })

  it.each([
    { name: 'no Accept header gets JSON', accept: undefined, status: 200 },
    { name: 'a wildcard gets JSON', accept: 'application/json, */*', status: 200 },
    { name: 'a type it cannot serve is not acceptable', accept: 'application/xml', status: 406 }
  ])('$name', async ({ accept, status }) => {
    const req = request(newTestApp().app).get('/openapi/v2')
    const res = await (accept === undefined ? req : req.set('Accept', accept))
    expect(res.status).toBe(status)
  })

  it('serves kubectl\'s protobuf request as gnostic\'s Document message', async () => {
    const res = await request(newTestApp().app).get('/openapi/v2').set('Accept', 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf')
      .buffer(true).parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))) })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf')
    const body = res.body as Buffer
    // field 1 (swagger, length-delimited) = "2.0", then field 2 (info)
    expect([...body.subarray(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30])
    expect(body[5]).toBe(0x12)
    expect(body.includes(Buffer.from('io.k8s.api.apps.v1.Deployment'))).toBe(true)
    expect(body.includes(Buffer.from('x-kubernetes-group-version-kind'))).toBe(true)
  })

  it('answers a matching If-None-Match with 304', async () => {
    const app = newTestApp().app
    const first = await request(app).get('/openapi/v2')
    const again = await request(app).get('/openapi/v2').set('If-None-Match', first.headers.etag ?? '')
    expect(again.status).toBe(304)
  })
})
