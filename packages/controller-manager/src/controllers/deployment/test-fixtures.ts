import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1.js'
import { computeHash } from '../../controller-utils/hash.js'

export const t0 = Date.parse('2026-01-01T00:00:00Z')

export interface DeploymentOpts { replicas?: number, image?: string, strategy?: 'RollingUpdate' | 'Recreate', maxSurge?: number | string, maxUnavailable?: number | string, paused?: boolean, revisionHistoryLimit?: number, progressDeadlineSeconds?: number, generation?: number, status?: Deployment['status'], annotations?: Record<string, string> }

export function newDeployment (o: DeploymentOpts = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'ns', uid: 'd-uid', generation: o.generation ?? 1, resourceVersion: '20', ...(o.annotations !== undefined ? { annotations: o.annotations } : {}) },
    spec: {
      replicas: o.replicas ?? 10,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: o.image ?? 'v1' }] } },
      strategy: o.strategy === 'Recreate' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } },
      ...(o.paused !== undefined ? { paused: o.paused } : {}),
      revisionHistoryLimit: o.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: o.progressDeadlineSeconds ?? 600
    },
    ...(o.status !== undefined ? { status: o.status } : {})
  }
}

/** A ReplicaSet the controller would have made for `image`, settled at `replicas` with `available` of them available. */
export function ownedReplicaSet (image: string, o: { replicas: number, available?: number, revision: number, created?: string, desired?: number, maxReplicas?: number }): ReplicaSet {
  const template = newDeployment({ image }).spec!.template
  const hash = computeHash(template)
  const available = o.available ?? o.replicas
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${hash}`,
      namespace: 'ns',
      uid: `rs-${image}`,
      generation: 1,
      resourceVersion: '7',
      creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      labels: { app: 'web', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(o.revision), 'deployment.kubernetes.io/desired-replicas': String(o.desired ?? 10), 'deployment.kubernetes.io/max-replicas': String(o.maxReplicas ?? 13) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }]
    },
    spec: {
      replicas: o.replicas,
      minReadySeconds: 0,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': hash } },
      template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': hash } } }
    },
    status: { replicas: o.replicas, readyReplicas: available, availableReplicas: available, fullyLabeledReplicas: o.replicas, observedGeneration: 1 }
  }
}
