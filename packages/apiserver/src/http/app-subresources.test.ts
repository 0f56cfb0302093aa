import request from 'supertest'
import { newTestApp } from './testing/test-app.js'
import { deployments, pods, replicationcontrollers } from './testing/fixtures.js'
import { labelSelectorString } from './scale.js'

const scalePath = '/apis/apps/v1/namespaces/default/deployments/web/scale'

function withDeployment (): ReturnType<typeof newTestApp> {
  const t = newTestApp()
  t.store.seed({ schema: deployments, namespace: 'default' }, {
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web', tier: 'a' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] } },
    status: { replicas: 2 }
  })
  return t
}

describe('scale subresource', () => {
  it('reads a deployment as an autoscaling/v1 Scale', async () => {
    const res = await request(withDeployment().app).get(scalePath)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: 'uid-web', resourceVersion: expect.any(String), creationTimestamp: '2026-11-23T08:00:00Z' },
      spec: { replicas: 2 },
      status: { replicas: 2, selector: 'app=web,env in (dev,prod),tier=a' }
    })
  })

  it('scales with a merge patch, as kubectl scale does', async () => {
    const t = withDeployment()
    const res = await request(t.app).patch(scalePath).set('Content-Type', 'application/merge-patch+json').send('{"spec":{"replicas":3}}')
    expect(res.status).toBe(200)
    expect(res.body.spec.replicas).toBe(3)
    expect(t.store.calls.at(-1)).toMatchObject({ method: 'update', opts: { subresource: 'scale' } })
    const dep = await request(t.app).get('/apis/apps/v1/namespaces/default/deployments/web')
    expect(dep.body.spec.replicas).toBe(3)
    expect(dep.body.spec.selector.matchLabels).toEqual({ app: 'web', tier: 'a' })
  })

  it('accepts a PUT without Content-Type and checks its resourceVersion', async () => {
    const t = withDeployment()
    const current = await request(t.app).get(scalePath)
    const body = JSON.stringify({ ...current.body, spec: { replicas: 5 } })
    const ok = await request(t.app).put(scalePath).unset('Content-Type').send(Buffer.from(body))
    expect(ok.status).toBe(200)
    expect(ok.body.spec.replicas).toBe(5)
    const stale = await request(t.app).put(scalePath).send(body)
    expect(stale.status).toBe(409)
  })

  it('refuses negative replicas with 422', async () => {
    const res = await request(withDeployment().app).put(scalePath).send({ spec: { replicas: -1 } })
    expect(res.status).toBe(422)
    expect(res.body.details).toMatchObject({ kind: 'Scale', group: 'autoscaling', causes: [{ field: 'spec.replicas' }] })
  })

  it('answers 404 for the scale of a missing deployment', async () => {
    const res = await request(newTestApp().app).get(scalePath)
    expect(res.status).toBe(404)
  })

  it('uses a replication controller map selector', async () => {
    const t = newTestApp()
    t.store.seed({ schema: replicationcontrollers, namespace: 'default' }, { metadata: { name: 'rc' }, spec: { replicas: 1, selector: { b: '2', a: '1' } } })
    const res = await request(t.app).get('/api/v1/namespaces/default/replicationcontrollers/rc/scale')
    expect(res.body.status.selector).toBe('a=1,b=2')
  })

  it.each([
    { name: 'exists and does-not-exist', selector: { matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }, { key: 'a', operator: 'Exists' }] }, want: 'a,!b' },
    { name: 'notin', selector: { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['2', '1'] }] }, want: 'x notin (1,2)' },
    { name: 'empty', selector: {}, want: '' }
  ])('renders $name selectors canonically', ({ selector, want }) => {
    expect(labelSelectorString(selector, false)).toBe(want)
  })
})

describe('binding subresource', () => {
  const bindingBody = (node: string, pod = 'p'): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Binding', metadata: { name: pod }, target: { apiVersion: 'v1', kind: 'Node', name: node } })

  it('binds a pod to a node and marks it scheduled', async () => {
    const t = newTestApp()
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'p' }, spec: {} })
    const res = await request(t.app).post('/api/v1/namespaces/default/pods/p/binding').send(bindingBody('n1'))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Success' })
    const pod = await request(t.app).get('/api/v1/namespaces/default/pods/p')
    expect(pod.body.spec.nodeName).toBe('n1')
    expect(pod.body.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }))
    expect(t.store.calls.find((c) => c.method === 'update')).toMatchObject({ opts: { subresource: 'binding' } })
  })

  it('answers 409 when the pod is already bound', async () => {
    const t = newTestApp()
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'p' }, spec: { nodeName: 'n0' } })
    const res = await request(t.app).post('/api/v1/namespaces/default/pods/p/binding').send(bindingBody('n1'))
    expect(res.status).toBe(409)
    expect(res.body.message).toBe('Operation cannot be fulfilled on binding "p": pod p is already assigned to node "n0"')
  })

  it.each([
    { name: 'a missing target name', body: { metadata: { name: 'p' }, target: {} }, code: 422 },
    { name: 'a target that is not a Node', body: { metadata: { name: 'p' }, target: { kind: 'Pod', name: 'x' } }, code: 422 },
    { name: 'a name that differs from the URL', body: { metadata: { name: 'q' }, target: { name: 'n1' } }, code: 400 }
  ])('rejects $name', async ({ body, code }) => {
    const t = newTestApp()
    t.store.seed({ schema: pods, namespace: 'default' }, { metadata: { name: 'p' }, spec: {} })
    const res = await request(t.app).post('/api/v1/namespaces/default/pods/p/binding').send(body)
    expect(res.status).toBe(code)
  })

  it('answers 404 for binding a missing pod', async () => {
    const res = await request(newTestApp().app).post('/api/v1/namespaces/default/pods/nope/binding').send(bindingBody('n1', 'nope'))
    expect(res.status).toBe(404)
  })
})
