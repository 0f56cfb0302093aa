import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import { noopLogger } from '@kube-ts/client'
import { FakeClient, FakeClock } from '@kube-ts/testing'
import type { FakeAction } from '@kube-ts/testing'
import { FakeInformer } from '../../controller-utils/testing/fake-informers.js'
import { GarbageCollector } from './garbage-collector.js'
import type { GcResource } from './gc-resources.js'

const rsRes: GcResource = { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true, kind: 'ReplicaSet', apiVersion: 'apps/v1' }
const podRes: GcResource = { group: '', version: 'v1', resource: 'pods', namespaced: true, kind: 'Pod', apiVersion: 'v1' }

interface Obj { apiVersion: string, kind: string, metadata: { name: string, namespace: string, uid: string, resourceVersion: string, deletionTimestamp?: string, finalizers?: string[], ownerReferences?: OwnerReference[] } }
const ref = (uid: string, block = true): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid, controller: true, blockOwnerDeletion: block })
const rs = (o: { deleting?: string[] } = {}): Obj => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'ns', uid: 'rs-uid', resourceVersion: '7', ...(o.deleting !== undefined ? { deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: o.deleting } : {}) } })
const pod = (name: string, refs: OwnerReference[], deleting = false): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: `${name}-uid`, resourceVersion: '3', ownerReferences: refs, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) } })

const summary = (a: FakeAction): string => `${a.verb} ${a.resource} ${a.name ?? ''}${a.verb === 'patch' ? ' ' + JSON.stringify((a.object as { metadata: object }).metadata) : ''}`

function fixture (rss: Obj[], pods: Obj[], live: { rss?: Obj[], pods?: Obj[] } = {}) {
  const client = new FakeClient(() => 0)
  for (const o of live.rss ?? rss) client.seed(rsRes, o)
  for (const o of live.pods ?? pods) client.seed(podRes, o)
  const gc = new GarbageCollector({
    client, resources: [{ res: rsRes, informer: new FakeInformer<never>(rss as never[]) }, { res: podRes, informer: new FakeInformer<never>(pods as never[]) }], logger: noopLogger, clock: new FakeClock(0)
  })
  return { client, gc }
}

describe('GarbageCollector.sync', () => {
  it.each<{ name: string, rss: Obj[], pods: Obj[], live?: { rss?: Obj[] }, key: string, want: string[] }>([
    { name: 'leaves a pod whose owner exists', rss: [rs()], pods: [pod('p', [ref('rs-uid')])], key: '|v1|pods|ns|p', want: [] },
    { name: 'deletes a pod whose owner is gone after a live read confirms it', rss: [], pods: [pod('p', [ref('rs-uid')])], live: { rss: [] }, key: '|v1|pods|ns|p', want: ['get replicasets rs', 'delete pods p'] },
    { name: 'keeps a pod whose owner the cache has not seen yet', rss: [], pods: [pod('p', [ref('rs-uid')])], live: { rss: [rs()] }, key: '|v1|pods|ns|p', want: ['get replicasets rs'] },
    { name: 'deletes a pod of an owner waiting for its dependents', rss: [rs({ deleting: ['foregroundDeletion'] })], pods: [pod('p', [ref('rs-uid')])], key: '|v1|pods|ns|p', want: ['delete pods p'] },
    { name: 'keeps the foreground finalizer while a blocking dependent exists', rss: [rs({ deleting: ['foregroundDeletion'] })], pods: [pod('p', [ref('rs-uid')], true)], key: 'apps|v1|replicasets|ns|rs', want: [] },
    { name: 'removes the foreground finalizer once only non-blocking dependents remain', rss: [rs({ deleting: ['foregroundDeletion'] })], pods: [pod('p', [ref('rs-uid', false)], true)], key: 'apps|v1|replicasets|ns|rs', want: ['patch replicasets rs {"finalizers":[],"uid":"rs-uid","resourceVersion":"7"}'] },
    { name: 'orphans dependents and then removes the orphan finalizer', rss: [rs({ deleting: ['orphan'] })], pods: [pod('p', [ref('rs-uid')])], key: 'apps|v1|replicasets|ns|rs', want: ['patch pods p {"ownerReferences":[],"uid":"p-uid","resourceVersion":"3"}', 'patch replicasets rs {"finalizers":[],"uid":"rs-uid","resourceVersion":"7"}'] },
    { name: 'drops only the dangling reference while another owner remains', rss: [rs()], pods: [pod('p', [ref('rs-uid'), { ...ref('old-uid'), name: 'old', controller: false }])], key: '|v1|pods|ns|p', want: ['get replicasets old', `patch pods p {"ownerReferences":[${JSON.stringify(ref('rs-uid'))}],"uid":"p-uid","resourceVersion":"3"}`] }
  ])('$name', async ({ rss, pods, live, key, want }) => {
    const f = fixture(rss, pods, live)
    await f.gc.sync(key)
    expect(f.client.actions.map(summary)).toEqual(want)
  })
})
