import { FakeClient } from './fake-client.js'

const pods = { group: '', version: 'v1', resource: 'pods', namespaced: true, kind: 'Pod' }
const rs = { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true, kind: 'ReplicaSet' }

describe('FakeClient', () => {
  it('records every verb with resource, namespace, name, subresource and body', async () => {
    const c = new FakeClient(() => 0)
    const created = await c.resource(pods).create('ns', { metadata: { generateName: 'web-' } })
    const name = (created as { metadata: { name: string } }).metadata.name
    await c.resource(pods).get('ns', name)
    await c.resource(pods).patch('ns', name, 'merge', { metadata: { labels: { a: 'b' } } })
    await c.resource(pods).delete('ns', name)
    expect(c.actions.map(a => [a.verb, a.resource, a.namespace, a.name, a.subresource])).toEqual([
      ['create', 'pods', 'ns', undefined, undefined],
      ['get', 'pods', 'ns', name, undefined],
      ['patch', 'pods', 'ns', name, undefined],
      ['delete', 'pods', 'ns', name, undefined]
    ])
    expect(c.writes().map(a => a.verb)).toEqual(['create', 'patch', 'delete'])
  })

  it.each([
    { name: 'get of a missing object is NotFound', run: async (c: FakeClient) => await c.resource(pods).get('ns', 'x'), reason: 'NotFound' },
    { name: 'delete of a missing object is NotFound', run: async (c: FakeClient) => await c.resource(pods).delete('ns', 'x'), reason: 'NotFound' },
    { name: 'create of an existing name is AlreadyExists', run: async (c: FakeClient) => await c.resource(rs).create('ns', { metadata: { name: 'seeded' } }), reason: 'AlreadyExists' },
    { name: 'update with a stale resourceVersion is a Conflict', run: async (c: FakeClient) => await c.resource(rs).update('ns', { metadata: { name: 'seeded', resourceVersion: '999' } }), reason: 'Conflict' }
  ])('$name', async ({ run, reason }) => {
    const c = new FakeClient()
    c.seed(rs, { metadata: { name: 'seeded', namespace: 'ns' } })
    await expect(run(c)).rejects.toMatchObject({ reason })
  })

  it('gives generated names distinct suffixes and stamps uid, generation and resourceVersion', async () => {
    const c = new FakeClient()
    const names = new Set<string>()
    for (let i = 0; i < 50; i++) {
      const p = await c.resource<{ metadata: { name: string, uid: string, generation: number, resourceVersion: string } }>(pods).create('ns', { metadata: { generateName: 'p-' } } as never)
      names.add(p.metadata.name)
      expect(p.metadata).toMatchObject({ generation: 1, uid: expect.stringMatching(/.+/), resourceVersion: expect.stringMatching(/^\d+$/) })
    }
    expect(names.size).toBe(50)
  })

  it('updateStatus changes only status and update keeps status, bumping generation on spec changes', async () => {
    const c = new FakeClient()
    c.seed(rs, { metadata: { name: 'r', namespace: 'ns', generation: 1 }, spec: { replicas: 1 }, status: { replicas: 0 } })
    const s = await c.resource<Record<string, any>>(rs).updateStatus('ns', { metadata: { name: 'r' }, spec: { replicas: 9 }, status: { replicas: 3 } })
    expect(s).toMatchObject({ spec: { replicas: 1 }, status: { replicas: 3 }, metadata: { generation: 1 } })
    expect(c.actions[0]).toMatchObject({ verb: 'update', subresource: 'status' })
    const u = await c.resource<Record<string, any>>(rs).update('ns', { metadata: { name: 'r' }, spec: { replicas: 2 }, status: { replicas: 7 } })
    expect(u).toMatchObject({ spec: { replicas: 2 }, status: { replicas: 3 }, metadata: { generation: 2 } })
  })

  it('lets a reactor fail a verb for one resource', async () => {
    const c = new FakeClient()
    c.prependReactor('create', 'pods', () => { throw Object.assign(new Error('quota'), { reason: 'Forbidden' }) })
    await expect(c.resource(pods).create('ns', { metadata: { name: 'a' } })).rejects.toMatchObject({ reason: 'Forbidden' })
    await expect(c.resource(rs).create('ns', { metadata: { name: 'a' } })).resolves.toBeDefined()
    expect(c.actions).toHaveLength(2)
  })

  it('streams later changes to a watcher until its signal aborts', async () => {
    const c = new FakeClient()
    const ac = new AbortController()
    const seen: string[] = []
    const done = (async () => { for await (const ev of c.resource(pods).watch('ns', {}, ac.signal)) { seen.push(ev.type); if (seen.length === 2) ac.abort() } })()
    await new Promise(resolve => setImmediate(resolve))
    await c.resource(pods).create('ns', { metadata: { name: 'a' } })
    await c.resource(pods).delete('ns', 'a')
    await done
    expect(seen).toEqual(['ADDED', 'DELETED'])
  })
})
