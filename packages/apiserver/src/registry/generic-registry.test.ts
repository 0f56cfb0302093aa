import type { KubeObject } from '@kube-ts/api'
import { MemoryStorage } from '../storage/memory-storage.js'
import type { GenericRegistry } from './generic-registry.js'
import { caught, named, newRegistry, scope, summary, take } from './registry-harness.js'
import { configmaps, namespaces, pods, services, widgets } from './test-schemas.js'

const W = { dryRun: false }
const D = { dryRun: false }

let storage: MemoryStorage
let reg: GenericRegistry
beforeEach(async () => {
  storage = new MemoryStorage()
  reg = await newRegistry(storage, { now: () => new Date('2026-01-02T03:04:05Z'), bookmarkIntervalMs: 50 }, ['default', 'ns1', 'ns10'])
})
afterEach(async () => { await reg.close() })

describe('create', () => {
  it('stores the object under /registry/<resource>/<namespace>/<name> with server-set metadata', async () => {
    const out = await reg.create(scope(widgets), named('a', { spec: { size: 1 } }), W)
    const raw = await storage.get('/registry/widgets/default/a')
    expect(raw?.metadata.uid).toBe(out.metadata.uid)
    expect(out).toMatchObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { namespace: 'default', generation: 1, creationTimestamp: '2026-01-02T03:04:05Z' } })
    expect(out.metadata.resourceVersion).toBe(raw?.metadata.resourceVersion)
  })

  it.each([
    { name: 'answers a duplicate name with 409 AlreadyExists', ns: 'default', setup: true, code: 409, message: 'widgets.example.com "a" already exists' },
    { name: 'refuses to create in a namespace that does not exist with 404', ns: 'missing', setup: false, code: 404, message: 'namespaces "missing" not found' }
  ])('$name', async ({ ns, setup, code, message }) => {
    if (setup) await reg.create(scope(widgets), named('a'), W)
    expect(await caught(reg.create(scope(widgets, ns), named('a'), W))).toMatchObject({ code, message })
  })

  it('refuses to create in a terminating namespace with 403, even right after a create there', async () => {
    await reg.create(scope(widgets, 'ns1'), named('before'), W)
    await reg.delete(scope(namespaces), 'ns1', D)
    expect(await caught(reg.create(scope(widgets, 'ns1'), named('a'), W))).toMatchObject({
      code: 403, reason: 'Forbidden', message: 'widgets.example.com "a" is forbidden: unable to create new content in namespace ns1 because it is being terminated'
    })
  })

  it('generates a name from generateName with 5 characters of the upstream alphabet', async () => {
    const out = await reg.create(scope(widgets), { metadata: { generateName: 'web-' } }, W)
    expect(out.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })

  it('retries generateName on a collision', async () => {
    const picks = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    const r = await newRegistry(new MemoryStorage(), { random: () => picks.shift() ?? 2 })
    await r.create(scope(widgets), named('web-bbbbb'), W)
    const out = await r.create(scope(widgets), { metadata: { generateName: 'web-' } }, W)
    expect(out.metadata.name).toBe('web-ccccc')
  })

  it('does not store anything on dryRun', async () => {
    const out = await reg.create(scope(widgets), named('dry'), { dryRun: true })
    expect(out.metadata.uid).toBeDefined()
    expect(await storage.get('/registry/widgets/default/dry')).toBeUndefined()
  })
})

