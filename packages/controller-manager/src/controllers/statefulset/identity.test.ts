import type { StatefulSet } from 'kubernetes-types/apps/v1.js'
import { claimsFor, newStatefulSetPod, ordinalOf } from './identity.js'

const set: StatefulSet = {
  metadata: { name: 'web', namespace: 'ns', uid: 'u' },
  spec: {
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'www', emptyDir: {} }, { name: 'tmp', emptyDir: {} }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]
  }
}

describe('statefulset identity', () => {
  it.each<{ name: string, pod: string, want: number | undefined }>([
    { name: 'reads the ordinal of its own pod', pod: 'web-12', want: 12 },
    { name: 'rejects another set with a shared prefix', pod: 'web-api-0', want: undefined },
    { name: 'rejects a name without an ordinal', pod: 'web-x', want: undefined }
  ])('$name', ({ pod, want }) => {
    expect(ordinalOf(set, { metadata: { name: pod } })).toBe(want)
  })

  it('names claims <template>-<set>-<ordinal> and labels them with the selector', () => {
    expect(claimsFor(set, 2)).toEqual([expect.objectContaining({ kind: 'PersistentVolumeClaim', metadata: { name: 'www-web-2', namespace: 'ns', labels: { tier: 'data', app: 'nginx' } } })])
  })

  it('builds a pod with stable network identity, revision labels and claim volumes', () => {
    const pod = newStatefulSetPod(set, set.spec?.template ?? {}, 'web-abc', 1, { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true })
    expect(pod.metadata?.name).toBe('web-1')
    expect(pod.metadata?.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-1', 'apps.kubernetes.io/pod-index': '1', 'controller-revision-hash': 'web-abc' })
    expect(pod.spec).toMatchObject({ hostname: 'web-1', subdomain: 'nginx' })
    expect(pod.spec?.volumes).toEqual([{ name: 'tmp', emptyDir: {} }, { name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }])
  })
})
