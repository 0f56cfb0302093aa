import type { MessageTable } from '../message-table.js'

/** Wire layout of the policy/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const policyV1Messages: MessageTable = {
  'policy.v1.Eviction': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'deleteOptions', number: 2, type: 'meta.v1.DeleteOptions' }
  ],
  'policy.v1.PodDisruptionBudget': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'policy.v1.PodDisruptionBudgetSpec' },
    { name: 'status', number: 3, type: 'policy.v1.PodDisruptionBudgetStatus' }
  ],
  'policy.v1.PodDisruptionBudgetSpec': [
    { name: 'minAvailable', number: 1, type: 'intstr.IntOrString' },
    { name: 'selector', number: 2, type: 'meta.v1.LabelSelector' },
    { name: 'maxUnavailable', number: 3, type: 'intstr.IntOrString' },
    { name: 'unhealthyPodEvictionPolicy', number: 4, type: 'string', keepZero: true }
  ],
  'policy.v1.PodDisruptionBudgetStatus': [
    { name: 'observedGeneration', number: 1, type: 'int64' },
    { name: 'disruptedPods', number: 2, type: 'map<string, meta.v1.Time>' },
    { name: 'disruptionsAllowed', number: 3, type: 'int32', keepZero: true },
    { name: 'currentHealthy', number: 4, type: 'int32', keepZero: true },
    { name: 'desiredHealthy', number: 5, type: 'int32', keepZero: true },
    { name: 'expectedPods', number: 6, type: 'int32', keepZero: true },
    { name: 'conditions', number: 7, type: 'meta.v1.Condition', repeated: true }
  ]
}