describe('get and list', () => {
  beforeEach(async () => {
    await reg.create(scope(widgets, 'ns1'), named('a', { metadata: { labels: { app: 'web' } }, spec: { color: 'red' } }), W)
    await reg.create(scope(widgets, 'ns1'), named('b', { metadata: { labels: { app: 'db' } } }), W)
    await reg.create(scope(widgets, 'ns10'), named('c', { metadata: { labels: { app: 'web' } } }), W)
  })

  it('gets an object with apiVersion and kind, and 404s a missing one', async () => {
    expect(await reg.get(scope(widgets, 'ns1'), 'a')).toMatchObject({ apiVersion: 'example.com/v1', kind: 'Widget' })
    expect(await caught(reg.get(scope(widgets, 'ns1'), 'zz'))).toMatchObject({ code: 404, message: 'widgets.example.com "zz" not found' })
  })

  it.each([
    { name: 'lists one namespace without leaking a namespace sharing its prefix', ns: 'ns1', q: {}, want: ['a', 'b'] },
    { name: 'lists all namespaces for an empty namespace', ns: '', q: {}, want: ['a', 'b', 'c'] },
    { name: 'filters by label selector', ns: '', q: { labelSelector: 'app=web' }, want: ['a', 'c'] },
    { name: 'filters by metadata.namespace field selector', ns: '', q: { fieldSelector: 'metadata.namespace=ns10' }, want: ['c'] },
    { name: 'filters by a kind-specific field selector', ns: '', q: { fieldSelector: 'spec.color=red' }, want: ['a'] },
    { name: 'combines label and field selectors', ns: '', q: { labelSelector: 'app=web', fieldSelector: 'metadata.name!=a' }, want: ['c'] }
  ])('$name', async ({ ns, q, want }) => {
    const list = await reg.list(scope(widgets, ns), q)
    expect(list.items.map(i => i.metadata.name)).toEqual(want)
    expect(list).toMatchObject({ apiVersion: 'example.com/v1', kind: 'WidgetList' })
    expect(list.items.every(i => i.kind === 'Widget')).toBe(true)
    expect(Number(list.metadata.resourceVersion)).toBe(await storage.currentRevision())
  })

  it('rejects an unsupported field label with 400', async () => {
    expect(await caught(reg.list(scope(widgets, ''), { fieldSelector: 'spec.size=1' }))).toMatchObject({ code: 400, message: 'field label not supported: spec.size' })
  })

  it('paginates over one snapshot: later writes do not show up and the list resourceVersion stays', async () => {
    const first = await reg.list(scope(widgets, ''), { limit: 2 })
    expect(first.items.map(i => i.metadata.name)).toEqual(['a', 'b'])
    expect(first.metadata.remainingItemCount).toBe(1)
    await reg.create(scope(widgets, 'ns10'), named('d'), W)
    await reg.delete(scope(widgets, 'ns10'), 'c', D)
    const second = await reg.list(scope(widgets, ''), { limit: 2, continue: first.metadata.continue ?? '' })
    expect(second.items.map(i => i.metadata.name)).toEqual(['c'])
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion)
    expect(second.metadata.continue).toBeUndefined()
  })

  it('fills limited pages with matching items only', async () => {
    const page = await reg.list(scope(widgets, ''), { limit: 1, labelSelector: 'app=web' })
    expect(page.items.map(i => i.metadata.name)).toEqual(['a'])
    const next = await reg.list(scope(widgets, ''), { limit: 1, labelSelector: 'app=web', continue: page.metadata.continue ?? '' })
    expect(next.items.map(i => i.metadata.name)).toEqual(['c'])
  })

  it('reads an older snapshot with resourceVersionMatch=Exact', async () => {
    const before = await reg.list(scope(widgets, 'ns1'), {})
    await reg.delete(scope(widgets, 'ns1'), 'a', D)
    const exact = await reg.list(scope(widgets, 'ns1'), { resourceVersion: before.metadata.resourceVersion ?? '', resourceVersionMatch: 'Exact' })
    expect(exact.items.map(i => i.metadata.name)).toEqual(['a', 'b'])
  })

  it('answers a resourceVersion from the future with 504 Too large resource version', async () => {
    expect(await caught(reg.list(scope(widgets, 'ns1'), { resourceVersion: '99999' }))).toMatchObject({ code: 504, reason: 'Timeout' })
    expect(await caught(reg.get(scope(widgets, 'ns1'), 'a', { resourceVersion: '99999' }))).toMatchObject({ code: 504 })
  })
})

