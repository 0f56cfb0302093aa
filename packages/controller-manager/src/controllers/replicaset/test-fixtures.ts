import type { Pod } from 'kubernetes-types/core/v1.js'
import type { ReplicatedObject } from './workload-kind.js'

export const t0 = Date.parse('2026-01-01T00:00:00Z')

export function newReplicaSet (o: { name?: string, replicas?: number, minReadySeconds?: number, generation?: number, uid?: string, labels?: Record<string, string>, status?: ReplicatedObject['status'], deleting?: boolean } = {}): ReplicatedObject {
  const labels = o.labels ?? { app: 'web' }
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: o.name ?? 'web', namespace: 'ns', uid: o.uid ?? 'rs-uid', generation: o.generation ?? 1, resourceVersion: '10', ...(o.deleting === true ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
    spec: {
      replicas: o.replicas ?? 2,
      minReadySeconds: o.minReadySeconds ?? 0,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }
    },
    ...(o.status !== undefined ? { status: o.status } : {})
  }
}

export interface PodOpts { phase?: string, ready?: boolean, readySince?: string, node?: string, created?: string, owner?: ReplicatedObject | null, labels?: Record<string, string>, deleting?: boolean }

export function newPod (name: string, o: PodOpts = {}): Pod {
  const owner = o.owner === undefined ? newReplicaSet() : o.owner
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      resourceVersion: '5',
      creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      labels: o.labels ?? { app: 'web' },
      ...(o.deleting === true ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(owner === null ? {} : { ownerReferences: [{ apiVersion: owner.apiVersion ?? 'apps/v1', kind: owner.kind ?? 'ReplicaSet', name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] })
    },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...(o.node !== undefined ? { nodeName: o.node } : {}) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === true ? 'True' : 'False', lastTransitionTime: o.readySince ?? '2026-01-01T00:00:00Z' }]
    }
  }
}
