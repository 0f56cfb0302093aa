import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps } from './testing/fixtures.js'
import type { UnknownFieldFinder } from './field-validation.js'

/** Treats every top-level key other than the ConfigMap's own as unknown. */
const finder: UnknownFieldFinder = (_g, _v, _k, obj) =>
  Object.keys(obj as Record<string, unknown>).filter((k) => !['apiVersion', 'kind', 'metadata', 'data', 'binaryData', 'immutable'].includes(k))

const path = '/api/v1/namespaces/default/configmaps'
const body = { metadata: { name: 'a' }, data: { k: 'v' }, dta: { typo: 'x' } }

describe('server-side field validation', () => {
  it('refuses unknown fields with Strict', async () => {
    const { app, store } = newTestApp({ unknownFields: finder })
    const res = await request(app).post(`${path}?fieldValidation=Strict`).send(body)
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('strict decoding error: unknown field "dta"')
    expect(store.calls).toEqual([])
  })

  it.each([
    { name: 'explicit Warn', query: '?fieldValidation=Warn' },
    { name: 'the default', query: '' }
  ])('warns about unknown fields with $name', async ({ query }) => {
    const { app } = newTestApp({ unknownFields: finder })
    const res = await request(app).post(`${path}${query}`).send(body)
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBe('299 - "unknown field \\"dta\\""')
  })

  it('ignores unknown fields with Ignore', async () => {
    const { app } = newTestApp({ unknownFields: finder })
    const res = await request(app).post(`${path}?fieldValidation=Ignore`).send(body)
    expect(res.status).toBe(201)
    expect(res.headers.warning).toBeUndefined()
  })

  it('checks the result of a patch', async () => {
    const { app, store } = newTestApp({ unknownFields: finder })
    store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'a' } })
    const res = await request(app).patch(`${path}/a?fieldValidation=Strict`).set('Content-Type', 'application/merge-patch+json').send('{"extra":1}')
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('strict decoding error: unknown field "extra"')
  })

  it('checks a PUT body', async () => {
    const { app, store } = newTestApp({ unknownFields: finder })
    store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'a' } })
    const res = await request(app).put(`${path}/a?fieldValidation=Strict`).send(body)
    expect(res.status).toBe(400)
  })
})