describe('update', () => {
  const put = (r: GenericRegistry, obj: KubeObject, opts = {}) => r.update(scope(widgets), obj.metadata.name ?? '', () => obj, { dryRun: false, ...opts })

  it('keeps the resourceVersion and writes nothing for a no-op update', async () => {
    const created = await reg.create(scope(widgets), named('a', { spec: { size: 1 } }), W)
    const rev = await storage.currentRevision()
    const out = await put(reg, structuredClone(created))
    expect(out.object.metadata.resourceVersion).toBe(created.metadata.resourceVersion)
    expect(await storage.currentRevision()).toBe(rev)
  })

  it('bumps generation on a spec change but not on a label change', async () => {
    const created = await reg.create(scope(widgets), named('a', { spec: { size: 1 } }), W)
    const labelled = await put(reg, { ...structuredClone(created), metadata: { ...created.metadata, labels: { x: 'y' } } })
    expect(labelled.object.metadata.generation).toBe(1)
    const resized = await put(reg, { ...structuredClone(labelled.object), spec: { size: 2 } })
    expect(resized.object.metadata.generation).toBe(2)
  })

  it('answers a stale resourceVersion with 409', async () => {
    const created = await reg.create(scope(widgets), named('a'), W)
    await put(reg, { ...structuredClone(created), spec: { size: 5 } })
    expect(await caught(put(reg, { ...structuredClone(created), spec: { size: 6 } }))).toMatchObject({ code: 409, reason: 'Conflict' })
  })

  it('re-applies a patch-style mutation to fresh state (no conflict for read-modify-write)', async () => {
    await reg.create(scope(widgets), named('a', { spec: { size: 1 } }), W)
    const out = await reg.update(scope(widgets), 'a', (cur) => ({ ...(cur as KubeObject), metadata: { ...(cur as KubeObject).metadata, labels: { p: '1' } } }), W)
    expect(out.object.metadata.labels).toEqual({ p: '1' })
  })

  it('404s an update of a missing object unless allowCreate is set', async () => {
    expect(await caught(put(reg, named('nope')))).toMatchObject({ code: 404 })
    const out = await put(reg, named('nope'), { allowCreate: true })
    expect(out.created).toBe(true)
    expect(out.object.metadata.uid).toBeDefined()
  })

  it('keeps status on a main-resource write and spec on a status write', async () => {
    const created = await reg.create(scope(widgets), named('a', { spec: { size: 1 } }), W)
    const st = await reg.update(scope(widgets), 'a', () => ({ ...structuredClone(created), status: { ready: true }, spec: { size: 9 } }), { dryRun: false, subresource: 'status' })
    expect(st.object).toMatchObject({ status: { ready: true }, spec: { size: 1 } })
    const main = await put(reg, { ...structuredClone(st.object), status: { ready: false } })
    expect(main.object.status).toEqual({ ready: true })
  })

  it('deletes an object being deleted when its last finalizer is removed', async () => {
    await reg.create(scope(widgets), named('a', { metadata: { finalizers: ['x'] } }), W)
    const marked = await reg.delete(scope(widgets), 'a', D)
    expect(marked.deleted).toBe(false)
    await reg.update(scope(widgets), 'a', cur => ({ ...(cur as KubeObject), metadata: { ...(cur as KubeObject).metadata, finalizers: [] } }), W)
    expect(await storage.get('/registry/widgets/default/a')).toBeUndefined()
  })
})

