import type { KubeObject } from '../meta/object.js'
import { schemaForResource } from '../schemas/registry.js'
import { tableCellsFor, tableColumnsFor } from './columns.js'
import { formatLabels, formatLabelSelector } from './format.js'

const now = new Date('2026-01-10T12:00:00Z')
const created = '2026-01-10T11:00:00Z'

function row (group: string, resource: string, obj: Record<string, unknown>, version = 'v1'): Record<string, unknown> {
  const schema = schemaForResource(group, version, resource)
  if (schema === undefined) throw new Error(`no schema for ${resource}`)
  const o = { ...obj, metadata: { name: 'x', creationTimestamp: created, ...(obj.metadata as object ?? {}) } } as KubeObject
  const cols = tableColumnsFor(schema)
  const cells = tableCellsFor(schema, o, now)
  return Object.fromEntries(cols.map((c, i) => [c.name, cells[i]]))
}

describe('deployment rows', () => {
  it('shows ready/desired, integer counters, containers and selector', () => {
    const r = row('apps', 'deployments', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox' }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }
    })
    expect(r).toEqual({ Name: 'x', Ready: '2/3', 'Up-to-date': 3, Available: 2, Age: '60m', Containers: 'a,b', Images: 'nginx:1,busybox', Selector: 'app=web' })
  })

  it('counts missing status as zero and missing replicas as one', () => {
    expect(row('apps', 'deployments', { spec: {} })).toMatchObject({ Ready: '0/1', 'Up-to-date': 0, Available: 0, Selector: '' })
  })
})

describe('service rows', () => {
  it.each([
    { name: 'a ClusterIP service lists its IP and ports', spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }], selector: { k8s: 'dns' } }, status: {}, want: { Type: 'ClusterIP', 'Cluster-IP': '10.96.0.10', 'External-IP': '<none>', 'Port(s)': '53/UDP,53/TCP', Selector: 'k8s=dns' } },
    { name: 'a NodePort service shows node ports', spec: { type: 'NodePort', clusterIPs: ['10.96.1.1'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }, status: {}, want: { 'Port(s)': '80:30080/TCP', 'External-IP': '<none>', Selector: '<none>' } },
    { name: 'a load balancer without ingress is pending', spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] }, status: {}, want: { 'External-IP': '<pending>', 'Port(s)': '<none>' } },
    { name: 'a load balancer lists sorted ingress then external IPs', spec: { type: 'LoadBalancer', externalIPs: ['1.1.1.1'], ports: [] }, status: { loadBalancer: { ingress: [{ ip: '172.18.0.9' }, { hostname: 'lb.local' }] } }, want: { 'External-IP': '172.18.0.9,lb.local,1.1.1.1' } },
    { name: 'a headless service prints None', spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [] }, status: {}, want: { 'Cluster-IP': 'None' } },
    { name: 'an ExternalName service prints its name', spec: { type: 'ExternalName', externalName: 'example.com' }, status: {}, want: { 'Cluster-IP': '<none>', 'External-IP': 'example.com' } }
  ])('$name', ({ spec, status, want }) => {
    expect(row('', 'services', { spec, status })).toMatchObject(want)
  })
})

