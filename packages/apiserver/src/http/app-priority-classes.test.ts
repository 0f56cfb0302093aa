import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import request from 'supertest'
import { allSchemas } from '@kube-ts/api'
import { createApp } from '../app.js'
import { MemoryStorage } from '../storage/memory-storage.js'
import { GenericRegistry } from '../registry/generic-registry.js'
import { defaultPatchEngines } from './patch-engines.js'

/** The real stack below HTTP (GenericRegistry over MemoryStorage, the real schemas), without etcd. */
function realApp (): ReturnType<typeof createApp> {
  const storage = new MemoryStorage()
  return createApp({ store: new GenericRegistry({ storage }), schemas: allSchemas(), healthy: async () => await storage.healthy(), patch: defaultPatchEngines() })
}

const PCS = '/apis/scheduling.k8s.io/v1/priorityclasses'
const PODS = '/api/v1/namespaces/default/pods'
const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'
const pc = (name: string, value: number, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra })
const pod = (name: string, spec: Record<string, unknown> = {}): Record<string, unknown> =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } })

describe('PriorityClasses and Priority admission over HTTP', () => {
  let app: ReturnType<typeof createApp>
  beforeEach(async () => {
    app = realApp()
    expect((await request(app).post('/api/v1/namespaces').send({ metadata: { name: 'default' } })).status).toBe(201)
  })

  it('is discovered as cluster-scoped scheduling.k8s.io/v1 priorityclasses with short name pc', async () => {
    const res = await request(app).get('/apis/scheduling.k8s.io/v1')
    expect(res.body.resources).toContainEqual(expect.objectContaining({ name: 'priorityclasses', namespaced: false, kind: 'PriorityClass', shortNames: ['pc'] }))
    const groups = (await request(app).get('/apis')).body.groups.map((g: { name: string }) => g.name)
    expect(groups.indexOf('scheduling.k8s.io')).toBe(groups.indexOf('coordination.k8s.io') - 1)
  })

  it('creates from the protobuf body kubectl create priorityclass sends', async () => {
    const body = readFileSync(join(__dirname, '..', 'protobuf', 'fixtures', 'priorityclass.bin'))
    const res = await request(app).post(`${PCS}?fieldManager=kubectl-create`).set('Content-Type', 'application/vnd.kubernetes.protobuf').send(body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ kind: 'PriorityClass', metadata: { name: 'pc' }, value: 1000, description: 'high', preemptionPolicy: 'Never' })
  })

  it('defaults the preemption policy and prints the upstream table', async () => {
    expect((await request(app).post(PCS).send(pc('high', 1000, { globalDefault: true }))).body.preemptionPolicy).toBe('PreemptLowerPriority')
    const res = await request(app).get(PCS).set('Accept', tableAccept)
    expect(res.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Value', 'Global-Default', 'Age', 'PreemptionPolicy'])
    expect([res.body.rows[0].cells[0], res.body.rows[0].cells[1], res.body.rows[0].cells[2], res.body.rows[0].cells[4]]).toEqual(['high', 1000, true, 'PreemptLowerPriority'])
  })

  it.each([
    { name: 'a user class above 1e9 is 422 Invalid', body: pc('huge', 1_000_000_001), code: 422, message: 'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000' },
    { name: 'a system- name that is not built in is 422 Invalid', body: pc('system-x', 1), code: 422, message: 'PriorityClass.scheduling.k8s.io "system-x" is invalid: metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only. error: system-x is not a known system priority class' }
  ])('$name', async ({ body, code, message }) => {
    const res = await request(app).post(PCS).send(body)
    expect([res.status, res.body.message]).toEqual([code, message])
  })

  it('refuses a second global default and a value change', async () => {
    await request(app).post(PCS).send(pc('normal', 1, { globalDefault: true }))
    const second = await request(app).post(PCS).send(pc('other', 2, { globalDefault: true }))
    expect([second.status, second.body.reason, second.body.message]).toEqual([403, 'Forbidden', 'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist'])
    const patched = await request(app).patch(`${PCS}/normal`).set('Content-Type', 'application/merge-patch+json').send({ value: 5 })
    expect([patched.status, patched.body.message]).toEqual([422, 'PriorityClass.scheduling.k8s.io "normal" is invalid: value: Forbidden: may not be changed in an update.'])
  })

  it.each([
    { name: 'a pod naming a class gets its value and policy', spec: { priorityClassName: 'high' }, code: 201, want: { priorityClassName: 'high', priority: 1000, preemptionPolicy: 'Never' } },
    { name: 'a pod without a class gets the global default class', spec: {}, code: 201, want: { priorityClassName: 'normal', priority: 10, preemptionPolicy: 'PreemptLowerPriority' } },
    { name: 'a pod naming an unknown class is 403 Forbidden', spec: { priorityClassName: 'foo' }, code: 403, message: 'pods "p" is forbidden: no PriorityClass with name foo was found' },
    { name: 'a pod setting its own priority that disagrees is 403 Forbidden', spec: { priorityClassName: 'high', priority: 1 }, code: 403, message: 'pods "p" is forbidden: the integer value of priority (1) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name' }
  ])('$name', async ({ spec, code, want, message }) => {
    await request(app).post(PCS).send(pc('high', 1000, { preemptionPolicy: 'Never' }))
    await request(app).post(PCS).send(pc('normal', 10, { globalDefault: true }))
    const res = await request(app).post(PODS).send(pod('p', spec))
    expect(res.status).toBe(code)
    if (want !== undefined) expect(res.body.spec).toMatchObject(want)
    else expect([res.body.reason, res.body.message]).toEqual(['Forbidden', message])
    expect((await request(app).get(`${PODS}/p`)).status).toBe(code === 201 ? 200 : 404)
  })

  it.each([
    { name: 'a pod whose spec is not an object is refused with a 4xx Status', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: 'x' } },
    { name: 'a pod whose priority is not a number is refused', body: pod('p', { priority: 'high' }) },
    { name: 'a PriorityClass whose value is a string is refused', body: pc('s', 'ten' as unknown as number), path: PCS }
  ])('$name', async ({ body, path }) => {
    const res = await request(app).post(path ?? PODS).send(body)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.kind).toBe('Status')
  })

  it('keeps the priority through a PUT that omits it and refuses one that changes it', async () => {
    await request(app).post(PCS).send(pc('high', 1000))
    const created = (await request(app).post(PODS).send(pod('p', { priorityClassName: 'high' }))).body
    const { priority: _, preemptionPolicy: __, ...spec } = created.spec
    const kept = await request(app).put(`${PODS}/p`).send({ ...created, metadata: { ...created.metadata, labels: { a: 'b' } }, spec })
    expect([kept.status, kept.body.spec.priority]).toEqual([200, 1000])
    const changed = await request(app).put(`${PODS}/p`).send({ ...kept.body, spec: { ...kept.body.spec, priority: 7 } })
    expect(changed.status).toBe(422)
  })
})
