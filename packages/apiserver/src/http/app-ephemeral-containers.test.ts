import request from 'supertest'
import { allSchemas, schemaForResource } from '@kube-ts/api'
import type { ResourceSchema } from '@kube-ts/api'
import { createApp } from '../app.js'
import { MemoryStorage } from '../storage/memory-storage.js'
import { GenericRegistry } from '../registry/generic-registry.js'
import { take } from '../registry/registry-harness.js'
import { defaultPatchEngines } from './patch-engines.js'

const podPath = '/api/v1/namespaces/default/pods/web'
const ecPath = `${podPath}/ephemeralcontainers`
const smp = 'application/strategic-merge-patch+json'
// what kubectl debug web --image=busybox -c debugger sends (a two-way strategic merge patch of the pod)
const debugPatch = '{"spec":{"ephemeralContainers":[{"image":"busybox","imagePullPolicy":"Always","name":"debugger","resources":{},"terminationMessagePolicy":"File"}]}}'

async function withPod (): Promise<{ app: ReturnType<typeof createApp>, registry: GenericRegistry }> {
  const storage = new MemoryStorage()
  const registry = new GenericRegistry({ storage })
  const app = createApp({ store: registry, schemas: allSchemas(), healthy: async () => true, patch: defaultPatchEngines() })
  expect((await request(app).post('/api/v1/namespaces').send({ metadata: { name: 'default' } })).status).toBe(201)
  const created = await request(app).post('/api/v1/namespaces/default/pods')
    .send({ metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } })
  expect(created.status).toBe(201)
  return { app, registry }
}

const podSchema = schemaForResource('', 'v1', 'pods') as ResourceSchema

describe('pods/ephemeralcontainers', () => {
  it('adds a debug container from the strategic merge patch kubectl debug sends', async () => {
    const { app } = await withPod()
    const before = await request(app).get(podPath)
    const res = await request(app).patch(ecPath).set('Content-Type', smp).send(debugPatch)
    expect(res.status).toBe(200)
    expect(res.body.kind).toBe('Pod')
    expect(res.body.spec.ephemeralContainers).toEqual([{ name: 'debugger', image: 'busybox', imagePullPolicy: 'Always', resources: {}, terminationMessagePolicy: 'File', terminationMessagePath: '/dev/termination-log' }])
    expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(Number(before.body.metadata.resourceVersion))
    // pods carry no generation in 1.32
    expect(res.body.metadata.generation).toBeUndefined()
    const after = await request(app).get(ecPath)
    expect(after.body.spec.ephemeralContainers.map((c: { name: string }) => c.name)).toEqual(['debugger'])
  })

  it('ignores every other change sent through the subresource', async () => {
    const { app } = await withPod()
    const res = await request(app).patch(ecPath).set('Content-Type', 'application/merge-patch+json')
      .send({ metadata: { labels: { app: 'changed' } }, spec: { activeDeadlineSeconds: 5, ephemeralContainers: [{ name: 'd', image: 'busybox' }] }, status: { phase: 'Running' } })
    expect(res.status).toBe(200)
    expect(res.body.metadata.labels).toEqual({ app: 'web' })
    expect(res.body.spec.activeDeadlineSeconds).toBeUndefined()
    expect(res.body.status.phase).toBe('Pending')
    expect(res.body.spec.ephemeralContainers).toHaveLength(1)
  })

  it('sends a MODIFIED watch event with the new ephemeral container', async () => {
    const { app, registry } = await withPod()
    const current = await request(app).get(podPath)
    const ac = new AbortController()
    const it = registry.watch({ schema: podSchema, namespace: 'default' }, { resourceVersion: current.body.metadata.resourceVersion }, ac.signal)[Symbol.asyncIterator]()
    const events = take(it, 1)
    expect((await request(app).patch(ecPath).set('Content-Type', smp).send(debugPatch)).status).toBe(200)
    const [ev] = await events
    ac.abort()
    expect(ev?.type).toBe('MODIFIED')
    expect((ev?.object.spec as { ephemeralContainers: Array<{ name: string }> }).ephemeralContainers[0]?.name).toBe('debugger')
  })

  it('refuses removing an ephemeral container with a PUT (422 with the upstream message)', async () => {
    const { app } = await withPod()
    const added = await request(app).patch(ecPath).set('Content-Type', smp).send(debugPatch)
    const body = { ...added.body, spec: { ...added.body.spec, ephemeralContainers: [] } }
    const res = await request(app).put(ecPath).send(body)
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({
      reason: 'Invalid',
      details: { name: 'web', kind: 'Pod', causes: [{ reason: 'FieldValueForbidden', field: 'spec.ephemeralContainers', message: 'Forbidden: existing ephemeral containers "debugger" may not be removed\n' }] }
    })
  })

  it('refuses forbidden fields with 422 and one cause each', async () => {
    const { app } = await withPod()
    const res = await request(app).patch(ecPath).set('Content-Type', smp)
      .send('{"spec":{"ephemeralContainers":[{"name":"app","image":"busybox","ports":[{"containerPort":80}]}]}}')
    expect(res.status).toBe(422)
    expect(res.body.details.causes.map((c: { field: string }) => c.field)).toEqual(['spec.ephemeralContainers[0].name', 'spec.ephemeralContainers[0].ports'])
    expect((await request(app).get(podPath)).body.spec.ephemeralContainers).toBeUndefined()
  })

  it('refuses adding an ephemeral container through the pod itself', async () => {
    const { app } = await withPod()
    const res = await request(app).patch(podPath).set('Content-Type', smp).send(debugPatch)
    expect(res.status).toBe(422)
    expect(res.body.details.causes[0]).toMatchObject({ field: 'spec', reason: 'FieldValueForbidden' })
  })

  it.each([
    { name: 'a strategic merge patch', send: async (app: ReturnType<typeof createApp>) => await request(app).patch('/api/v1/namespaces/default/pods/nope/ephemeralcontainers').set('Content-Type', smp).send(debugPatch) },
    { name: 'a server-side apply (never creates through a subresource)', send: async (app: ReturnType<typeof createApp>) => await request(app).patch('/api/v1/namespaces/default/pods/nope/ephemeralcontainers?fieldManager=x').set('Content-Type', 'application/apply-patch+yaml').send('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nope"},"spec":{"containers":[{"name":"a","image":"b"}]}}') },
    { name: 'a GET', send: async (app: ReturnType<typeof createApp>) => await request(app).get('/api/v1/namespaces/default/pods/nope/ephemeralcontainers') }
  ])('answers 404 for $name of a missing pod', async ({ send }) => {
    const { app } = await withPod()
    const res = await send(app)
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('pods "nope" not found')
  })
})
