import type { MessageTable } from '../message-table.js'

/** Wire layout of the apps/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const appsV1Messages: MessageTable = {
  'apps.v1.Deployment': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'apps.v1.DeploymentSpec' },
    { name: 'status', number: 3, type: 'apps.v1.DeploymentStatus' }
  ],
  'apps.v1.DeploymentCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'lastUpdateTime', number: 6, type: 'meta.v1.Time' },
    { name: 'lastTransitionTime', number: 7, type: 'meta.v1.Time' },
    { name: 'reason', number: 4, type: 'string' },
    { name: 'message', number: 5, type: 'string' }
  ],
  'apps.v1.DeploymentSpec': [
    { name: 'replicas', number: 1, type: 'int32', keepZero: true },
    { name: 'selector', number: 2, type: 'meta.v1.LabelSelector', nullIfAbsent: true },
    { name: 'template', number: 3, type: 'core.v1.PodTemplateSpec' },
    { name: 'strategy', number: 4, type: 'apps.v1.DeploymentStrategy' },
    { name: 'minReadySeconds', number: 5, type: 'int32' },
    { name: 'revisionHistoryLimit', number: 6, type: 'int32', keepZero: true },
    { name: 'paused', number: 7, type: 'bool' },
    { name: 'progressDeadlineSeconds', number: 9, type: 'int32', keepZero: true }
  ],
  'apps.v1.DeploymentStatus': [
    { name: 'observedGeneration', number: 1, type: 'int64' },
    { name: 'replicas', number: 2, type: 'int32' },
    { name: 'updatedReplicas', number: 3, type: 'int32' },
    { name: 'readyReplicas', number: 7, type: 'int32' },
    { name: 'availableReplicas', number: 4, type: 'int32' },
    { name: 'unavailableReplicas', number: 5, type: 'int32' },
    { name: 'terminatingReplicas', number: 9, type: 'int32', keepZero: true },
    { name: 'conditions', number: 6, type: 'apps.v1.DeploymentCondition', repeated: true },
    { name: 'collisionCount', number: 8, type: 'int32', keepZero: true }
  ],
  'apps.v1.DeploymentStrategy': [
    { name: 'type', number: 1, type: 'string' },
    { name: 'rollingUpdate', number: 2, type: 'apps.v1.RollingUpdateDeployment' }
  ],
  'apps.v1.RollingUpdateDeployment': [
    { name: 'maxUnavailable', number: 1, type: 'intstr.IntOrString' },
    { name: 'maxSurge', number: 2, type: 'intstr.IntOrString' }
  ]
}
