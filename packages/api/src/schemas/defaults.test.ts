import type { KubeObject } from '../meta/object.js'
import { schemaForResource } from './registry.js'

function defaulted (group: string, resource: string, obj: Record<string, unknown>, version = 'v1'): KubeObject {
  const schema = schemaForResource(group, version, resource)
  if (schema === undefined) throw new Error(`no schema for ${resource}`)
  const copy = structuredClone(obj) as KubeObject
  schema.defaults(copy)
  return copy
}

const template = (image = 'busybox') => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'c', image, ports: [{ containerPort: 80 }] }] }
})

const defaultedPodSpec = {
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  dnsPolicy: 'ClusterFirst',
  securityContext: {},
  schedulerName: 'default-scheduler',
  enableServiceLinks: true
}

const defaultedContainer = (image: string, pullPolicy: string) => ({
  name: 'c',
  image,
  imagePullPolicy: pullPolicy,
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
  resources: {},
  ports: [{ containerPort: 80, protocol: 'TCP' }]
})

// DefaultTolerationSeconds admission: 300 s for the node lifecycle's NoExecute taints
const defaultTolerations = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']
  .map(key => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }))

describe('pod defaulting', () => {
  it('keeps a pod\'s own not-ready toleration and adds only the missing unreachable one', () => {
    const own = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }
    const base = template() as { spec: Record<string, unknown> }
    const pod = defaulted('', 'pods', { metadata: { name: 'p', namespace: 'default' }, ...base, spec: { ...base.spec, tolerations: [own] } })
    expect(pod.spec.tolerations).toEqual([own, defaultTolerations[1]])
  })

  it('fills the pod spec, container and status defaults (priority is left to Priority admission)', () => {
    const pod = defaulted('', 'pods', { metadata: { name: 'p', namespace: 'default' }, ...template() })
    expect(pod.spec).toEqual({ ...defaultedPodSpec, containers: [defaultedContainer('busybox', 'Always')], tolerations: defaultTolerations })
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it.each([
    { name: 'an untagged image is always pulled', image: 'busybox', want: 'Always' },
    { name: 'a latest tag is always pulled', image: 'registry:5000/busybox:latest', want: 'Always' },
    { name: 'a pinned tag is pulled if not present', image: 'busybox:1.36', want: 'IfNotPresent' },
    { name: 'a registry port is not a tag', image: '127.0.0.1:5000/busybox', want: 'Always' },
    { name: 'a digest is pulled if not present', image: 'busybox@sha256:abc', want: 'IfNotPresent' }
  ])('$name', ({ image, want }) => {
    const pod = defaulted('', 'pods', { metadata: {}, ...template(image) })
    expect((pod.spec as any).containers[0].imagePullPolicy).toBe(want)
  })

  it('copies limits into missing requests and classifies the pod Guaranteed', () => {
    const pod = defaulted('', 'pods', { metadata: {}, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } })
    expect((pod.spec as any).containers[0].resources.requests).toEqual({ cpu: '1', memory: '1Gi' })
    expect((pod.status as any).qosClass).toBe('Guaranteed')
  })

  it('turns a source-less volume into an emptyDir and defaults configMap modes', () => {
    const pod = defaulted('', 'pods', { metadata: {}, spec: { containers: [], volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }] } })
    expect((pod.spec as any).volumes).toEqual([{ name: 'a', emptyDir: {} }, { name: 'b', configMap: { name: 'cm', defaultMode: 420 } }])
  })
})

describe('workload defaulting', () => {
  it('defaults a deployment like upstream, pod template included', () => {
    const d = defaulted('apps', 'deployments', { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: template() } })
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: { metadata: { labels: { app: 'web' } }, spec: { ...defaultedPodSpec, containers: [defaultedContainer('busybox', 'Always')] } }
    })
  })

  it('adds no rollingUpdate block to a Recreate deployment', () => {
    const d = defaulted('apps', 'deployments', { metadata: {}, spec: { strategy: { type: 'Recreate' }, template: template() } })
    expect((d.spec as any).strategy).toEqual({ type: 'Recreate' })
  })

  it('defaults a replicaset to one replica with a defaulted template', () => {
    const rs = defaulted('apps', 'replicasets', { metadata: {}, spec: { template: template() } })
    expect((rs.spec as any).replicas).toBe(1)
    expect((rs.spec as any).template.spec.dnsPolicy).toBe('ClusterFirst')
  })

  it('defaults a statefulset: ordered pods, partitioned rolling updates, retained claims', () => {
    const sts = defaulted('apps', 'statefulsets', { metadata: {}, spec: { template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] } }) as any
    expect(sts.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }
    })
    expect(sts.spec.volumeClaimTemplates[0]).toEqual({ metadata: { name: 'data' }, spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } })
  })

  it('defaults a daemonset to rolling updates of one node at a time', () => {
    const ds = defaulted('apps', 'daemonsets', { metadata: {}, spec: { template: template() } }) as any
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } })
    expect(ds.spec.revisionHistoryLimit).toBe(10)
  })

  it('defaults a job and generates its selector from the uid', () => {
    const job = defaulted('batch', 'jobs', { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } } } }) as any
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' })
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } })
    expect(job.spec.template.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' })
    expect(job.spec.template.spec.restartPolicy).toBe('Never')
  })

  it('leaves completions unset when only parallelism is given', () => {
    const job = defaulted('batch', 'jobs', { metadata: {}, spec: { parallelism: 3, template: template() } }) as any
    expect(job.spec.completions).toBeUndefined()
    expect(job.spec.parallelism).toBe(3)
  })

  it('defaults a cronjob and its job template pod spec', () => {
    const cj = defaulted('batch', 'cronjobs', { metadata: {}, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: template() } } } }) as any
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 })
    expect(cj.spec.jobTemplate.spec.template.spec.schedulerName).toBe('default-scheduler')
  })

  it('defaults a replication controller selector and labels from its template', () => {
    const rc = defaulted('', 'replicationcontrollers', { metadata: { name: 'rc' }, spec: { template: template() } }) as any
    expect(rc.spec.selector).toEqual({ app: 'web' })
    expect(rc.metadata.labels).toEqual({ app: 'web' })
    expect(rc.spec.replicas).toBe(1)
  })
})

