/**
 * The kinds kube-ts accepts as protobuf, keyed `<apiVersion>/<kind>`: what kubectl's typed client sends for
 * `create <generator>`, `create token`, `auth can-i`/`whoami`, `debug`, `autoscale`, `certificate approve|deny`
 * and drain (evictions; DeleteOptions with --disable-eviction).
 */
export const protobufKinds: Readonly<Record<string, string>> = {
  'v1/Namespace': 'core.v1.Namespace',
  'v1/ConfigMap': 'core.v1.ConfigMap',
  'v1/Secret': 'core.v1.Secret',
  'v1/Service': 'core.v1.Service',
  'v1/ServiceAccount': 'core.v1.ServiceAccount',
  'v1/Pod': 'core.v1.Pod',
  'v1/ResourceQuota': 'core.v1.ResourceQuota',
  'apps/v1/Deployment': 'apps.v1.Deployment',
  'batch/v1/Job': 'batch.v1.Job',
  'batch/v1/CronJob': 'batch.v1.CronJob',
  'rbac.authorization.k8s.io/v1/Role': 'rbac.v1.Role',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'rbac.v1.ClusterRole',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'rbac.v1.RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'rbac.v1.ClusterRoleBinding',
  'policy/v1/PodDisruptionBudget': 'policy.v1.PodDisruptionBudget',
  'policy/v1/Eviction': 'policy.v1.Eviction',
  'scheduling.k8s.io/v1/PriorityClass': 'scheduling.v1.PriorityClass',
  'networking.k8s.io/v1/Ingress': 'networking.v1.Ingress',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'authorization.v1.SelfSubjectAccessReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'authorization.v1.SelfSubjectRulesReview',
  'authorization.k8s.io/v1/SubjectAccessReview': 'authorization.v1.SubjectAccessReview',
  'authorization.k8s.io/v1/LocalSubjectAccessReview': 'authorization.v1.LocalSubjectAccessReview',
  'authentication.k8s.io/v1/TokenRequest': 'authentication.v1.TokenRequest',
  'authentication.k8s.io/v1/TokenReview': 'authentication.v1.TokenReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'authentication.v1.SelfSubjectReview',
  'autoscaling/v1/HorizontalPodAutoscaler': 'autoscaling.v1.HorizontalPodAutoscaler',
  'autoscaling/v2/HorizontalPodAutoscaler': 'autoscaling.v2.HorizontalPodAutoscaler',
  'certificates.k8s.io/v1/CertificateSigningRequest': 'certificates.v1.CertificateSigningRequest'
}

/** DeleteOptions is registered in every group version, so it is accepted under any apiVersion. */
const groupIndependent: Readonly<Record<string, string>> = { DeleteOptions: 'meta.v1.DeleteOptions' }

export function messageForKind (apiVersion: string, kind: string): string | undefined {
  return groupIndependent[kind] ?? protobufKinds[`${apiVersion}/${kind}`]
}
