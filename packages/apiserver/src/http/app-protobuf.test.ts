import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { configmaps } from './testing/fixtures.js'

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'protobuf', 'fixtures', name))
const protobuf = 'application/vnd.kubernetes.protobuf'

describe('protobuf request bodies', () => {
  it('creates from the body kubectl create configmap sends', async () => {
    const { app } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/default/configmaps?fieldManager=kubectl-create&fieldValidation=Strict')
      .set('Content-Type', protobuf).set('Accept', 'application/vnd.kubernetes.protobuf,application/json')
      .send(fixture('configmap.bin'))
    expect(res.status).toBe(201)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.body).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { a: 'b', empty: '' } })
  })

  it('refuses a protobuf object of another kind than the URL', async () => {
    const { app } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/default/pods').set('Content-Type', protobuf).send(fixture('configmap.bin'))
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('the kind in the data (ConfigMap) does not match the expected kind (Pod)')
  })

  it('answers 400 for malformed protobuf', async () => {
    const { app, store } = newTestApp()
    const res = await request(app).post('/api/v1/namespaces/default/configmaps').set('Content-Type', protobuf).send(Buffer.from('k8s\u0000\u00ff\u00ff\u00ff'))
    expect(res.status).toBe(400)
    expect(store.calls).toEqual([])
  })

  it('reads protobuf DeleteOptions', async () => {
    const { app, store } = newTestApp()
    store.seed({ schema: configmaps, namespace: 'default' }, { metadata: { name: 'c' } })
    const res = await request(app).delete('/api/v1/namespaces/default/configmaps/c').set('Content-Type', protobuf).send(fixture('delete-options.bin'))
    expect(res.status).toBe(200)
    expect(store.calls.at(-1)).toMatchObject({ method: 'delete', opts: { gracePeriodSeconds: 7 } })
  })
})
