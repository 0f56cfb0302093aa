import request from 'supertest'
import { cmPath, deployPath, fieldValidationApp as app } from './testing/field-validation-app.js'
import { deployments } from './testing/fixtures.js'
import { newTestApp } from './testing/test-app.js'
import { findUnknownFields } from '../openapi/unknown-fields.js'

/** Sends one write of each kind, carrying the same offending content. */
type Send = (t: ReturnType<typeof app>, query: string, body: string) => request.Test
const merge = 'application/merge-patch+json'
const sends: Record<string, Send> = {
  create: (t, q, body) => request(t.app).post(`${cmPath}${q}`).set('Content-Type', 'application/json').send(body.replace('"name":"a"', '"name":"b"')),
  update: (t, q, body) => request(t.app).put(`${cmPath}/a${q}`).set('Content-Type', 'application/json').send(body),
  merge: (t, q, body) => request(t.app).patch(`${cmPath}/a${q}`).set('Content-Type', merge).send(body),
  strategic: (t, q, body) => request(t.app).patch(`${cmPath}/a${q}`).set('Content-Type', 'application/strategic-merge-patch+json').send(body),
  apply: (t, q, body) => request(t.app).patch(`${cmPath}/a${q}${q === '' ? '?' : '&'}fieldManager=m&force=true`).set('Content-Type', 'application/apply-patch+yaml').send(body)
}
const stored = (op: string): string => op === 'create' ? 'b' : 'a'

const unknownBody = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labelz":{"x":"y"}},"data":{"k":"w"},"dta":{"typo":"x"}}'
const duplicateBody = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{"k":"w","k":"last"}}'