describe('other kinds', () => {
  it('mirrors the single and plural pod IP fields as the v1 conversion does', () => {
    const pod = defaulted('', 'pods', { metadata: {}, spec: { containers: [] }, status: { podIP: '10.244.0.5', hostIPs: [{ ip: '127.0.0.2' }] } }) as any
    expect(pod.status).toMatchObject({ podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], hostIP: '127.0.0.2', hostIPs: [{ ip: '127.0.0.2' }] })
  })

  it('mirrors a node podCIDR into podCIDRs', () => {
    expect(defaulted('', 'nodes', { metadata: {}, spec: { podCIDR: '10.244.1.0/24' } }).spec).toEqual({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] })
  })

  it('defaults a ClusterIP service: affinity, protocol, target port and traffic policy', () => {
    const svc = defaulted('', 'services', { metadata: {}, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }) as any
    expect(svc.spec).toEqual({
      type: 'ClusterIP', sessionAffinity: 'None', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4']
    })
  })

  it('gives NodePort services an external traffic policy and keeps named target ports', () => {
    const svc = defaulted('', 'services', { metadata: {}, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 'http' }] } }) as any
    expect(svc.spec.externalTrafficPolicy).toBe('Cluster')
    expect(svc.spec.ports[0].targetPort).toBe('http')
  })

  it('defaults a namespace: kubernetes finalizer, Active phase, name label', () => {
    const ns = defaulted('', 'namespaces', { metadata: { name: 'team-a' } })
    expect(ns).toEqual({ metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
  })

  it('defaults a secret to Opaque and folds stringData into data', () => {
    const s = defaulted('', 'secrets', { metadata: {}, data: { a: 'eA==' }, stringData: { b: 'hi' } })
    expect(s).toEqual({ metadata: {}, type: 'Opaque', data: { a: 'eA==', b: 'aGk=' } })
  })

  it('defaults an HPA to one minimum replica and 80% CPU', () => {
    const hpa = defaulted('autoscaling', 'horizontalpodautoscalers', { metadata: {}, spec: { maxReplicas: 5, scaleTargetRef: { kind: 'Deployment', name: 'web' } } }, 'v2') as any
    expect(hpa.spec.minReplicas).toBe(1)
    expect(hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }])
    expect(hpa.spec.behavior).toBeUndefined()
  })

  it('defaults a storage class to Delete and Immediate binding', () => {
    expect(defaulted('storage.k8s.io', 'storageclasses', { metadata: {}, provisioner: 'x' })).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' })
  })
})

describe('rbac defaulting', () => {
  it.each([
    { name: 'a ServiceAccount subject keeps an empty apiGroup out of the object (omitempty upstream)', subject: { kind: 'ServiceAccount', name: 'sa', namespace: 'demo' }, want: { kind: 'ServiceAccount', name: 'sa', namespace: 'demo' } },
    { name: 'a User subject gets the rbac apiGroup', subject: { kind: 'User', name: 'bob' }, want: { kind: 'User', name: 'bob', apiGroup: 'rbac.authorization.k8s.io' } },
    { name: 'a Group subject keeps its own apiGroup', subject: { kind: 'Group', name: 'g', apiGroup: 'rbac.authorization.k8s.io' }, want: { kind: 'Group', name: 'g', apiGroup: 'rbac.authorization.k8s.io' } }
  ])('$name', ({ subject, want }) => {
    const got = defaulted('rbac.authorization.k8s.io', 'rolebindings', { metadata: { name: 'b' }, subjects: [subject], roleRef: { kind: 'Role', name: 'r' } })
    expect(got.subjects).toEqual([want])
    expect(got.roleRef).toEqual({ kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io' })
  })
})

describe('limit range defaulting', () => {
  it.each([
    { name: 'a container max becomes the default limit and the default request', item: { type: 'Container', max: { cpu: '1' } }, want: { type: 'Container', max: { cpu: '1' }, default: { cpu: '1' }, defaultRequest: { cpu: '1' } } },
    { name: 'a default limit becomes the missing default request', item: { type: 'Container', default: { memory: '256Mi' }, defaultRequest: { cpu: '100m' } }, want: { type: 'Container', default: { memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' } } },
    { name: 'a container min becomes the default request only', item: { type: 'Container', min: { cpu: '50m' } }, want: { type: 'Container', min: { cpu: '50m' }, defaultRequest: { cpu: '50m' } } },
    { name: 'pod items are left alone', item: { type: 'Pod', max: { cpu: '2' } }, want: { type: 'Pod', max: { cpu: '2' } } }
  ])('$name', ({ item, want }) => {
    const got = defaulted('', 'limitranges', { metadata: { name: 'lr' }, spec: { limits: [item] } })
    expect((got.spec as { limits: unknown[] }).limits).toEqual([want])
  })
})
