import type { PatchStrategy } from '../schema/resource-schema.js'
import { prefixed } from './define.js'

// Strategic-merge keys of a PodSpec, relative to the spec (patch-semantics.md §2.6). Paths skip list indices:
// `containers.env` is the env list inside any element of `containers`.

const CONTAINER: Record<string, PatchStrategy> = {
  ports: { strategy: 'merge', mergeKey: 'containerPort' },
  env: { strategy: 'merge', mergeKey: 'name' },
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath' },
  volumeDevices: { strategy: 'merge', mergeKey: 'devicePath' },
  envFrom: { strategy: 'replace' },
  command: { strategy: 'replace' },
  args: { strategy: 'replace' }
}

export const POD_SPEC_PATCH_STRATEGIES: Record<string, PatchStrategy> = {
  containers: { strategy: 'merge', mergeKey: 'name' },
  ...prefixed('containers', CONTAINER),
  initContainers: { strategy: 'merge', mergeKey: 'name' },
  ...prefixed('initContainers', CONTAINER),
  ephemeralContainers: { strategy: 'merge', mergeKey: 'name' },
  ...prefixed('ephemeralContainers', CONTAINER),
  volumes: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  imagePullSecrets: { strategy: 'merge', mergeKey: 'name' },
  schedulingGates: { strategy: 'merge', mergeKey: 'name' },
  resourceClaims: { strategy: 'merge,retainKeys', mergeKey: 'name' },
  hostAliases: { strategy: 'merge', mergeKey: 'ip' },
  topologySpreadConstraints: { strategy: 'merge', mergeKey: 'topologyKey' },
  tolerations: { strategy: 'replace' },
  readinessGates: { strategy: 'replace' }
}

/** Pod spec keys under a pod template at `templatePath` (e.g. `spec.template`), plus the template's metadata keys. */
export function podTemplatePatchStrategies (templatePath: string): Record<string, PatchStrategy> {
  return {
    [`${templatePath}.metadata.finalizers`]: { strategy: 'merge' },
    [`${templatePath}.metadata.ownerReferences`]: { strategy: 'merge', mergeKey: 'uid' },
    ...prefixed(`${templatePath}.spec`, POD_SPEC_PATCH_STRATEGIES)
  }
}

/** `status.conditions` merged by type (every kind with conditions). */
export const CONDITIONS_BY_TYPE: Record<string, PatchStrategy> = { 'status.conditions': { strategy: 'merge', mergeKey: 'type' } }
