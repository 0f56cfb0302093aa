import type { MessageTable } from '../message-table.js'

/** Wire layout of the batch/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const batchV1Messages: MessageTable = {
  'batch.v1.CronJob': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'batch.v1.CronJobSpec' },
    { name: 'status', number: 3, type: 'batch.v1.CronJobStatus' }
  ],
  'batch.v1.CronJobSpec': [
    { name: 'schedule', number: 1, type: 'string', keepZero: true },
    { name: 'timeZone', number: 8, type: 'string', keepZero: true },
    { name: 'startingDeadlineSeconds', number: 2, type: 'int64', keepZero: true },
    { name: 'concurrencyPolicy', number: 3, type: 'string' },
    { name: 'suspend', number: 4, type: 'bool', keepZero: true },
    { name: 'jobTemplate', number: 5, type: 'batch.v1.JobTemplateSpec' },
    { name: 'successfulJobsHistoryLimit', number: 6, type: 'int32', keepZero: true },
    { name: 'failedJobsHistoryLimit', number: 7, type: 'int32', keepZero: true }
  ],
  'batch.v1.CronJobStatus': [
    { name: 'active', number: 1, type: 'core.v1.ObjectReference', repeated: true },
    { name: 'lastScheduleTime', number: 4, type: 'meta.v1.Time' },
    { name: 'lastSuccessfulTime', number: 5, type: 'meta.v1.Time' }
  ],
  'batch.v1.Job': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'batch.v1.JobSpec' },
    { name: 'status', number: 3, type: 'batch.v1.JobStatus' }
  ],
  'batch.v1.JobCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'lastProbeTime', number: 3, type: 'meta.v1.Time' },
    { name: 'lastTransitionTime', number: 4, type: 'meta.v1.Time' },
    { name: 'reason', number: 5, type: 'string' },
    { name: 'message', number: 6, type: 'string' }
  ],
  'batch.v1.JobSpec': [
    { name: 'parallelism', number: 1, type: 'int32', keepZero: true },
    { name: 'completions', number: 2, type: 'int32', keepZero: true },
    { name: 'activeDeadlineSeconds', number: 3, type: 'int64', keepZero: true },
    { name: 'podFailurePolicy', number: 11, type: 'batch.v1.PodFailurePolicy' },
    { name: 'successPolicy', number: 16, type: 'batch.v1.SuccessPolicy' },
    { name: 'backoffLimit', number: 7, type: 'int32', keepZero: true },
    { name: 'backoffLimitPerIndex', number: 12, type: 'int32', keepZero: true },
    { name: 'maxFailedIndexes', number: 13, type: 'int32', keepZero: true },
    { name: 'selector', number: 4, type: 'meta.v1.LabelSelector' },
    { name: 'manualSelector', number: 5, type: 'bool', keepZero: true },
    { name: 'template', number: 6, type: 'core.v1.PodTemplateSpec' },
    { name: 'ttlSecondsAfterFinished', number: 8, type: 'int32', keepZero: true },
    { name: 'completionMode', number: 9, type: 'string', keepZero: true },
    { name: 'suspend', number: 10, type: 'bool', keepZero: true },
    { name: 'podReplacementPolicy', number: 14, type: 'string', keepZero: true },
    { name: 'managedBy', number: 15, type: 'string', keepZero: true }
  ],
  'batch.v1.JobStatus': [
    { name: 'conditions', number: 1, type: 'batch.v1.JobCondition', repeated: true },
    { name: 'startTime', number: 2, type: 'meta.v1.Time' },
    { name: 'completionTime', number: 3, type: 'meta.v1.Time' },
    { name: 'active', number: 4, type: 'int32' },
    { name: 'succeeded', number: 5, type: 'int32' },
    { name: 'failed', number: 6, type: 'int32' },
    { name: 'terminating', number: 11, type: 'int32', keepZero: true },
    { name: 'completedIndexes', number: 7, type: 'string' },
    { name: 'failedIndexes', number: 10, type: 'string', keepZero: true },
    { name: 'uncountedTerminatedPods', number: 8, type: 'batch.v1.UncountedTerminatedPods' },
    { name: 'ready', number: 9, type: 'int32', keepZero: true }
  ],
  'batch.v1.JobTemplateSpec': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'batch.v1.JobSpec' }
  ],
  'batch.v1.PodFailurePolicy': [
    { name: 'rules', number: 1, type: 'batch.v1.PodFailurePolicyRule', repeated: true, nullIfAbsent: true }
  ],
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': [
    { name: 'containerName', number: 1, type: 'string', keepZero: true },
    { name: 'operator', number: 2, type: 'string', keepZero: true },
    { name: 'values', number: 3, type: 'int32', repeated: true, nullIfAbsent: true }
  ],
  'batch.v1.PodFailurePolicyOnPodConditionsPattern': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true }
  ],
  'batch.v1.PodFailurePolicyRule': [
    { name: 'action', number: 1, type: 'string', keepZero: true },
    { name: 'onExitCodes', number: 2, type: 'batch.v1.PodFailurePolicyOnExitCodesRequirement' },
    { name: 'onPodConditions', number: 3, type: 'batch.v1.PodFailurePolicyOnPodConditionsPattern', repeated: true }
  ],
  'batch.v1.SuccessPolicy': [
    { name: 'rules', number: 1, type: 'batch.v1.SuccessPolicyRule', repeated: true, nullIfAbsent: true }
  ],
  'batch.v1.SuccessPolicyRule': [
    { name: 'succeededIndexes', number: 1, type: 'string', keepZero: true },
    { name: 'succeededCount', number: 2, type: 'int32', keepZero: true }
  ],
  'batch.v1.UncountedTerminatedPods': [
    { name: 'succeeded', number: 1, type: 'string', repeated: true },
    { name: 'failed', number: 2, type: 'string', repeated: true }
  ]
}
