import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { DeepReadonly, GroupVersionKind, Selector } from '@kube-ts/api'
import { selectorFromLabelSelector } from '@kube-ts/api'
import { resources } from '@kube-ts/client'
import type { ResourceRef } from '../../controller-utils/kube-client.js'
import * as names from '../names.js'

export interface ReplicaCondition {
  type: string
  status: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface ReplicaStatus {
  replicas: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  observedGeneration?: number
  conditions?: ReplicaCondition[]
}

/** The fields a ReplicaSet and a ReplicationController share (upstream converts RCs to RSs the same way). */
export interface ReplicatedObject {
  apiVersion?: string
  kind?: string
  metadata: { name?: string, namespace?: string, uid?: string, generation?: number, resourceVersion?: string, deletionTimestamp?: string, labels?: Record<string, string>, annotations?: Record<string, string>, ownerReferences?: Array<{ apiVersion: string, kind: string, name: string, uid: string, controller?: boolean }> }
  spec?: { replicas?: number, minReadySeconds?: number, selector?: LabelSelector | Record<string, string>, template?: PodTemplateSpec }
  status?: ReplicaStatus
}

/** What differs between the two kinds this controller manages. */
export interface WorkloadKind {
  controllerName: string
  /** The component its events name as their source (upstream's RC manager says `replication-controller`). */
  eventSource: string
  resource: ResourceRef
  gvk: GroupVersionKind
  /** The pod selector; throws (BadRequest) when the stored selector is invalid. */
  selectorOf: (obj: DeepReadonly<ReplicatedObject>) => Selector
}

export const replicaSetKind: WorkloadKind = {
  controllerName: names.ReplicaSetController,
  eventSource: names.ReplicaSetController,
  resource: resources.replicaSets,
  gvk: { group: 'apps', version: 'v1', kind: 'ReplicaSet' },
  selectorOf: (obj) => selectorFromLabelSelector(obj.spec?.selector as LabelSelector | undefined)
}

/** RC selectors are plain label maps; the apiserver defaults an empty one to the template's labels. */
export const replicationControllerKind: WorkloadKind = {
  controllerName: names.ReplicationControllerController,
  eventSource: 'replication-controller',
  resource: resources.replicationControllers,
  gvk: { group: '', version: 'v1', kind: 'ReplicationController' },
  selectorOf: (obj) => {
    const map = (obj.spec?.selector ?? {}) as Record<string, string>
    const matchLabels = Object.keys(map).length > 0 ? map : (obj.spec?.template?.metadata?.labels ?? {})
    return Object.keys(matchLabels).length === 0 ? selectorFromLabelSelector(null) : selectorFromLabelSelector({ matchLabels: { ...matchLabels } })
  }
}
