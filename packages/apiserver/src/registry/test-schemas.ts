import type { FieldError, KubeObject, ResourceSchema } from '@kube-ts/api'

/**
 * Small hand-built schemas for the registry's unit and integration tests, so they exercise the generic rules
 * without depending on the real per-kind registry (which has its own tests).
 */
export function testSchema (over: Partial<ResourceSchema> & Pick<ResourceSchema, 'kind' | 'plural'>): ResourceSchema {
  return {
    group: '',
    version: 'v1',
    listKind: `${over.kind}List`,
    singular: over.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    namespaced: true,
    subresources: [],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    storageResource: over.plural,
    statusSubresource: false,
    generationFields: [],
    fieldSelectors: {},
    allowUnconditionalUpdate: false,
    defaults: () => {},
    validate: () => [],
    patchStrategies: {},
    printerColumns: [],
    ...over
  }
}

function nameRequired (obj: KubeObject): FieldError[] {
  const name = obj.metadata.name ?? ''
  if (name === '') return [{ type: 'FieldValueRequired', field: 'metadata.name', message: 'name or generateName is required' }]
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return [{ type: 'FieldValueInvalid', field: 'metadata.name', badValue: name, message: 'must be a lowercase RFC 1123 subdomain' }]
  return []
}

/** A CRD-like namespaced kind: spec tracked by generation, status subresource, a `spec.color` field selector. */
export const widgets = testSchema({
  group: 'example.com',
  kind: 'Widget',
  plural: 'widgets',
  statusSubresource: true,
  subresources: ['status'],
  generationFields: ['spec'],
  fieldSelectors: { 'spec.color': o => (o.spec as { color?: string } | undefined)?.color },
  defaults: (o) => {
    const spec = (o.spec ??= {}) as { color?: string }
    spec.color ??= 'blue'
  },
  validate: (o) => {
    const errs = nameRequired(o)
    const size = (o.spec as { size?: unknown } | undefined)?.size
    if (size !== undefined && (typeof size !== 'number' || size < 0)) errs.push({ type: 'FieldValueInvalid', field: 'spec.size', badValue: size, message: 'must be greater than or equal to 0' })
    return errs
  }
})

export const configmaps = testSchema({ kind: 'ConfigMap', plural: 'configmaps', allowUnconditionalUpdate: true, validate: nameRequired })

export const pods = testSchema({
  kind: 'Pod',
  plural: 'pods',
  statusSubresource: true,
  subresources: ['status', 'binding'],
  allowUnconditionalUpdate: true,
  fieldSelectors: { 'spec.nodeName': o => (o.spec as { nodeName?: string } | undefined)?.nodeName ?? '', 'status.phase': o => (o.status as { phase?: string } | undefined)?.phase ?? '' },
  validate: nameRequired
})

export const services = testSchema({ kind: 'Service', plural: 'services', storageResource: 'services/specs', statusSubresource: true, subresources: ['status'], allowUnconditionalUpdate: true, validate: nameRequired })

export const namespaces = testSchema({
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  statusSubresource: true,
  subresources: ['status', 'finalize'],
  allowUnconditionalUpdate: true,
  defaults: (o) => { const spec = (o.spec ??= {}) as { finalizers?: string[] }; spec.finalizers ??= ['kubernetes'] },
  validate: nameRequired
})

export const nodes = testSchema({ kind: 'Node', plural: 'nodes', storageResource: 'minions', namespaced: false, statusSubresource: true, allowUnconditionalUpdate: true, validate: nameRequired })
