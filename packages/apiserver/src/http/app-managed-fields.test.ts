import request from 'supertest'
import { allSchemas } from '@kube-ts/api'
import { createApp } from '../app.js'
import { MemoryStorage } from '../storage/memory-storage.js'
import { GenericRegistry } from '../registry/generic-registry.js'
import { defaultPatchEngines } from './patch-engines.js'

const kubectlUA = 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07'
const kcmUA = 'kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/4cb5f07/system:serviceaccount:kube-system:deployment-controller'
const deployments = '/apis/apps/v1/namespaces/default/deployments'
const web = `${deployments}/web`
/** The body `kubectl create deployment web --image=nginx` sends. */
const created = {
  kind: 'Deployment', apiVersion: 'apps/v1', metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } }, strategy: {} },
  status: {}
}
type Entry = Record<string, any>

describe('managedFields on every write (GenericRegistry over MemoryStorage)', () => {
  let app: ReturnType<typeof createApp>
  let clock: Date
  const entries = async (path = web): Promise<Entry[]> => (await request(app).get(path)).body.metadata.managedFields
  const create = async (): Promise<void> => {
    expect((await request(app).post(`${deployments}?fieldManager=kubectl-create`).set('User-Agent', kubectlUA).send(created)).status).toBe(201)
  }

  beforeEach(async () => {
    clock = new Date('2026-11-23T10:00:00Z')
    const storage = new MemoryStorage()
    app = createApp({ store: new GenericRegistry({ storage }), schemas: allSchemas(), healthy: async () => true, patch: defaultPatchEngines(() => clock) })
    expect((await request(app).post('/api/v1/namespaces').send({ metadata: { name: 'default' } })).status).toBe(201)
  })

  it('a create records the fieldManager as an Update entry owning the sent and defaulted fields', async () => {
    await create()
    const [e] = await entries()
    expect(e).toMatchObject({ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2026-11-23T10:00:00Z', fieldsType: 'FieldsV1' })
    expect(Object.keys(e ?? {})).toEqual(['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1'])
    expect(e?.fieldsV1['f:spec']).toMatchObject({ 'f:replicas': {}, 'f:revisionHistoryLimit': {}, 'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {} }, 'f:type': {} } })
    expect(e?.fieldsV1['f:spec']['.']).toBeUndefined()
    expect(e?.fieldsV1['f:status']).toBeUndefined()
  })

  it.each([
    { name: 'kubectl without --field-manager is recorded as kubectl', ua: kubectlUA, query: '', want: 'kubectl' },
    { name: 'a controller is recorded under its binary name', ua: kcmUA, query: '', want: 'kube-controller-manager' },
    { name: 'fieldManager wins over the User-Agent', ua: kcmUA, query: '?fieldManager=mine', want: 'mine' }
  ])('$name', async ({ ua, query, want }) => {
    await request(app).post('/api/v1/namespaces/default/configmaps?fieldManager=creator').set('User-Agent', ua).send({ metadata: { name: 'c' }, data: { a: '1' } })
    const path = `/api/v1/namespaces/default/configmaps/c${query}`
    expect((await request(app).patch(path).set('User-Agent', ua).set('Content-Type', 'application/merge-patch+json').send('{"data":{"b":"2"}}')).status).toBe(200)
    const got = await entries('/api/v1/namespaces/default/configmaps/c')
    expect(got.find(e => e.manager === want)?.fieldsV1).toEqual({ 'f:data': { 'f:b': {} } })
  })

  it('an update takes changed fields from the creator; a status write gets a status entry; scale a scale entry', async () => {
    await create()
    clock = new Date('2026-11-23T11:00:00Z')
    const label = await request(app).patch(`${web}?fieldManager=kubectl-label`).set('Content-Type', 'application/merge-patch+json').send('{"metadata":{"labels":{"app":"other"}}}')
    expect(label.status).toBe(200)
    const live = (await request(app).get(web)).body
    const status = await request(app).put(`${web}/status`).set('User-Agent', kcmUA).send({ ...live, spec: { ...live.spec, paused: true }, status: { replicas: 1, conditions: [{ type: 'Available', status: 'True' }] } })
    expect(status.status).toBe(200)
    expect(status.body.spec.paused).toBeUndefined()
    const scale = await request(app).patch(`${web}/scale`).set('User-Agent', kubectlUA).set('Content-Type', 'application/merge-patch+json').send('{"spec":{"replicas":3}}')
    expect(scale.status).toBe(200)
    const got = await entries()
    expect(got.map(e => [e.manager, e.subresource ?? '', e.time ?? ''])).toEqual([
      ['kubectl', 'scale', ''],
      ['kubectl-create', '', '2026-11-23T10:00:00Z'],
      ['kube-controller-manager', 'status', '2026-11-23T11:00:00Z'],
      ['kubectl-label', '', '2026-11-23T11:00:00Z']
    ])
    expect(got[2]?.fieldsV1).toEqual({ 'f:status': { 'f:conditions': { '.': {}, 'k:{"type":"Available"}': { '.': {}, 'f:status': {}, 'f:type': {} } }, 'f:replicas': {} } })
    expect(got[3]?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { 'f:app': {} } } })
    // the creator keeps the labels map itself, the changed label moved
    expect(got[1]?.fieldsV1['f:metadata']).toEqual({ 'f:labels': {} })
    expect(got[1]?.fieldsV1['f:spec']['f:replicas']).toBeUndefined()
  })

  it('server-side apply of another replica count after a scale conflicts with the scale entry; force takes it', async () => {
    await create()
    await request(app).put(`${web}/scale`).set('User-Agent', kubectlUA).send({ spec: { replicas: 3 } })
    const config = JSON.stringify({ ...created, metadata: { name: 'web', labels: { app: 'web' } }, spec: { ...created.spec, replicas: 5 }, status: undefined })
    const applyReq = (force: boolean): request.Test => request(app).patch(`${web}?fieldManager=kubectl&force=${String(force)}`).set('Content-Type', 'application/apply-patch+yaml').send(config)
    const conflict = await applyReq(false)
    expect(conflict.status).toBe(409)
    expect(conflict.body).toMatchObject({
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale" using apps/v1', field: '.spec.replicas' }] }
    })
    expect((await applyReq(true)).status).toBe(200)
    const got = await entries()
    expect(got.find(e => e.subresource === 'scale')).toBeUndefined()
    expect(got.find(e => e.operation === 'Apply')?.fieldsV1['f:spec']).toHaveProperty('f:replicas')
  })

  it('an apply to /status is credited to the status subresource', async () => {
    await create()
    const res = await request(app).patch(`${web}/status?fieldManager=ctl`).set('Content-Type', 'application/apply-patch+yaml')
      .send(JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, status: { replicas: 1 } }))
    expect(res.status).toBe(200)
    expect((await entries()).find(e => e.manager === 'ctl')).toMatchObject({ operation: 'Apply', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } })
  })

  it('a no-op update writes nothing: same resourceVersion, same entries', async () => {
    await create()
    const before = (await request(app).get(web)).body
    clock = new Date('2026-11-23T12:00:00Z')
    const put = await request(app).put(`${web}?fieldManager=kubectl-replace`).send(before)
    expect(put.status).toBe(200)
    expect(put.body.metadata.resourceVersion).toBe(before.metadata.resourceVersion)
    expect(put.body.metadata.managedFields).toEqual(before.metadata.managedFields)
  })

  it('dryRun records nothing', async () => {
    await create()
    const before = (await request(app).get(web)).body
    const res = await request(app).patch(`${web}?fieldManager=kubectl-label&dryRun=All`).set('Content-Type', 'application/merge-patch+json').send('{"metadata":{"labels":{"x":"y"}}}')
    expect(res.body.metadata.managedFields.map((e: Entry) => e.manager)).toContain('kubectl-label')
    expect((await request(app).get(web)).body).toEqual(before)
  })

  it('managedFields [] resets the entries, and later updates stay untracked', async () => {
    await create()
    const reset = await request(app).patch(`${web}?fieldManager=m`).set('Content-Type', 'application/merge-patch+json').send('{"metadata":{"managedFields":[]}}')
    expect(reset.status).toBe(200)
    expect(reset.body.metadata.managedFields).toBeUndefined()
    await request(app).patch(`${web}?fieldManager=m`).set('Content-Type', 'application/merge-patch+json').send('{"metadata":{"labels":{"x":"y"}}}')
    expect(await entries()).toBeUndefined()
  })

  it('refuses an invalid fieldManager with 422 before writing', async () => {
    const res = await request(app).post(`/api/v1/namespaces/default/configmaps?fieldManager=${'x'.repeat(129)}`).send({ metadata: { name: 'c' } })
    expect(res.status).toBe(422)
    expect((await request(app).get('/api/v1/namespaces/default/configmaps/c')).status).toBe(404)
  })
})
