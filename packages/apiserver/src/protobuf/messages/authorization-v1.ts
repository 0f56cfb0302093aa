import type { MessageTable } from '../message-table.js'

/** Wire layout of the authorization/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const authorizationV1Messages: MessageTable = {
  'authorization.v1.FieldSelectorAttributes': [
    { name: 'rawSelector', number: 1, type: 'string' },
    { name: 'requirements', number: 2, type: 'meta.v1.FieldSelectorRequirement', repeated: true }
  ],
  'authorization.v1.LabelSelectorAttributes': [
    { name: 'rawSelector', number: 1, type: 'string' },
    { name: 'requirements', number: 2, type: 'meta.v1.LabelSelectorRequirement', repeated: true }
  ],
  'authorization.v1.LocalSubjectAccessReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authorization.v1.SubjectAccessReviewSpec' },
    { name: 'status', number: 3, type: 'authorization.v1.SubjectAccessReviewStatus' }
  ],
  'authorization.v1.NonResourceAttributes': [
    { name: 'path', number: 1, type: 'string' },
    { name: 'verb', number: 2, type: 'string' }
  ],
  'authorization.v1.NonResourceRule': [
    { name: 'verbs', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'nonResourceURLs', number: 2, type: 'string', repeated: true }
  ],
  'authorization.v1.ResourceAttributes': [
    { name: 'namespace', number: 1, type: 'string' },
    { name: 'verb', number: 2, type: 'string' },
    { name: 'group', number: 3, type: 'string' },
    { name: 'version', number: 4, type: 'string' },
    { name: 'resource', number: 5, type: 'string' },
    { name: 'subresource', number: 6, type: 'string' },
    { name: 'name', number: 7, type: 'string' },
    { name: 'fieldSelector', number: 8, type: 'authorization.v1.FieldSelectorAttributes' },
    { name: 'labelSelector', number: 9, type: 'authorization.v1.LabelSelectorAttributes' }
  ],
  'authorization.v1.ResourceRule': [
    { name: 'verbs', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'apiGroups', number: 2, type: 'string', repeated: true },
    { name: 'resources', number: 3, type: 'string', repeated: true },
    { name: 'resourceNames', number: 4, type: 'string', repeated: true }
  ],
  'authorization.v1.SelfSubjectAccessReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authorization.v1.SelfSubjectAccessReviewSpec' },
    { name: 'status', number: 3, type: 'authorization.v1.SubjectAccessReviewStatus' }
  ],
  'authorization.v1.SelfSubjectAccessReviewSpec': [
    { name: 'resourceAttributes', number: 1, type: 'authorization.v1.ResourceAttributes' },
    { name: 'nonResourceAttributes', number: 2, type: 'authorization.v1.NonResourceAttributes' }
  ],
  'authorization.v1.SelfSubjectRulesReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authorization.v1.SelfSubjectRulesReviewSpec' },
    { name: 'status', number: 3, type: 'authorization.v1.SubjectRulesReviewStatus' }
  ],
  'authorization.v1.SelfSubjectRulesReviewSpec': [
    { name: 'namespace', number: 1, type: 'string' }
  ],
  'authorization.v1.SubjectAccessReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authorization.v1.SubjectAccessReviewSpec' },
    { name: 'status', number: 3, type: 'authorization.v1.SubjectAccessReviewStatus' }
  ],
  'authorization.v1.SubjectAccessReviewSpec': [
    { name: 'resourceAttributes', number: 1, type: 'authorization.v1.ResourceAttributes' },
    { name: 'nonResourceAttributes', number: 2, type: 'authorization.v1.NonResourceAttributes' },
    { name: 'user', number: 3, type: 'string' },
    { name: 'groups', number: 4, type: 'string', repeated: true },
    { name: 'extra', number: 5, type: 'map<string, authorization.v1.ExtraValue>' },
    { name: 'uid', number: 6, type: 'string' }
  ],
  'authorization.v1.SubjectAccessReviewStatus': [
    { name: 'allowed', number: 1, type: 'bool', keepZero: true },
    { name: 'denied', number: 4, type: 'bool' },
    { name: 'reason', number: 2, type: 'string' },
    { name: 'evaluationError', number: 3, type: 'string' }
  ],
  'authorization.v1.SubjectRulesReviewStatus': [
    { name: 'resourceRules', number: 1, type: 'authorization.v1.ResourceRule', repeated: true, nullIfAbsent: true },
    { name: 'nonResourceRules', number: 2, type: 'authorization.v1.NonResourceRule', repeated: true, nullIfAbsent: true },
    { name: 'incomplete', number: 3, type: 'bool', keepZero: true },
    { name: 'evaluationError', number: 4, type: 'string' }
  ]
}
