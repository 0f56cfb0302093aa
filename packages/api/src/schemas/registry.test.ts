import { allSchemas, apiGroups, schemaForKind, schemaForResource, schemasForName } from './registry.js'
import { subresourceInfo } from './subresources.js'

describe('schema registry lookups', () => {
  it.each([
    { name: 'core pods resolve by resource', group: '', version: 'v1', resource: 'pods', kind: 'Pod' },
    { name: 'apps deployments resolve by resource', group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment' },
    { name: 'autoscaling/v2 hpas resolve by resource', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler' },
    { name: 'events.k8s.io events resolve separately from core events', group: 'events.k8s.io', version: 'v1', resource: 'events', kind: 'Event' }
  ])('$name', ({ group, version, resource, kind }) => {
    const s = schemaForResource(group, version, resource)
    expect(s?.kind).toBe(kind)
    expect(schemaForKind(group, version, kind)).toBe(s)
  })

  it('returns undefined for unknown resources, kinds and versions', () => {
    expect(schemaForResource('', 'v1', 'widgets')).toBeUndefined()
    expect(schemaForResource('apps', 'v1beta1', 'deployments')).toBeUndefined()
    expect(schemaForKind('', 'v1', 'Deployment')).toBeUndefined()
  })

  it.each([
    { name: 'po finds pods', input: 'po', plural: 'pods' },
    { name: 'svc finds services', input: 'svc', plural: 'services' },
    { name: 'deploy finds deployments', input: 'deploy', plural: 'deployments' },
    { name: 'sts finds statefulsets', input: 'sts', plural: 'statefulsets' },
    { name: 'cj finds cronjobs', input: 'cj', plural: 'cronjobs' },
    { name: 'no finds nodes', input: 'no', plural: 'nodes' },
    { name: 'quota finds resourcequotas', input: 'quota', plural: 'resourcequotas' },
    { name: 'limits finds limitranges', input: 'limits', plural: 'limitranges' },
    { name: 'netpol finds networkpolicies', input: 'netpol', plural: 'networkpolicies' },
    { name: 'the singular finds the resource', input: 'deployment', plural: 'deployments' },
    { name: 'a group-qualified name finds the resource', input: 'deployments.apps', plural: 'deployments' },
    { name: 'the kind finds the resource case-insensitively', input: 'ReplicaSet', plural: 'replicasets' }
  ])('$name', ({ input, plural }) => {
    expect(schemasForName(input).map((s) => s.plural)).toContain(plural)
  })

  it('ev names both the core and the events.k8s.io events, core first', () => {
    expect(schemasForName('ev').map((s) => s.group)).toEqual(['', 'events.k8s.io'])
  })
})

describe('schema registry contents', () => {
  const all = allSchemas()

  it('lists core/v1 first and no resource twice', () => {
    expect(all[0]?.group).toBe('')
    const keys = all.map((s) => `${s.group}/${s.version}/${s.plural}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(apiGroups()[0]).toEqual({ group: '', versions: ['v1'] })
    expect(apiGroups().map((g) => g.group)).toEqual(expect.arrayContaining(['apps', 'batch', 'rbac.authorization.k8s.io', 'discovery.k8s.io']))
  })

  it('puts exactly upstream\'s kinds in the all category', () => {
    // one entry per resource: autoscaling/v1 and v2 both list horizontalpodautoscalers in `all`, as upstream
    const inAll = [...new Set(all.filter((s) => s.categories.includes('all')).map((s) => s.plural))].sort()
    expect(inAll).toEqual(['cronjobs', 'daemonsets', 'deployments', 'horizontalpodautoscalers', 'jobs', 'pods', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'])
  })

  it.each([
    { name: 'services live under services/specs', resource: 'services', storage: 'services/specs' },
    { name: 'endpoints live under services/endpoints', resource: 'endpoints', storage: 'services/endpoints' },
    { name: 'nodes live under minions', resource: 'nodes', storage: 'minions' },
    { name: 'replication controllers live under controllers', resource: 'replicationcontrollers', storage: 'controllers' }
  ])('$name', ({ resource, storage }) => {
    expect(schemaForResource('', 'v1', resource)?.storageResource).toBe(storage)
  })

  it('stores ingresses under ingress and shares the events key between both event APIs', () => {
    expect(schemaForResource('networking.k8s.io', 'v1', 'ingresses')?.storageResource).toBe('ingress')
    expect(schemaForResource('events.k8s.io', 'v1', 'events')?.storageResource).toBe(schemaForResource('', 'v1', 'events')?.storageResource)
  })

  it('gives namespaces no deletecollection and reviews only create', () => {
    expect(schemaForResource('', 'v1', 'namespaces')?.verbs).not.toContain('deletecollection')
    expect(schemaForResource('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews')?.verbs).toEqual(['create'])
    expect(schemaForResource('', 'v1', 'events')?.verbs).toHaveLength(8)
  })

  it('tracks generation for workloads but not for pods', () => {
    expect(schemaForResource('apps', 'v1', 'deployments')?.generationFields).toEqual(['spec'])
    expect(schemaForResource('', 'v1', 'pods')?.generationFields).toEqual([])
  })

  it('leaves roles, cluster roles and limit ranges without a printer, as upstream', () => {
    const bare = all.filter((s) => s.printerColumns.length === 0 && !s.verbs.every((v) => v === 'create')).map((s) => s.plural).sort()
    expect(bare).toEqual(['clusterroles', 'limitranges', 'roles'])
  })

  it('starts every printer with the Name column except events, which put it last and wide', () => {
    for (const s of all.filter((x) => x.printerColumns.length > 0)) {
      const names = s.printerColumns.filter((c) => c.format === 'name')
      expect(names).toHaveLength(1)
      if (s.kind === 'Event') expect(s.printerColumns.at(-1)).toMatchObject({ name: 'Name', priority: 1 })
      else expect(s.printerColumns[0]?.name).toBe('Name')
    }
  })

  it('marks status subresources consistently', () => {
    for (const s of all) expect(s.statusSubresource).toBe(s.subresources.includes('status'))
  })
})

describe('subresourceInfo', () => {
  it.each([
    { name: 'deployments/scale answers autoscaling/v1 Scale', resource: ['apps', 'deployments'], sub: 'scale' as const, kind: 'Scale', verbs: ['get', 'patch', 'update'] },
    { name: 'pods/binding accepts a core Binding', resource: ['', 'pods'], sub: 'binding' as const, kind: 'Binding', verbs: ['create'] },
    { name: 'pods/eviction accepts a policy Eviction', resource: ['', 'pods'], sub: 'eviction' as const, kind: 'Eviction', verbs: ['create'] },
    { name: 'services/proxy uses ServiceProxyOptions', resource: ['', 'services'], sub: 'proxy' as const, kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    { name: 'serviceaccounts/token creates a TokenRequest', resource: ['', 'serviceaccounts'], sub: 'token' as const, kind: 'TokenRequest', verbs: ['create'] }
  ])('$name', ({ resource, sub, kind, verbs }) => {
    const schema = schemaForResource(resource[0] ?? '', 'v1', resource[1] ?? '')
    if (schema === undefined) throw new Error('missing schema')
    expect(schema.subresources).toContain(sub)
    expect(subresourceInfo(schema, sub)).toMatchObject({ responseKind: { kind }, verbs })
  })
})
