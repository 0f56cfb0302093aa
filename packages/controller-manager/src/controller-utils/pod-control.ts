import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import type { OwnerReference } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly } from '@kube-ts/api'
import { isNotFound } from '@kube-ts/api'
import { isNamespaceTerminating, resources } from '@kube-ts/client'
import type { EventRecorder } from './events.js'
import { FailedCreatePodReason, FailedDeletePodReason, SuccessfulCreatePodReason, SuccessfulDeletePodReason } from './events.js'
import type { KubeClient } from './kube-client.js'

/** Pod writes a workload controller makes; the seam unit tests may replace (upstream controller.PodControlInterface). */
export interface PodControl {
  /** Creates one pod from the template, owned by `owner` through `controllerRef`; returns the created pod. */
  createPod: (namespace: string, template: DeepReadonly<PodTemplateSpec>, owner: object, controllerRef: OwnerReference, signal?: AbortSignal) => Promise<Pod>
  /** Deletes a pod; a pod that is already gone counts as deleted. */
  deletePod: (namespace: string, name: string, owner: object, signal?: AbortSignal) => Promise<void>
  /** Patches a pod's metadata (adoption and release of owner references). */
  patchPod: (namespace: string, name: string, patch: unknown, signal?: AbortSignal) => Promise<void>
}

/** The pod a template describes: labels, annotations and finalizers copied, named `<generateName>xxxxx`. */
export function podFromTemplate (template: DeepReadonly<PodTemplateSpec>, generateName: string, controllerRef: OwnerReference): Pod {
  const t = structuredClone(template) as PodTemplateSpec
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName, ownerReferences: [controllerRef] },
    spec: t.spec
  }
  const meta = pod.metadata as NonNullable<Pod['metadata']>
  if (t.metadata?.labels !== undefined) meta.labels = t.metadata.labels
  if (t.metadata?.annotations !== undefined) meta.annotations = t.metadata.annotations
  if (t.metadata?.finalizers !== undefined) meta.finalizers = t.metadata.finalizers
  return pod
}

/** PodControl over the API, recording the upstream events on each outcome. */
export class ApiPodControl implements PodControl {
  constructor (private readonly client: KubeClient, private readonly recorder: EventRecorder, private readonly fieldManager?: string) {}

  async createPod (namespace: string, template: DeepReadonly<PodTemplateSpec>, owner: object, controllerRef: OwnerReference, signal?: AbortSignal): Promise<Pod> {
    // upstream names pods `<owner name>-` + random suffix (getPodsPrefix).
    const prefix = `${(owner as { metadata?: { name?: string } }).metadata?.name ?? 'pod'}-`
    const pod = podFromTemplate(template, prefix.length > 58 ? prefix.slice(0, 58) : prefix, controllerRef)
    if (Object.keys(pod.metadata?.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels')
    try {
      const created = await this.client.resource<Pod>(resources.pods).create(namespace, pod, { fieldManager: this.fieldManager, signal })
      this.recorder.normal(owner, SuccessfulCreatePodReason, `Created pod: ${created.metadata?.name ?? ''}`)
      return created
    } catch (err) {
      // upstream reports no failure for a namespace being deleted: nothing can be created there any more
      if (!isNamespaceTerminating(err)) this.recorder.warning(owner, FailedCreatePodReason, `Error creating: ${(err as Error).message}`)
      throw err
    }
  }

  async deletePod (namespace: string, name: string, owner: object, signal?: AbortSignal): Promise<void> {
    try {
      await this.client.resource<Pod>(resources.pods).delete(namespace, name, { signal })
      this.recorder.normal(owner, SuccessfulDeletePodReason, `Deleted pod: ${name}`)
    } catch (err) {
      if (isNotFound(err)) return
      this.recorder.warning(owner, FailedDeletePodReason, `Error deleting: ${(err as Error).message}`)
      throw err
    }
  }

  async patchPod (namespace: string, name: string, patch: unknown, signal?: AbortSignal): Promise<void> {
    await this.client.resource<Pod>(resources.pods).patch(namespace, name, 'merge', patch, { fieldManager: this.fieldManager, signal })
  }
}
