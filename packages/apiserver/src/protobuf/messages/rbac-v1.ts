import type { MessageTable } from '../message-table.js'

/** Wire layout of the rbac/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const rbacV1Messages: MessageTable = {
  'rbac.v1.AggregationRule': [
    { name: 'clusterRoleSelectors', number: 1, type: 'meta.v1.LabelSelector', repeated: true }
  ],
  'rbac.v1.ClusterRole': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'rules', number: 2, type: 'rbac.v1.PolicyRule', repeated: true, nullIfAbsent: true },
    { name: 'aggregationRule', number: 3, type: 'rbac.v1.AggregationRule' }
  ],
  'rbac.v1.ClusterRoleBinding': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'subjects', number: 2, type: 'rbac.v1.Subject', repeated: true },
    { name: 'roleRef', number: 3, type: 'rbac.v1.RoleRef' }
  ],
  'rbac.v1.PolicyRule': [
    { name: 'verbs', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'apiGroups', number: 2, type: 'string', repeated: true },
    { name: 'resources', number: 3, type: 'string', repeated: true },
    { name: 'resourceNames', number: 4, type: 'string', repeated: true },
    { name: 'nonResourceURLs', number: 5, type: 'string', repeated: true }
  ],
  'rbac.v1.Role': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'rules', number: 2, type: 'rbac.v1.PolicyRule', repeated: true, nullIfAbsent: true }
  ],
  'rbac.v1.RoleBinding': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'subjects', number: 2, type: 'rbac.v1.Subject', repeated: true },
    { name: 'roleRef', number: 3, type: 'rbac.v1.RoleRef' }
  ],
  'rbac.v1.RoleRef': [
    { name: 'apiGroup', number: 1, type: 'string', keepZero: true },
    { name: 'kind', number: 2, type: 'string', keepZero: true },
    { name: 'name', number: 3, type: 'string', keepZero: true }
  ],
  'rbac.v1.Subject': [
    { name: 'kind', number: 1, type: 'string', keepZero: true },
    { name: 'apiGroup', number: 2, type: 'string' },
    { name: 'name', number: 3, type: 'string', keepZero: true },
    { name: 'namespace', number: 4, type: 'string' }
  ]
}
