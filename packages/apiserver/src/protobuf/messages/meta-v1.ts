import type { MessageTable } from '../message-table.js'

/** Wire layout of the meta/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const metaV1Messages: MessageTable = {
  'meta.v1.Condition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'observedGeneration', number: 3, type: 'int64' },
    { name: 'lastTransitionTime', number: 4, type: 'meta.v1.Time' },
    { name: 'reason', number: 5, type: 'string', keepZero: true },
    { name: 'message', number: 6, type: 'string', keepZero: true }
  ],
  'meta.v1.DeleteOptions': [
    { name: 'gracePeriodSeconds', number: 1, type: 'int64', keepZero: true },
    { name: 'preconditions', number: 2, type: 'meta.v1.Preconditions' },
    { name: 'orphanDependents', number: 3, type: 'bool', keepZero: true },
    { name: 'propagationPolicy', number: 4, type: 'string', keepZero: true },
    { name: 'dryRun', number: 5, type: 'string', repeated: true },
    { name: 'ignoreStoreReadErrorWithClusterBreakingPotential', number: 6, type: 'bool', keepZero: true }
  ],
  'meta.v1.FieldSelectorRequirement': [
    { name: 'key', number: 1, type: 'string', keepZero: true },
    { name: 'operator', number: 2, type: 'string', keepZero: true },
    { name: 'values', number: 3, type: 'string', repeated: true }
  ],
  'meta.v1.LabelSelector': [
    { name: 'matchLabels', number: 1, type: 'map<string, string>' },
    { name: 'matchExpressions', number: 2, type: 'meta.v1.LabelSelectorRequirement', repeated: true }
  ],
  'meta.v1.LabelSelectorRequirement': [
    { name: 'key', number: 1, type: 'string', keepZero: true },
    { name: 'operator', number: 2, type: 'string', keepZero: true },
    { name: 'values', number: 3, type: 'string', repeated: true }
  ],
  'meta.v1.ManagedFieldsEntry': [
    { name: 'manager', number: 1, type: 'string' },
    { name: 'operation', number: 2, type: 'string' },
    { name: 'apiVersion', number: 3, type: 'string' },
    { name: 'time', number: 4, type: 'meta.v1.Time' },
    { name: 'fieldsType', number: 6, type: 'string' },
    { name: 'fieldsV1', number: 7, type: 'meta.v1.FieldsV1' },
    { name: 'subresource', number: 8, type: 'string' }
  ],
  'meta.v1.ObjectMeta': [
    { name: 'name', number: 1, type: 'string' },
    { name: 'generateName', number: 2, type: 'string' },
    { name: 'namespace', number: 3, type: 'string' },
    { name: 'selfLink', number: 4, type: 'string' },
    { name: 'uid', number: 5, type: 'string' },
    { name: 'resourceVersion', number: 6, type: 'string' },
    { name: 'generation', number: 7, type: 'int64' },
    { name: 'creationTimestamp', number: 8, type: 'meta.v1.Time' },
    { name: 'deletionTimestamp', number: 9, type: 'meta.v1.Time' },
    { name: 'deletionGracePeriodSeconds', number: 10, type: 'int64', keepZero: true },
    { name: 'labels', number: 11, type: 'map<string, string>' },
    { name: 'annotations', number: 12, type: 'map<string, string>' },
    { name: 'ownerReferences', number: 13, type: 'meta.v1.OwnerReference', repeated: true },
    { name: 'finalizers', number: 14, type: 'string', repeated: true },
    { name: 'managedFields', number: 17, type: 'meta.v1.ManagedFieldsEntry', repeated: true }
  ],
  'meta.v1.OwnerReference': [
    { name: 'apiVersion', number: 5, type: 'string', keepZero: true },
    { name: 'kind', number: 1, type: 'string', keepZero: true },
    { name: 'name', number: 3, type: 'string', keepZero: true },
    { name: 'uid', number: 4, type: 'string', keepZero: true },
    { name: 'controller', number: 6, type: 'bool', keepZero: true },
    { name: 'blockOwnerDeletion', number: 7, type: 'bool', keepZero: true }
  ],
  'meta.v1.Preconditions': [
    { name: 'uid', number: 1, type: 'string', keepZero: true },
    { name: 'resourceVersion', number: 2, type: 'string', keepZero: true }
  ]
}
