import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { Pod, ReplicationController, Service } from 'kubernetes-types/core/v1.js'
import { makePod } from '../../../testing/builders.js'
import type { Listers } from '../../interface.js'
import { defaultSelector } from './default-selector.js'

const svc = (name: string, selector: Record<string, string> | undefined, namespace = 'default'): Service => ({ metadata: { name, namespace }, spec: { selector } })
const owned = (kind: string, apiVersion: string, name: string): Pod => ({ ...makePod('p', {}, { app: 'web', tier: 'front', pod_hash: 'x' }), metadata: { name: 'p', namespace: 'default', labels: { app: 'web', tier: 'front', pod_hash: 'x' }, ownerReferences: [{ apiVersion, kind, name, uid: 'u', controller: true }] } })
const rs: ReplicaSet = { metadata: { name: 'web-rs', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'pod_hash', operator: 'In', values: ['x'] }] } } }
const sts: StatefulSet = { metadata: { name: 'web-sts', namespace: 'default' }, spec: { selector: { matchLabels: { tier: 'front' } }, serviceName: 'x', template: {} } }
const rc: ReplicationController = { metadata: { name: 'web-rc', namespace: 'default' }, spec: { selector: { tier: 'front' } } }

describe('defaultSelector', () => {
  const listers: Listers = {
    services: (ns) => [svc('web', { app: 'web' }), svc('other', { app: 'db' }), svc('manual', undefined), svc('elsewhere', { tier: 'front' }, 'other')].filter(s => s.metadata?.namespace === ns),
    replicaSets: () => [rs],
    statefulSets: () => [sts],
    replicationControllers: () => [rc]
  }
  it.each<{ name: string, pod: Pod, want: string }>([
    { name: 'takes the labels of the Services that select the pod', pod: makePod('p', {}, { app: 'web' }), want: 'app=web' },
    { name: 'is empty for a pod nothing selects', pod: makePod('p', {}, { app: 'cache' }), want: '' },
    { name: 'adds the controlling ReplicaSet selector, expressions included', pod: owned('ReplicaSet', 'apps/v1', 'web-rs'), want: 'app=web,app=web,pod_hash in (x)' },
    { name: 'adds the controlling StatefulSet selector', pod: owned('StatefulSet', 'apps/v1', 'web-sts'), want: 'app=web,tier=front' },
    { name: 'merges the controlling ReplicationController selector into the label set', pod: owned('ReplicationController', 'v1', 'web-rc'), want: 'app=web,tier=front' },
    { name: 'ignores an owner that no longer exists', pod: owned('ReplicaSet', 'apps/v1', 'gone'), want: 'app=web' },
    { name: 'ignores a Deployment owner (not one of the four kinds)', pod: owned('Deployment', 'apps/v1', 'web-rs'), want: 'app=web' }
  ])('$name', ({ pod, want }) => {
    expect(defaultSelector(pod, listers).toString()).toBe(want)
  })
})
