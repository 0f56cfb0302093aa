/** Identifies one REST resource: everything needed to build its URL path. */
export interface ResourceDescriptor {
  group: string
  version: string
  /** Lower-case plural (`pods`, `deployments`). */
  resource: string
  namespaced: boolean
  /** The Kind, for messages and events; optional because the path does not need it. */
  kind?: string
}

const core = (resource: string, kind: string, namespaced = true): ResourceDescriptor => ({ group: '', version: 'v1', resource, kind, namespaced })
const grouped = (group: string, version: string, resource: string, kind: string, namespaced = true): ResourceDescriptor =>
  ({ group, version, resource, kind, namespaced })

export const pods = core('pods', 'Pod')
export const nodes = core('nodes', 'Node', false)
export const namespaces = core('namespaces', 'Namespace', false)
export const services = core('services', 'Service')
export const endpoints = core('endpoints', 'Endpoints')
export const events = core('events', 'Event')
export const configMaps = core('configmaps', 'ConfigMap')
export const secrets = core('secrets', 'Secret')
export const serviceAccounts = core('serviceaccounts', 'ServiceAccount')
export const persistentVolumes = core('persistentvolumes', 'PersistentVolume', false)
export const persistentVolumeClaims = core('persistentvolumeclaims', 'PersistentVolumeClaim')
export const replicationControllers = core('replicationcontrollers', 'ReplicationController')
export const resourceQuotas = core('resourcequotas', 'ResourceQuota')
export const limitRanges = core('limitranges', 'LimitRange')
export const deployments = grouped('apps', 'v1', 'deployments', 'Deployment')
export const replicaSets = grouped('apps', 'v1', 'replicasets', 'ReplicaSet')
export const statefulSets = grouped('apps', 'v1', 'statefulsets', 'StatefulSet')
export const daemonSets = grouped('apps', 'v1', 'daemonsets', 'DaemonSet')
export const controllerRevisions = grouped('apps', 'v1', 'controllerrevisions', 'ControllerRevision')
export const jobs = grouped('batch', 'v1', 'jobs', 'Job')
export const cronJobs = grouped('batch', 'v1', 'cronjobs', 'CronJob')
export const leases = grouped('coordination.k8s.io', 'v1', 'leases', 'Lease')
export const endpointSlices = grouped('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice')
export const eventsV1 = grouped('events.k8s.io', 'v1', 'events', 'Event')
export const horizontalPodAutoscalers = grouped('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler')
export const podDisruptionBudgets = grouped('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget')
export const networkPolicies = grouped('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy')
export const ingresses = grouped('networking.k8s.io', 'v1', 'ingresses', 'Ingress')
export const priorityClasses = grouped('scheduling.k8s.io', 'v1', 'priorityclasses', 'PriorityClass', false)
export const storageClasses = grouped('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false)
export const csiNodes = grouped('storage.k8s.io', 'v1', 'csinodes', 'CSINode', false)
export const roles = grouped('rbac.authorization.k8s.io', 'v1', 'roles', 'Role')
export const roleBindings = grouped('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding')
export const clusterRoles = grouped('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false)
export const clusterRoleBindings = grouped('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false)
export const customResourceDefinitions = grouped('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false)