describe('delete', () => {
  it('deletes and returns the last state', async () => {
    await reg.create(scope(configmaps), named('c'), W)
    const out = await reg.delete(scope(configmaps), 'c', D)
    expect(out.deleted).toBe(true)
    expect(out.object).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'c' } })
    expect(await caught(reg.get(scope(configmaps), 'c'))).toMatchObject({ code: 404 })
    expect(await caught(reg.delete(scope(configmaps), 'c', D))).toMatchObject({ code: 404, message: 'configmaps "c" not found' })
  })

  it('keeps an object with finalizers, marks it, and accepts a second delete', async () => {
    await reg.create(scope(configmaps), named('c', { metadata: { finalizers: ['keep'] } }), W)
    const first = await reg.delete(scope(configmaps), 'c', D)
    expect(first).toMatchObject({ deleted: false, object: { metadata: { deletionTimestamp: '2026-01-02T03:04:05Z', deletionGracePeriodSeconds: 0 } } })
    const second = await reg.delete(scope(configmaps), 'c', D)
    expect(second.deleted).toBe(false)
  })

  it('checks uid preconditions', async () => {
    await reg.create(scope(configmaps), named('c'), W)
    expect(await caught(reg.delete(scope(configmaps), 'c', { dryRun: false, preconditions: { uid: 'other' } }))).toMatchObject({ code: 409 })
  })

  it('leaves a scheduled pod for the kubelet and deletes it on the final grace-0 delete', async () => {
    await reg.create(scope(pods), named('p', { spec: { nodeName: 'n1', terminationGracePeriodSeconds: 10 } }), W)
    const marked = await reg.delete(scope(pods), 'p', D)
    expect(marked).toMatchObject({ deleted: false, object: { metadata: { deletionTimestamp: '2026-01-02T03:04:15Z', deletionGracePeriodSeconds: 10 } } })
    const done = await reg.delete(scope(pods), 'p', { dryRun: false, gracePeriodSeconds: 0, preconditions: { uid: marked.object.metadata.uid ?? '' } })
    expect(done.deleted).toBe(true)
  })

  it.each(['default', 'kube-system', 'kube-public'])('refuses to delete the immortal namespace %s with 403 and leaves it Active', async (ns) => {
    await reg.create(scope(namespaces), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as KubeObject, W).catch(() => undefined)
    expect(await caught(reg.delete(scope(namespaces), ns, D))).toMatchObject({ code: 403, reason: 'Forbidden', message: `namespaces "${ns}" is forbidden: this namespace may not be deleted`, details: { name: ns, kind: 'namespaces' } })
    expect((await storage.get(`/registry/namespaces/${ns}`))?.metadata.deletionTimestamp).toBeUndefined()
  })

  it('keeps a deleted namespace Terminating until its finalize write clears spec.finalizers', async () => {
    const marked = await reg.delete(scope(namespaces), 'ns10', D)
    expect(marked).toMatchObject({ deleted: false, object: { status: { phase: 'Terminating' }, spec: { finalizers: ['kubernetes'] } } })
    await reg.update(scope(namespaces), 'ns10', cur => ({ ...(cur as KubeObject), spec: { finalizers: [] } }), { dryRun: false, subresource: 'finalize' })
    expect(await caught(reg.get(scope(namespaces), 'ns10'))).toMatchObject({ code: 404 })
  })

  it('does not delete on dryRun', async () => {
    await reg.create(scope(configmaps), named('c'), W)
    await reg.delete(scope(configmaps), 'c', { dryRun: true })
    expect(await reg.get(scope(configmaps), 'c')).toBeDefined()
  })

  it('deletes a collection honouring selectors and returns what it deleted', async () => {
    for (const [n, app] of [['a', 'web'], ['b', 'db'], ['c', 'web']]) await reg.create(scope(configmaps), named(n ?? '', { metadata: { labels: { app } } }), W)
    const out = await reg.deleteCollection(scope(configmaps), { labelSelector: 'app=web' }, D)
    expect(out.items.map(i => i.metadata.name).sort()).toEqual(['a', 'c'])
    expect((await reg.list(scope(configmaps), {})).items.map(i => i.metadata.name)).toEqual(['b'])
  })
})

