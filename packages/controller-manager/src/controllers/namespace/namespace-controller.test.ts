import type { Namespace } from 'kubernetes-types/core/v1.js'
import { errNotFound } from '@kube-ts/api'
import { noopLogger } from '@kube-ts/client'
import { FakeClock } from '@kube-ts/testing'
import type { ResourceRef } from '../../controller-utils/kube-client.js'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { ContentRemainingError, NamespaceController } from './namespace-controller.js'
import type { NamespaceContentApi } from './namespace-content.js'

type Res = ResourceRef & { deleteCollection: boolean }
const pods: Res = { group: '', version: 'v1', resource: 'pods', namespaced: true, deleteCollection: true }
const widgets: Res = { group: 'example.com', version: 'v1', resource: 'widgets', namespaced: true, deleteCollection: false }

/** An in-memory apiserver for one namespace: objects per resource; `stuck` objects survive deletion (finalizers). */
class RecordingContent implements NamespaceContentApi {
  readonly calls: string[] = []
  constructor (public ns: Namespace | undefined, private readonly objects: Record<string, number>, private readonly stuck: Record<string, { count: number, grace: number }> = {}) {}
  async deletableResources (): Promise<Res[]> { return [pods, widgets] }
  async deleteAll (r: Res): Promise<void> { this.calls.push(`delete ${r.resource}`); this.objects[r.resource] = 0 }
  async remaining (r: ResourceRef): Promise<{ count: number, graceSeconds: number, finalizers: Record<string, number> }> {
    const s = this.stuck[r.resource]
    return { count: (this.objects[r.resource] ?? 0) + (s?.count ?? 0), graceSeconds: s?.grace ?? 0, finalizers: s !== undefined ? { 'example.com/hold': s.count } : {} }
  }

  async getNamespace (name: string): Promise<Namespace> { if (this.ns === undefined) throw errNotFound('namespaces', name); return structuredClone(this.ns) }
  async updateStatus (ns: Namespace): Promise<Namespace> {
    const remaining = ns.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining')
    this.calls.push(`status ${ns.status?.phase ?? ''}${remaining !== undefined ? ` ${remaining.reason ?? ''}` : ''}`)
    this.ns = ns
    return ns
  }
  async finalize (ns: Namespace): Promise<Namespace> { this.calls.push(`finalize [${(ns.spec?.finalizers ?? []).join(',')}]`); this.ns = ns; return ns }
}

const ns = (o: { deleting?: boolean, phase?: string, finalizers?: string[] } = {}): Namespace => ({
  apiVersion: 'v1', kind: 'Namespace',
  metadata: { name: 'team', ...(o.deleting === false ? {} : { deletionTimestamp: '2026-01-01T00:00:00Z' }) },
  spec: { finalizers: o.finalizers ?? ['kubernetes'] },
  status: { phase: o.phase ?? 'Terminating' }
})

const controller = (api: NamespaceContentApi): NamespaceController =>
  new NamespaceController({ api, namespaceInformer: new FakeInformer<Namespace>([]), logger: noopLogger, clock: new FakeClock(0) })

describe('NamespaceController.sync', () => {
  it.each<{ name: string, ns?: Namespace, want: string[] }>([
    { name: 'deletes every resource and then removes the kubernetes finalizer', ns: ns({ finalizers: ['kubernetes', 'example.com/other'] }), want: ['delete pods', 'delete widgets', 'status Terminating ContentRemoved', 'finalize [example.com/other]'] },
    { name: 'marks a deleted namespace Terminating first', ns: ns({ phase: 'Active' }), want: ['status Terminating', 'delete pods', 'delete widgets', 'status Terminating ContentRemoved', 'finalize []'] },
    { name: 'leaves a namespace that is not being deleted alone', ns: ns({ deleting: false }), want: [] },
    { name: 'does nothing once the kubernetes finalizer is gone', ns: ns({ finalizers: [] }), want: [] },
    { name: 'does nothing for a namespace already gone', ns: undefined, want: [] }
  ])('$name', async ({ ns: start, want }) => {
    const api = new RecordingContent(start, { pods: 3, widgets: 2 })
    await controller(api).sync('team')
    expect(api.calls).toEqual(want)
  })

  it('fails the sync when finalize answers 404 for a namespace that still exists', async () => {
    const api = new RecordingContent(ns(), {})
    api.finalize = async () => { throw errNotFound('namespaces', 'team') }
    await expect(controller(api).sync('team')).rejects.toMatchObject({ code: 404 })
  })

  it('keeps the finalizer while objects remain and retries after their grace period', async () => {
    const api = new RecordingContent(ns(), { pods: 3 }, { pods: { count: 2, grace: 30 } })
    const err = await controller(api).sync('team').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ContentRemainingError)
    expect(err).toMatchObject({ remaining: 2, retryAfterMs: 30_000 })
    expect(api.calls).toEqual(['delete pods', 'delete widgets', 'status Terminating SomeResourcesRemain'])
    expect(api.ns?.status?.conditions?.filter((c) => c.status === 'True').map((c) => c.message)).toEqual([
      'Some resources are remaining: pods. has 2 resource instances',
      'Some finalizers are remaining: example.com/hold in 2 resource instances'
    ])
  })

  it('writes the conditions once while the same content remains', async () => {
    const api = new RecordingContent(ns(), {}, { pods: { count: 2, grace: 30 } })
    const c = controller(api)
    for (let i = 0; i < 2; i++) await c.sync('team').catch(() => {})
    expect(api.calls.filter((x) => x.startsWith('status'))).toEqual(['status Terminating SomeResourcesRemain'])
  })
})
