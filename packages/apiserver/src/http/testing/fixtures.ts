import type { FieldError, KubeObject, ResourceSchema } from '@kube-ts/api'
import { testSchema } from '../../registry/test-schemas.js'

/**
 * Hand-built schemas for the HTTP layer's unit tests, independent of the real per-kind registry: the registry's test
 * schema, with unconditional updates allowed and names required.
 */
export function schema (over: Partial<ResourceSchema> & Pick<ResourceSchema, 'kind' | 'plural'>): ResourceSchema {
  return testSchema({ allowUnconditionalUpdate: true, validate: validName, ...over })
}

function validName (obj: KubeObject): FieldError[] {
  const name = obj.metadata.name ?? ''
  if (name === '') return [{ type: 'FieldValueRequired', field: 'metadata.name', message: 'name or generateName is required' }]
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    return [{ type: 'FieldValueInvalid', field: 'metadata.name', badValue: name, message: "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character" }]
  }
  return []
}

export const pods = schema({
  kind: 'Pod',
  plural: 'pods',
  shortNames: ['po'],
  categories: ['all'],
  subresources: ['status', 'binding', 'eviction'],
  statusSubresource: true,
  printerColumns: [
    { name: 'Name', type: 'string', format: 'name', description: 'the name', priority: 0, cell: (o) => o.metadata.name ?? '' },
    { name: 'Status', type: 'string', description: 'the phase', priority: 0, cell: (o) => (o.status as { phase?: string } | undefined)?.phase ?? 'Pending' },
    { name: 'Node', type: 'string', description: 'the node', priority: 1, cell: (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName ?? '<none>' }
  ]
})
export const podsFoobar = schema({ kind: 'Foobar', plural: 'foobar' })
export const configmaps = schema({ kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'] })
export const namespaces = schema({ kind: 'Namespace', plural: 'namespaces', namespaced: false, subresources: ['status', 'finalize'], shortNames: ['ns'] })
export const nodes = schema({ kind: 'Node', plural: 'nodes', namespaced: false, subresources: ['status'], shortNames: ['no'] })
export const events = schema({ kind: 'Event', plural: 'events', shortNames: ['ev'] })
export const deployments = schema({
  group: 'apps',
  kind: 'Deployment',
  plural: 'deployments',
  shortNames: ['deploy'],
  categories: ['all'],
  subresources: ['status', 'scale'],
  statusSubresource: true
})
export const replicationcontrollers = schema({ kind: 'ReplicationController', plural: 'replicationcontrollers', subresources: ['status', 'scale'] })
export const pdbs = schema({ group: 'policy', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', subresources: ['status'], shortNames: ['pdb'] })
export const readOnly = schema({ group: 'example.com', kind: 'Report', plural: 'reports', verbs: ['get', 'list'] })

export const allTestSchemas: ResourceSchema[] = [pods, podsFoobar, configmaps, namespaces, nodes, events, replicationcontrollers, deployments, pdbs, readOnly]
