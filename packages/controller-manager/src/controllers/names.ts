// Controller names as upstream's cmd/kube-controller-manager/names: what --controllers selects and what logs,
// metrics and per-controller client user agents carry. Other controller owners append their names here.
export const ReplicaSetController = 'replicaset-controller'
export const ReplicationControllerController = 'replicationcontroller-controller'
export const DeploymentController = 'deployment-controller'
export const JobController = 'job-controller'
export const CronJobController = 'cronjob-controller'
export const TTLAfterFinishedController = 'ttl-after-finished-controller'
export const DaemonSetController = 'daemonset-controller'
export const StatefulSetController = 'statefulset-controller'
export const EndpointSliceController = 'endpointslice-controller'
export const EndpointsController = 'endpoints-controller'
export const NamespaceController = 'namespace-controller'
export const ServiceAccountController = 'serviceaccount-controller'
