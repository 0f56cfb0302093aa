import type { Job, JobSpec } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'

export const t0 = Date.parse('2026-01-01T00:00:00Z')
export const iso = (ms: number): string => new Date(ms).toISOString()

/** A job as the apiserver stores it: generated selector and template labels, started at t0. */
export function newJob (spec: Partial<JobSpec> = {}, o: { name?: string, status?: Job['status'] } = {}): Job {
  const labels = { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': o.name ?? 'pi' }
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name ?? 'pi', namespace: 'ns', uid: 'job-uid', resourceVersion: '10', creationTimestamp: iso(t0) },
    spec: {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      ...spec,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-uid' } },
      template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }], ...spec.template?.spec } }
    },
    status: o.status ?? { startTime: iso(t0) }
  }
}

export function jobPodOf (name: string, phase: string, o: { index?: number, finishedAt?: number, exitCode?: number, ready?: boolean, restarts?: number } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ns',
      uid: `uid-${name}`,
      resourceVersion: '5',
      creationTimestamp: iso(t0),
      labels: { 'batch.kubernetes.io/controller-uid': 'job-uid', 'batch.kubernetes.io/job-name': 'pi' },
      ...(o.index !== undefined ? { annotations: { 'batch.kubernetes.io/job-completion-index': String(o.index) } } : {}),
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', controller: true, blockOwnerDeletion: true }]
    },
    spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: o.ready === true ? 'True' : 'False' }],
      containerStatuses: [{
        name: 'c', image: 'busybox', imageID: '', ready: o.ready === true, restartCount: o.restarts ?? 0,
        state: phase === 'Failed' || phase === 'Succeeded' ? { terminated: { exitCode: o.exitCode ?? (phase === 'Failed' ? 1 : 0), finishedAt: iso(o.finishedAt ?? t0) } } : { running: {} }
      }]
    }
  }
}
