import type { ResourceSchema } from '@kube-ts/api'
import { buildGroupVersionDocuments } from './documents.js'
import { findUnknownFields } from './unknown-fields.js'
import type { OpenApiSchema } from './type-definitions.js'

function schema (over: Partial<ResourceSchema>): ResourceSchema {
  return {
    group: '', version: 'v1', kind: 'ConfigMap', listKind: 'ConfigMapList', plural: 'configmaps', singular: 'configmap',
    shortNames: [], categories: [], namespaced: true, subresources: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    storageResource: 'configmaps', statusSubresource: false, generationFields: [], fieldSelectors: {}, allowUnconditionalUpdate: true,
    defaults: () => {}, validate: () => [], patchStrategies: {}, printerColumns: [], ...over
  }
}

const deployments = schema({ group: 'apps', kind: 'Deployment', listKind: 'DeploymentList', plural: 'deployments', singular: 'deployment', subresources: ['status', 'scale'] })
const docs = buildGroupVersionDocuments([schema({}), deployments], 'v1.32.4')

function resolve (defs: Record<string, OpenApiSchema>, s: OpenApiSchema | undefined): OpenApiSchema | undefined {
  while (s !== undefined && (s.$ref !== undefined || s.allOf !== undefined)) {
    s = s.$ref !== undefined ? defs[s.$ref.replace('#/components/schemas/', '')] : s.allOf?.[0]
  }
  return s
}

describe('OpenAPI v3 documents', () => {
  it('serves one document per group-version with a stable content hash', () => {
    expect(docs.map(d => d.path).sort()).toEqual(['api/v1', 'apis/apps/v1'])
    const again = buildGroupVersionDocuments([schema({}), deployments], 'v1.32.4')
    expect(again.map(d => d.hash)).toEqual(docs.map(d => d.hash))
    expect(docs[0]!.hash).toMatch(/^[0-9A-F]{128}$/)
  })

  it('gives every item PATCH the GVK extension and the fieldValidation parameter kubectl probes for', () => {
    const apps = docs.find(d => d.path === 'apis/apps/v1')!.document
    const patch = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch as Record<string, unknown>
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' })
    expect((patch.parameters as Array<{ name: string }>).map(p => p.name)).toContain('fieldValidation')
    const scalePatch = apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale']!.patch as Record<string, unknown>
    expect(scalePatch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' })
  })

  it('includes every schema reachable from the kind so explain can walk nested fields', () => {
    const apps = docs.find(d => d.path === 'apis/apps/v1')!.document
    const defs = apps.components.schemas
    const dep = defs['io.k8s.api.apps.v1.Deployment']!
    expect(dep['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }])
    const spec = resolve(defs, dep.properties!.spec)!
    const template = resolve(defs, spec.properties!.template)!
    const podSpec = resolve(defs, template.properties!.spec)!
    const container = resolve(defs, podSpec.properties!.containers!.items)!
    const probe = resolve(defs, container.properties!.livenessProbe)!
    expect(probe.properties!.initialDelaySeconds).toMatchObject({ type: 'integer' })
    expect(podSpec.required).toContain('containers')
    expect(resolve(defs, container.properties!.ports!.items)!.properties!.containerPort).toMatchObject({ type: 'integer', format: 'int32' })
  })

  it('marks int-or-string fields and maps as upstream does', () => {
    const core = docs.find(d => d.path === 'api/v1')!.document.components.schemas
    expect(core['io.k8s.api.core.v1.ConfigMap']!.properties!.data).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } })
  })
})

describe('findUnknownFields', () => {
  it.each([
    ['a valid deployment has none', { metadata: { name: 'x', labels: { a: 'b' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1' } } }] } } } }, []],
    ['a misspelt spec field is reported with its path', { spec: { replicas: 1, replica: 2 } }, ['spec.replica']],
    ['fields inside list items carry the index', { spec: { template: { spec: { containers: [{ name: 'c' }, { name: 'd', imagee: 'x' }] } } } }, ['spec.template.spec.containers[1].imagee']],
    ['map values are not fields', { metadata: { annotations: { anything: 'goes' } } }, []]
  ])('%s', (_name, obj, expected) => {
    expect(findUnknownFields('apps', 'v1', 'Deployment', obj).map((u) => u.path)).toEqual(expected)
  })

  it.each([
    ['an unknown metadata field goes', { metadata: { name: 'x', nam: 'y' } }, { metadata: { name: 'x' } }],
    ['a nested unknown field inside a list item goes', { spec: { template: { spec: { containers: [{ name: 'c', foo: 1 }] } } } }, { spec: { template: { spec: { containers: [{ name: 'c' }] } } } }],
    ['labels, annotations and resource maps stay whole', { metadata: { labels: { 'a/b': 'c' }, annotations: { x: 'y' } }, spec: { template: { spec: { containers: [{ name: 'c', resources: { limits: { 'vendor.com/gpu': '1' } } }] } } } }, { metadata: { labels: { 'a/b': 'c' }, annotations: { x: 'y' } }, spec: { template: { spec: { containers: [{ name: 'c', resources: { limits: { 'vendor.com/gpu': '1' } } }] } } } }]
  ])('pruning: %s', (_name, obj, expected) => {
    findUnknownFields('apps', 'v1', 'Deployment', obj, { prune: true })
    expect(obj).toEqual(expected)
  })

  it('places each unknown field by key and item indices, the order a decoder meets them', () => {
    const obj = { metadata: { name: 'x' }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'a' }, { name: 'b', foo: 1 }] } } }, zz: 1 }
    expect(findUnknownFields('apps', 'v1', 'Deployment', obj)).toEqual([
      { path: 'spec.template.spec.containers[1].foo', order: [1, 1, 0, 0, 1, 1] },
      { path: 'zz', order: [2] }
    ])
  })

  it('finds nothing in a kind it has no schema for', () => {
    const obj = { spec: { anything: 1 } }
    expect(findUnknownFields('example.com', 'v1', 'Widget', obj, { prune: true })).toEqual([])
    expect(obj).toEqual({ spec: { anything: 1 } })
  })

  it('leaves a custom resource alone whose group starts like a built-in one', () => {
    const obj = { spec: { anything: 1 } }
    expect(findUnknownFields('apps.example.com', 'v1', 'Deployment', obj, { prune: true })).toEqual([])
    expect(obj).toEqual({ spec: { anything: 1 } })
  })
})
