import type { KubeObject, ResourceSchema } from '@kube-ts/api'

/**
 * What `status` looks like right after create, per upstream strategies' PrepareForCreate: kinds with a status
 * subresource start with an empty status (deployments, services, jobs, CRDs); pods start Pending, namespaces
 * Active, and nodes keep whatever the kubelet registered with.
 */
export function resetStatusOnCreate (schema: ResourceSchema, obj: KubeObject): void {
  if (!schema.statusSubresource) return
  const core = schema.group === ''
  if (core && schema.kind === 'Node') return
  if (core && schema.kind === 'Pod') {
    obj.status = { phase: 'Pending' }
  } else if (core && schema.kind === 'Namespace') {
    obj.status = { phase: 'Active' }
  } else {
    delete obj.status
  }
}