describe('server-side field validation: unknown fields', () => {
  it.each(['create', 'update', 'merge', 'strategic'])('a %s under Warn (the default) warns about each unknown field and stores none of them', async (op) => {
    const t = app()
    const res = await sends[op]!(t, '', unknownBody)
    expect(res.status).toBeLessThan(300)
    expect(res.headers.warning).toBe('299 - "unknown field \\"metadata.labelz\\"", 299 - "unknown field \\"dta\\""')
    expect(res.body.dta).toBeUndefined()
    const got = await request(t.app).get(`${cmPath}/${stored(op)}`)
    expect(got.body.dta).toBeUndefined()
    expect(got.body.metadata.labelz).toBeUndefined()
    expect(got.body.data).toEqual({ k: 'w' })
  })

  it.each(['create', 'update', 'merge', 'strategic'])('a %s under Ignore prunes unknown fields silently', async (op) => {
    const t = app()
    const res = await sends[op]!(t, '?fieldValidation=Ignore', unknownBody)
    expect(res.status).toBeLessThan(300)
    expect(res.headers.warning).toBeUndefined()
    const got = await request(t.app).get(`${cmPath}/${stored(op)}`)
    expect(got.body.dta).toBeUndefined()
    expect(got.body.metadata.labelz).toBeUndefined()
  })

  it.each([
    { op: 'create', code: 400, reason: 'BadRequest', message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.labelz", unknown field "dta"' },
    { op: 'update', code: 400, reason: 'BadRequest', message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.labelz", unknown field "dta"' },
    { op: 'merge', code: 422, reason: 'Invalid', message: expect.stringMatching(/^ "" is invalid: patch: Invalid value: ".*\\"dta\\".*": strict decoding error: unknown field "metadata.labelz", unknown field "dta"$/) },
    { op: 'strategic', code: 422, reason: 'Invalid', message: ' "" is invalid: patch: Invalid value: "map[apiVersion:v1 data:map[k:w] dta:map[typo:x] kind:ConfigMap metadata:map[labelz:map[x:y] name:a]]": strict decoding error: unknown field "metadata.labelz", unknown field "dta"' }
  ])('a $op under Strict is refused with $code and nothing is written', async ({ op, code, reason, message }) => {
    const t = app()
    const res = await sends[op]!(t, '?fieldValidation=Strict', unknownBody)
    expect(res.status).toBe(code)
    expect(res.body).toMatchObject({ reason, message })
    const got = await request(t.app).get(`${cmPath}/a`)
    expect(got.body.data).toEqual({ k: 'v' })
  })

  it('a JSON patch adding an unknown field warns and the field is not stored', async () => {
    const t = app()
    const res = await request(t.app).patch(`${cmPath}/a`).set('Content-Type', 'application/json-patch+json').send('[{"op":"add","path":"/spec","value":{"x":1}}]')
    expect(res.status).toBe(200)
    expect(res.headers.warning).toBe('299 - "unknown field \\"spec\\""')
    expect((await request(t.app).get(`${cmPath}/a`)).body.spec).toBeUndefined()
  })

  it('a JSON patch operation with an unknown member is reported as a json patch field', async () => {
    const t = app()
    const res = await request(t.app).patch(`${cmPath}/a?fieldValidation=Strict`).set('Content-Type', 'application/json-patch+json').send('[{"op":"add","path":"/data/z","value":"1","valu":"2"}]')
    expect(res.status).toBe(422)
    expect(res.body.message).toMatch(/strict decoding error: json patch unknown field "\[0\]\.valu"$/)
  })

  it.each(['', '?fieldValidation=Ignore', '?fieldValidation=Strict'])('server-side apply with an unknown field fails as structured-merge-diff does (%s)', async (q) => {
    const t = app()
    const res = await sends.apply!(t, q, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndta: x\n')
    expect(res.status).toBe(500)
    expect(res.body.message).toBe('failed to create typed patch object (default/a; /v1, Kind=ConfigMap): .dta: field not declared in schema')
  })

  it('nested unknown fields of a deployment are pruned, and free-form maps are kept whole', async () => {
    const t = newTestApp({ unknownFields: findUnknownFields })
    const body = {
      metadata: { name: 'd', labels: { 'any.key/x': 'v' }, annotations: { foo: 'bar' } },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i', foo: 1, resources: { limits: { 'example.com/gpu': '1' } } }] } } }
    }
    const res = await request(t.app).post(deployPath).send(body)
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBe('299 - "unknown field \\"spec.template.spec.containers[0].foo\\""')
    const got = await request(t.app).get(`${deployPath}/d`)
    expect(got.body.spec.template.spec.containers[0]).toEqual({ name: 'c', image: 'i', resources: { limits: { 'example.com/gpu': '1' } } })
    expect(got.body.metadata.labels).toEqual({ 'any.key/x': 'v' })
    expect(got.body.metadata.annotations).toEqual({ foo: 'bar' })
  })

  it('a status update prunes unknown status fields', async () => {
    const t = newTestApp({ unknownFields: findUnknownFields })
    t.store.seed({ schema: deployments, namespace: 'default' }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } })
    const res = await request(t.app).patch(`${deployPath}/d/status`).set('Content-Type', merge).send('{"status":{"replicas":1,"bogus":2}}')
    expect(res.status).toBe(200)
    expect(res.headers.warning).toBe('299 - "unknown field \\"status.bogus\\""')
    expect(res.body.status).toEqual({ replicas: 1 })
  })

  it('kinds without a known schema are stored untouched', async () => {
    const t = newTestApp({ unknownFields: findUnknownFields })
    const res = await request(t.app).post('/api/v1/namespaces/default/foobar').send({ apiVersion: 'v1', kind: 'Foobar', metadata: { name: 'f' }, anything: 1 })
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBeUndefined()
    expect(res.body.anything).toBe(1)
  })
})

describe('server-side field validation: duplicate fields', () => {
  it.each(['create', 'update', 'merge', 'strategic'])('a %s under Warn warns about the repeated key and keeps its last value', async (op) => {
    const t = app()
    const res = await sends[op]!(t, '', duplicateBody)
    expect(res.status).toBeLessThan(300)
    expect(res.headers.warning).toBe('299 - "duplicate field \\"data.k\\""')
    expect((await request(t.app).get(`${cmPath}/${stored(op)}`)).body.data).toEqual({ k: 'last' })
  })

  it.each(['create', 'update', 'merge', 'strategic'])('a %s under Ignore keeps the last value silently', async (op) => {
    const t = app()
    const res = await sends[op]!(t, '?fieldValidation=Ignore', duplicateBody)
    expect(res.status).toBeLessThan(300)
    expect(res.headers.warning).toBeUndefined()
    expect((await request(t.app).get(`${cmPath}/${stored(op)}`)).body.data).toEqual({ k: 'last' })
  })

  it.each([
    { op: 'create', code: 400, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.k"' },
    { op: 'update', code: 400, message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.k"' },
    { op: 'merge', code: 422, message: expect.stringMatching(/strict decoding error: duplicate field "data.k"$/) },
    { op: 'strategic', code: 422, message: expect.stringMatching(/strict decoding error: duplicate field "data.k"$/) }
  ])('a $op under Strict is refused with $code', async ({ op, code, message }) => {
    const t = app()
    const res = await sends[op]!(t, '?fieldValidation=Strict', duplicateBody)
    expect(res.status).toBe(code)
    expect(res.body.message).toEqual(message)
    expect((await request(t.app).get(`${cmPath}/a`)).body.data).toEqual({ k: 'v' })
  })

  it('a create repeating an object field fills it twice, as typed decoding does, while a merge patch keeps the last', async () => {
    const t = app()
    const body = '{"metadata":{"name":"m"},"data":{"k":"v"},"metadata":{"labels":{"x":"1"}}}'
    const created = await request(t.app).post(cmPath).set('Content-Type', 'application/json').send(body)
    expect(created.status).toBe(201)
    expect(created.body.metadata).toMatchObject({ name: 'm', labels: { x: '1' } })
    const patched = await request(t.app).patch(`${cmPath}/a`).set('Content-Type', merge).send('{"data":{"k":"1"},"data":{"j":"2"}}')
    expect(patched.body.data).toEqual({ k: 'v', j: '2' })
  })

  it('a JSON patch repeating an operation member is reported with the json patch prefix', async () => {
    const t = app()
    const res = await request(t.app).patch(`${cmPath}/a`).set('Content-Type', 'application/json-patch+json').send('[{"op":"add","path":"/data/z","value":"1","value":"2"}]')
    expect(res.status).toBe(200)
    expect(res.headers.warning).toBe('299 - "json patch duplicate field \\"[0].value\\""')
    expect(res.body.data.z).toBe('2')
  })

  const applyYaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: a\ndata:\n  k: one\n  k: two\n'
  it.each([
    { name: 'Strict refuses with go-yaml\'s error', q: '?fieldValidation=Strict', status: 400, warning: undefined, message: 'error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n  line 5: key "name" already set in map\n  line 8: key "k" already set in map' },
    { name: 'Warn warns once per repeated key', q: '', status: 200, warning: '299 - "line 5: key \\"name\\" already set in map", 299 - "line 8: key \\"k\\" already set in map"', message: undefined },
    { name: 'Ignore says nothing', q: '?fieldValidation=Ignore', status: 200, warning: undefined, message: undefined }
  ])('server-side apply YAML with repeated keys: $name', async ({ q, status, warning, message }) => {
    const t = app()
    const res = await sends.apply!(t, q, applyYaml)
    expect(res.status).toBe(status)
    expect(res.headers.warning).toEqual(warning)
    if (message !== undefined) expect(res.body.message).toBe(message)
    else expect(res.body.data).toEqual({ k: 'two' })
  })

  it('a YAML create reports go-yaml\'s repeats before unknown fields', async () => {
    const t = app()
    const res = await request(t.app).post(`${cmPath}?fieldValidation=Strict`).set('Content-Type', 'application/yaml').send('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\ndta: 1\ndata:\n  k: a\n  k: b\n')
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: error converting YAML to JSON: yaml: unmarshal errors:\n  line 8: key "k" already set in map, unknown field "dta"')
  })

  it.each([
    { name: 'a repeat before an unknown sibling comes first', body: '{"metadata":{"name":"b","name":"b","foo":1}}', expected: 'duplicate field "metadata.name", unknown field "metadata.foo"' },
    { name: 'an unknown field before a repeat comes first', body: '{"metadata":{"name":"b","foo":1,"name":"b"}}', expected: 'unknown field "metadata.foo", duplicate field "metadata.name"' },
    { name: 'a nested repeat precedes a later top-level unknown field', body: '{"metadata":{"name":"b","labels":{"x":"1","x":"2"}},"dta":1}', expected: 'duplicate field "metadata.labels.x", unknown field "dta"' }
  ])('Strict lists unknown and repeated fields together in document order: $name', async ({ body, expected }) => {
    const t = app()
    const res = await request(t.app).post(`${cmPath}?fieldValidation=Strict`).set('Content-Type', 'application/json').send(body)
    expect(res.status).toBe(400)
    expect(res.body.message).toBe(`ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: ${expected}`)
  })
})
