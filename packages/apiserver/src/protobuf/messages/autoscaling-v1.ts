import type { MessageTable } from '../message-table.js'

/** Wire layout of the autoscaling/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const autoscalingV1Messages: MessageTable = {
  'autoscaling.v1.CrossVersionObjectReference': [
    { name: 'kind', number: 1, type: 'string', keepZero: true },
    { name: 'name', number: 2, type: 'string', keepZero: true },
    { name: 'apiVersion', number: 3, type: 'string' }
  ],
  'autoscaling.v1.HorizontalPodAutoscaler': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'autoscaling.v1.HorizontalPodAutoscalerSpec' },
    { name: 'status', number: 3, type: 'autoscaling.v1.HorizontalPodAutoscalerStatus' }
  ],
  'autoscaling.v1.HorizontalPodAutoscalerSpec': [
    { name: 'scaleTargetRef', number: 1, type: 'autoscaling.v1.CrossVersionObjectReference' },
    { name: 'minReplicas', number: 2, type: 'int32', keepZero: true },
    { name: 'maxReplicas', number: 3, type: 'int32', keepZero: true },
    { name: 'targetCPUUtilizationPercentage', number: 4, type: 'int32', keepZero: true }
  ],
  'autoscaling.v1.HorizontalPodAutoscalerStatus': [
    { name: 'observedGeneration', number: 1, type: 'int64', keepZero: true },
    { name: 'lastScaleTime', number: 2, type: 'meta.v1.Time' },
    { name: 'currentReplicas', number: 3, type: 'int32', keepZero: true },
    { name: 'desiredReplicas', number: 4, type: 'int32', keepZero: true },
    { name: 'currentCPUUtilizationPercentage', number: 5, type: 'int32', keepZero: true }
  ]
}
