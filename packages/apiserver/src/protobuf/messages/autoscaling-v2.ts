import type { MessageTable } from '../message-table.js'

/** Wire layout of the autoscaling/v2 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const autoscalingV2Messages: MessageTable = {
  'autoscaling.v2.ContainerResourceMetricSource': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'target', number: 2, type: 'autoscaling.v2.MetricTarget' },
    { name: 'container', number: 3, type: 'string', keepZero: true }
  ],
  'autoscaling.v2.ContainerResourceMetricStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'current', number: 2, type: 'autoscaling.v2.MetricValueStatus' },
    { name: 'container', number: 3, type: 'string', keepZero: true }
  ],
  'autoscaling.v2.CrossVersionObjectReference': [
    { name: 'kind', number: 1, type: 'string', keepZero: true },
    { name: 'name', number: 2, type: 'string', keepZero: true },
    { name: 'apiVersion', number: 3, type: 'string' }
  ],
  'autoscaling.v2.ExternalMetricSource': [
    { name: 'metric', number: 1, type: 'autoscaling.v2.MetricIdentifier' },
    { name: 'target', number: 2, type: 'autoscaling.v2.MetricTarget' }
  ],
  'autoscaling.v2.ExternalMetricStatus': [
    { name: 'metric', number: 1, type: 'autoscaling.v2.MetricIdentifier' },
    { name: 'current', number: 2, type: 'autoscaling.v2.MetricValueStatus' }
  ],
  'autoscaling.v2.HPAScalingPolicy': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'value', number: 2, type: 'int32', keepZero: true },
    { name: 'periodSeconds', number: 3, type: 'int32', keepZero: true }
  ],
  'autoscaling.v2.HPAScalingRules': [
    { name: 'stabilizationWindowSeconds', number: 3, type: 'int32', keepZero: true },
    { name: 'selectPolicy', number: 1, type: 'string', keepZero: true },
    { name: 'policies', number: 2, type: 'autoscaling.v2.HPAScalingPolicy', repeated: true },
    { name: 'tolerance', number: 4, type: 'resource.Quantity' }
  ],
  'autoscaling.v2.HorizontalPodAutoscaler': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'autoscaling.v2.HorizontalPodAutoscalerSpec' },
    { name: 'status', number: 3, type: 'autoscaling.v2.HorizontalPodAutoscalerStatus' }
  ],
  'autoscaling.v2.HorizontalPodAutoscalerBehavior': [
    { name: 'scaleUp', number: 1, type: 'autoscaling.v2.HPAScalingRules' },
    { name: 'scaleDown', number: 2, type: 'autoscaling.v2.HPAScalingRules' }
  ],
  'autoscaling.v2.HorizontalPodAutoscalerCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'lastTransitionTime', number: 3, type: 'meta.v1.Time' },
    { name: 'reason', number: 4, type: 'string' },
    { name: 'message', number: 5, type: 'string' }
  ],
  'autoscaling.v2.HorizontalPodAutoscalerSpec': [
    { name: 'scaleTargetRef', number: 1, type: 'autoscaling.v2.CrossVersionObjectReference' },
    { name: 'minReplicas', number: 2, type: 'int32', keepZero: true },
    { name: 'maxReplicas', number: 3, type: 'int32', keepZero: true },
    { name: 'metrics', number: 4, type: 'autoscaling.v2.MetricSpec', repeated: true },
    { name: 'behavior', number: 5, type: 'autoscaling.v2.HorizontalPodAutoscalerBehavior' }
  ],
  'autoscaling.v2.HorizontalPodAutoscalerStatus': [
    { name: 'observedGeneration', number: 1, type: 'int64', keepZero: true },
    { name: 'lastScaleTime', number: 2, type: 'meta.v1.Time' },
    { name: 'currentReplicas', number: 3, type: 'int32' },
    { name: 'desiredReplicas', number: 4, type: 'int32', keepZero: true },
    { name: 'currentMetrics', number: 5, type: 'autoscaling.v2.MetricStatus', repeated: true, nullIfAbsent: true },
    { name: 'conditions', number: 6, type: 'autoscaling.v2.HorizontalPodAutoscalerCondition', repeated: true }
  ],
  'autoscaling.v2.MetricIdentifier': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'selector', number: 2, type: 'meta.v1.LabelSelector' }
  ],
  'autoscaling.v2.MetricSpec': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'object', number: 2, type: 'autoscaling.v2.ObjectMetricSource' },
    { name: 'pods', number: 3, type: 'autoscaling.v2.PodsMetricSource' },
    { name: 'resource', number: 4, type: 'autoscaling.v2.ResourceMetricSource' },
    { name: 'containerResource', number: 7, type: 'autoscaling.v2.ContainerResourceMetricSource' },
    { name: 'external', number: 5, type: 'autoscaling.v2.ExternalMetricSource' }
  ],
  'autoscaling.v2.MetricStatus': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'object', number: 2, type: 'autoscaling.v2.ObjectMetricStatus' },
    { name: 'pods', number: 3, type: 'autoscaling.v2.PodsMetricStatus' },
    { name: 'resource', number: 4, type: 'autoscaling.v2.ResourceMetricStatus' },
    { name: 'containerResource', number: 7, type: 'autoscaling.v2.ContainerResourceMetricStatus' },
    { name: 'external', number: 5, type: 'autoscaling.v2.ExternalMetricStatus' }
  ],
  'autoscaling.v2.MetricTarget': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'value', number: 2, type: 'resource.Quantity' },
    { name: 'averageValue', number: 3, type: 'resource.Quantity' },
    { name: 'averageUtilization', number: 4, type: 'int32', keepZero: true }
  ],
  'autoscaling.v2.MetricValueStatus': [
    { name: 'value', number: 1, type: 'resource.Quantity' },
    { name: 'averageValue', number: 2, type: 'resource.Quantity' },
    { name: 'averageUtilization', number: 3, type: 'int32', keepZero: true }
  ],
  'autoscaling.v2.ObjectMetricSource': [
    { name: 'describedObject', number: 1, type: 'autoscaling.v2.CrossVersionObjectReference' },
    { name: 'target', number: 2, type: 'autoscaling.v2.MetricTarget' },
    { name: 'metric', number: 3, type: 'autoscaling.v2.MetricIdentifier' }
  ],
  'autoscaling.v2.ObjectMetricStatus': [
    { name: 'metric', number: 1, type: 'autoscaling.v2.MetricIdentifier' },
    { name: 'current', number: 2, type: 'autoscaling.v2.MetricValueStatus' },
    { name: 'describedObject', number: 3, type: 'autoscaling.v2.CrossVersionObjectReference' }
  ],
  'autoscaling.v2.PodsMetricSource': [
    { name: 'metric', number: 1, type: 'autoscaling.v2.MetricIdentifier' },
    { name: 'target', number: 2, type: 'autoscaling.v2.MetricTarget' }
  ],
  'autoscaling.v2.PodsMetricStatus': [
    { name: 'metric', number: 1, type: 'autoscaling.v2.MetricIdentifier' },
    { name: 'current', number: 2, type: 'autoscaling.v2.MetricValueStatus' }
  ],
  'autoscaling.v2.ResourceMetricSource': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'target', number: 2, type: 'autoscaling.v2.MetricTarget' }
  ],
  'autoscaling.v2.ResourceMetricStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'current', number: 2, type: 'autoscaling.v2.MetricValueStatus' }
  ]
}