describe('services', () => {
  const svc = (name: string, spec: Record<string, unknown> = {}): KubeObject => named(name, { spec: { ports: [{ port: 80 }], ...spec } })
  const ipOf = (o: KubeObject): string => (o.spec as { clusterIP: string }).clusterIP

  it('allocates unique cluster IPs from the service range', async () => {
    const a = await reg.create(scope(services), svc('a'), W)
    const b = await reg.create(scope(services), svc('b'), W)
    expect(ipOf(a)).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\./)
    expect(ipOf(a)).not.toBe(ipOf(b))
  })

  it('does not leak an IP when the create fails, nor on dryRun', async () => {
    await reg.create(scope(services), svc('a', { clusterIP: '10.96.0.20' }), W)
    expect(await caught(reg.create(scope(services), svc('a', { clusterIP: '10.96.0.21' }), W))).toMatchObject({ code: 409 })
    await reg.create(scope(services), svc('b', { clusterIP: '10.96.0.22' }), { dryRun: true })
    expect(ipOf(await reg.create(scope(services), svc('c', { clusterIP: '10.96.0.21' }), W))).toBe('10.96.0.21')
    expect(ipOf(await reg.create(scope(services), svc('d', { clusterIP: '10.96.0.22' }), W))).toBe('10.96.0.22')
  })

  it('releases the IP on delete', async () => {
    await reg.create(scope(services), svc('a', { clusterIP: '10.96.0.30' }), W)
    await reg.delete(scope(services), 'a', D)
    expect(ipOf(await reg.create(scope(services), svc('b', { clusterIP: '10.96.0.30' }), W))).toBe('10.96.0.30')
  })

  it('rebuilds allocations from storage in a new registry (apiserver restart)', async () => {
    await reg.create(scope(services), svc('a', { clusterIP: '10.96.0.40', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), W)
    const restarted = await newRegistry(storage, {}, [])
    expect(await caught(restarted.create(scope(services), svc('b', { clusterIP: '10.96.0.40' }), W))).toMatchObject({ code: 422 })
    expect(await caught(restarted.create(scope(services), svc('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), W))).toMatchObject({ code: 422 })
  })
})

describe('watch', () => {
  const open = (ns: string, q: Parameters<GenericRegistry['watch']>[1]) => {
    const ctl = new AbortController()
    const it = reg.watch(scope(configmaps, ns), q, ctl.signal)[Symbol.asyncIterator]()
    return { it, stop: () => { ctl.abort() } }
  }

  it('sends the current state as ADDED, then live events, for an unset resourceVersion', async () => {
    await reg.create(scope(configmaps), named('a'), W)
    const w = open('default', {})
    expect(summary(await take(w.it, 1))).toEqual(['ADDED a'])
    await reg.create(scope(configmaps), named('b'), W)
    await reg.delete(scope(configmaps), 'a', D)
    const evs = await take(w.it, 2)
    expect(summary(evs)).toEqual(['ADDED b', 'DELETED a'])
    expect(evs.every(e => e.object.kind === 'ConfigMap' && e.object.apiVersion === 'v1')).toBe(true)
    w.stop()
  })

  it('resumes after a resourceVersion without synthetic events', async () => {
    const a = await reg.create(scope(configmaps), named('a'), W)
    await reg.create(scope(configmaps), named('b'), W)
    const w = open('default', { resourceVersion: a.metadata.resourceVersion ?? '' })
    expect(summary(await take(w.it, 1))).toEqual(['ADDED b'])
    w.stop()
  })

  it('turns label changes into ADDED and DELETED for a selector watch', async () => {
    const created = await reg.create(scope(configmaps), named('a', { metadata: { labels: { app: 'db' } } }), W)
    const w = open('default', { resourceVersion: created.metadata.resourceVersion ?? '', labelSelector: 'app=web' })
    const relabel = async (app: string) => reg.update(scope(configmaps), 'a', cur => ({ ...(cur as KubeObject), metadata: { ...(cur as KubeObject).metadata, labels: { app } } }), W)
    await relabel('web')
    await relabel('db')
    expect(summary(await take(w.it, 2))).toEqual(['ADDED a', 'DELETED a'])
    w.stop()
  })

  it('ends the initial events with an annotated BOOKMARK for sendInitialEvents', async () => {
    await reg.create(scope(configmaps), named('a'), W)
    const w = open('default', { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true })
    const evs = await take(w.it, 2)
    expect(summary(evs)[0]).toBe('ADDED a')
    expect(evs[1]).toMatchObject({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } } })
    w.stop()
  })

  it('sends periodic bookmarks carrying only the resourceVersion', async () => {
    const a = await reg.create(scope(configmaps), named('a'), W)
    const w = open('default', { resourceVersion: a.metadata.resourceVersion ?? '', allowWatchBookmarks: true })
    const [ev] = await take(w.it, 1)
    expect(ev).toEqual({ type: 'BOOKMARK', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { resourceVersion: a.metadata.resourceVersion } } })
    w.stop()
  })

  it('advances bookmarks past events the watch filtered out', async () => {
    const a = await reg.create(scope(configmaps), named('a'), W)
    const w = open('default', { resourceVersion: a.metadata.resourceVersion ?? '', allowWatchBookmarks: true, labelSelector: 'app=none' })
    await take(w.it, 1) // the stream (and the shared cache it reads from) is running
    const other = await reg.create(scope(configmaps, 'ns1'), named('elsewhere'), W)
    const evs = await take(w.it, 3)
    expect(evs.every(e => e.type === 'BOOKMARK')).toBe(true)
    expect(evs.map(e => Number(e.object.metadata.resourceVersion))).toContain(Number(other.metadata.resourceVersion))
    w.stop()
  })

  it('ends the stream after timeoutSeconds', async () => {
    const w = open('default', { timeoutSeconds: 1 })
    const started = Date.now()
    expect(await take(w.it, 1, 3000)).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('sends a 410 Expired ERROR event for a compacted resourceVersion', async () => {
    const a = await reg.create(scope(configmaps), named('a'), W)
    await reg.create(scope(configmaps), named('b'), W)
    await storage.compact(await storage.currentRevision())
    const w = open('default', { resourceVersion: String(Number(a.metadata.resourceVersion) - 1) })
    const [ev] = await take(w.it, 1)
    expect(ev).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } })
    w.stop()
  })

  it('validates the watch query before streaming', () => {
    expect(() => reg.watch(scope(configmaps), { fieldSelector: 'spec.x=1' }, new AbortController().signal)).toThrow('field label not supported: spec.x')
  })
})
