import type { Job } from 'kubernetes-types/batch/v1.js'
import type { Pod } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { podFromTemplate } from '../../controller-utils/pod-control.js'
import { completionIndexKey } from './indexes.js'

/** Upstream's env var exposing the completion index to every container of an Indexed Job pod. */
export const completionIndexEnv = 'JOB_COMPLETION_INDEX'

/**
 * A pod for the job from its template, named `<job>-` + random suffix; for Indexed jobs `<job>-<index>-` with
 * the index as annotation, label, hostname and JOB_COMPLETION_INDEX env var (upstream addCompletionIndex*).
 */
export function jobPod (job: DeepReadonly<Job>, controllerRef: OwnerReference, index?: number): Pod {
  const name = job.metadata?.name ?? 'job'
  const prefix = index === undefined ? `${name}-` : `${name}-${index}-`
  const pod = podFromTemplate(job.spec?.template ?? {}, prefix.length > 58 ? prefix.slice(0, 58) : prefix, controllerRef)
  if (index === undefined) return pod
  const meta = pod.metadata as NonNullable<Pod['metadata']>
  meta.annotations = { ...meta.annotations, [completionIndexKey]: String(index) }
  meta.labels = { ...meta.labels, [completionIndexKey]: String(index) }
  const spec = pod.spec
  if (spec !== undefined) {
    spec.hostname ??= `${name}-${index}`
    const env = { name: completionIndexEnv, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${completionIndexKey}']` } } }
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      if (!(c.env ?? []).some(e => e.name === completionIndexEnv)) c.env = [...(c.env ?? []), env]
    }
  }
  return pod
}
