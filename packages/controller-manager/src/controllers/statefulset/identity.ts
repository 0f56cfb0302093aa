import type { StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { PersistentVolumeClaim, Pod, PodTemplateSpec, Volume } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { controllerRevisionHashLabel } from '../daemonset/history.js'

export const podNameLabel = 'statefulset.kubernetes.io/pod-name'
export const podIndexLabel = 'apps.kubernetes.io/pod-index'

type RSet = DeepReadonly<StatefulSet>
type RPod = DeepReadonly<Pod>

/** `<set>-<ordinal>`: the stable pod name. */
export function podName (set: RSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`
}

/** The ordinal of a pod belonging to `set` by name, or undefined (upstream getParentNameAndOrdinal). */
export function ordinalOf (set: RSet, pod: RPod): number | undefined {
  const m = /^(.*)-(\d+)$/.exec(pod.metadata?.name ?? '')
  if (m === null || m[1] !== set.metadata?.name) return undefined
  return Number(m[2])
}

/** `<claim template>-<set>-<ordinal>`: the PVC a pod's volume claim template binds to. */
export function claimName (template: string, set: RSet, ordinal: number): string {
  return `${template}-${set.metadata?.name ?? ''}-${ordinal}`
}

/** The claims a pod needs, from spec.volumeClaimTemplates; labels merge the template's and the set's selector labels. */
export function claimsFor (set: RSet, ordinal: number): PersistentVolumeClaim[] {
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => {
    const { status: _status, ...copy } = structuredClone(t) as PersistentVolumeClaim
    return {
      ...copy,
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...copy.metadata,
        name: claimName(t.metadata?.name ?? '', set, ordinal),
        namespace: set.metadata?.namespace,
        labels: { ...t.metadata?.labels, ...set.spec?.selector?.matchLabels }
      }
    }
  })
}

/**
 * A pod for one ordinal at one revision (upstream newVersionedStatefulSetPod): stable name, hostname and
 * subdomain (the governing service), identity and revision labels, and claim volumes replacing same-named ones.
 */
export function newStatefulSetPod (set: RSet, template: DeepReadonly<PodTemplateSpec>, revisionName: string, ordinal: number, controllerRef: OwnerReference): Pod {
  const t = structuredClone(template) as PodTemplateSpec
  const name = podName(set, ordinal)
  const spec = t.spec ?? { containers: [] }
  spec.hostname = name
  if (set.spec?.serviceName != null && set.spec.serviceName !== '') spec.subdomain = set.spec.serviceName
  const claims = (set.spec?.volumeClaimTemplates ?? []).map(c => c.metadata?.name ?? '')
  const volumes: Volume[] = (spec.volumes ?? []).filter(v => !claims.includes(v.name))
  for (const c of claims) volumes.push({ name: c, persistentVolumeClaim: { claimName: claimName(c, set, ordinal) } })
  if (volumes.length > 0) spec.volumes = volumes
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata?.namespace,
      labels: { ...t.metadata?.labels, [podNameLabel]: name, [podIndexLabel]: String(ordinal), [controllerRevisionHashLabel]: revisionName },
      ...(t.metadata?.annotations !== undefined ? { annotations: t.metadata.annotations } : {}),
      ownerReferences: [controllerRef]
    },
    spec
  }
}

/** The revision a pod was created from (its controller-revision-hash label). */
export function podRevision (pod: RPod): string {
  return pod.metadata?.labels?.[controllerRevisionHashLabel] ?? ''
}