describe('other rows', () => {
  it('prints node status, roles and version', () => {
    const r = row('', 'nodes', {
      metadata: { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'worker' } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.0' }, addresses: [{ type: 'InternalIP', address: '127.0.0.2' }] }
    })
    expect(r).toMatchObject({ Status: 'Ready,SchedulingDisabled', Roles: 'control-plane,worker', Version: 'v1.32.0', 'Internal-IP': '127.0.0.2', 'External-IP': '<none>', 'OS-Image': '<unknown>' })
  })

  it('prints endpoints with a more suffix past three', () => {
    const r = row('', 'endpoints', { subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }, { ip: 'fd00::1' }], ports: [{ port: 80 }] }] })
    expect(r.Endpoints).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...')
  })

  it('prints a job with completions, status and duration', () => {
    const r = row('batch', 'jobs', { spec: { completions: 3 }, status: { succeeded: 3, startTime: '2026-01-10T11:00:00Z', completionTime: '2026-01-10T11:02:10Z', conditions: [{ type: 'Complete', status: 'True' }] } })
    expect(r).toMatchObject({ Status: 'Complete', Completions: '3/3', Duration: '2m10s' })
  })

  it('prints a cronjob suspend flag as a string and counts active jobs', () => {
    const r = row('batch', 'cronjobs', { spec: { schedule: '*/5 * * * *', suspend: false }, status: { active: [{ name: 'a' }] } })
    expect(r).toMatchObject({ Schedule: '*/5 * * * *', Timezone: '<none>', Suspend: 'False', Active: 1, 'Last Schedule': '<none>' })
  })

  it('prints an event row with its object and the name last', () => {
    const r = row('', 'events', { type: 'Normal', reason: 'Scheduled', message: ' Assigned \n', involvedObject: { kind: 'Pod', name: 'web-0' }, source: { component: 'default-scheduler' }, lastTimestamp: '2026-01-10T11:59:00Z', firstTimestamp: '2026-01-10T11:58:00Z' })
    expect(r).toEqual({ 'Last Seen': '60s', Type: 'Normal', Reason: 'Scheduled', Object: 'pod/web-0', Subobject: '', Source: 'default-scheduler', Message: 'Assigned', 'First Seen': '2m', Count: 1, Name: 'x' })
  })

  it('prints an HPA target against its status', () => {
    const r = row('autoscaling', 'horizontalpodautoscalers', { spec: { minReplicas: 1, maxReplicas: 5, scaleTargetRef: { kind: 'Deployment', name: 'web' }, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] }, status: { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } }] } }, 'v2')
    expect(r).toMatchObject({ Reference: 'Deployment/web', Targets: 'cpu: 12%/80%', MinPods: '1', MaxPods: 5, Replicas: 2 })
  })

  it('gives kinds without a printer the Name and Created At columns', () => {
    expect(row('rbac.authorization.k8s.io', 'roles', {})).toEqual({ Name: 'x', 'Created At': created })
  })

  it('marks the default storage class inside the name cell', () => {
    const r = row('storage.k8s.io', 'storageclasses', { metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'local' })
    expect(r).toMatchObject({ Name: 'x (default)', ReclaimPolicy: 'Delete', AllowVolumeExpansion: false })
  })

  it('puts resource quota age second and splits requests from limits', () => {
    const r = row('', 'resourcequotas', { status: { hard: { pods: '10', 'limits.cpu': '2', 'requests.cpu': '1' }, used: { pods: '1' } } })
    expect(Object.keys(r)).toEqual(['Name', 'Age', 'Request', 'Limit'])
    expect(r).toMatchObject({ Request: 'pods: 1/10, requests.cpu: 0/1', Limit: 'limits.cpu: 0/2' })
  })
})

describe('selector formatting', () => {
  it.each([
    { name: 'labels sort as whole strings', input: { a: '1', 'a.b': '2' }, want: 'a.b=2,a=1' },
    { name: 'no labels print none', input: {}, want: '<none>' }
  ])('$name', ({ input, want }) => {
    expect(formatLabels(input)).toBe(want)
  })

  it.each([
    { name: 'an empty selector prints none', sel: {}, want: '<none>' },
    { name: 'expressions sort by key with sorted values', sel: { matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }, { key: 'c', operator: 'DoesNotExist' }] }, want: 'a in (x,y),b=1,!c' },
    { name: 'an unknown operator is an error', sel: { matchExpressions: [{ key: 'a', operator: 'Near' }] }, want: '<error>' }
  ])('$name', ({ sel, want }) => {
    expect(formatLabelSelector(sel)).toBe(want)
  })
})

describe('quantity cells', () => {
  it('prints persistent volume capacity in canonical form', () => {
    expect(row('', 'persistentvolumes', { spec: { capacity: { storage: '1.5Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], hostPath: { path: '/x' } }, status: { phase: 'Bound' } }))
      .toMatchObject({ Capacity: '1536Mi', 'Access Modes': 'RWO,RWX', Status: 'Bound', Claim: '', VolumeAttributesClass: '<unset>' })
  })
})

describe('events.k8s.io rows', () => {
  it('print like core events after mapping regarding, note and the deprecated fields', () => {
    const r = row('events.k8s.io', 'events', {
      apiVersion: 'events.k8s.io/v1', type: 'Warning', reason: 'BackOff', note: 'Back-off restarting', regarding: { kind: 'Pod', name: 'web-0', fieldPath: 'spec.containers{c}' },
      reportingController: 'kubelet', reportingInstance: 'n1', eventTime: '2026-01-10T11:59:30.000000Z', series: { count: 4, lastObservedTime: '2026-01-10T11:59:50.000000Z' }
    })
    expect(r).toMatchObject({ 'Last Seen': '10s', Type: 'Warning', Reason: 'BackOff', Object: 'pod/web-0', Subobject: 'spec.containers{c}', Source: 'kubelet, n1', Message: 'Back-off restarting', 'First Seen': '30s', Count: 4 })
  })
})
