// Event reasons as upstream's pkg/controller (controller_utils.go) and the deployment controller use them.
export const SuccessfulCreatePodReason = 'SuccessfulCreate'
export const FailedCreatePodReason = 'FailedCreate'
export const SuccessfulDeletePodReason = 'SuccessfulDelete'
export const FailedDeletePodReason = 'FailedDelete'
export const SelectingAllReason = 'SelectingAll'
export const ScalingReplicaSetReason = 'ScalingReplicaSet'
export const DeploymentRollbackReason = 'DeploymentRollback'
export const RollbackRevisionNotFound = 'DeploymentRollbackRevisionNotFound'
export const RollbackTemplateUnchanged = 'DeploymentRollbackTemplateUnchanged'
export const RollbackDone = 'DeploymentRollback'

/** Records Kubernetes Events about an object (client-go's EventRecorder, reduced to what controllers call). */
export interface EventRecorder {
  normal: (obj: object, reason: string, message: string) => void
  warning: (obj: object, reason: string, message: string) => void
}
