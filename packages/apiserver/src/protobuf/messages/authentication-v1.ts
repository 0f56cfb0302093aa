import type { MessageTable } from '../message-table.js'

/** Wire layout of the authentication/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const authenticationV1Messages: MessageTable = {
  'authentication.v1.BoundObjectReference': [
    { name: 'kind', number: 1, type: 'string' },
    { name: 'apiVersion', number: 2, type: 'string' },
    { name: 'name', number: 3, type: 'string' },
    { name: 'uid', number: 4, type: 'string' }
  ],
  'authentication.v1.SelfSubjectReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'status', number: 2, type: 'authentication.v1.SelfSubjectReviewStatus' }
  ],
  'authentication.v1.SelfSubjectReviewStatus': [
    { name: 'userInfo', number: 1, type: 'authentication.v1.UserInfo' }
  ],
  'authentication.v1.TokenRequest': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authentication.v1.TokenRequestSpec' },
    { name: 'status', number: 3, type: 'authentication.v1.TokenRequestStatus' }
  ],
  'authentication.v1.TokenRequestSpec': [
    { name: 'audiences', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'expirationSeconds', number: 4, type: 'int64', keepZero: true, nullIfAbsent: true },
    { name: 'boundObjectRef', number: 3, type: 'authentication.v1.BoundObjectReference', nullIfAbsent: true }
  ],
  'authentication.v1.TokenRequestStatus': [
    { name: 'token', number: 1, type: 'string', keepZero: true },
    { name: 'expirationTimestamp', number: 2, type: 'meta.v1.Time' }
  ],
  'authentication.v1.TokenReview': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'authentication.v1.TokenReviewSpec' },
    { name: 'status', number: 3, type: 'authentication.v1.TokenReviewStatus' }
  ],
  'authentication.v1.TokenReviewSpec': [
    { name: 'token', number: 1, type: 'string' },
    { name: 'audiences', number: 2, type: 'string', repeated: true }
  ],
  'authentication.v1.TokenReviewStatus': [
    { name: 'authenticated', number: 1, type: 'bool' },
    { name: 'user', number: 2, type: 'authentication.v1.UserInfo' },
    { name: 'audiences', number: 4, type: 'string', repeated: true },
    { name: 'error', number: 3, type: 'string' }
  ],
  'authentication.v1.UserInfo': [
    { name: 'username', number: 1, type: 'string' },
    { name: 'uid', number: 2, type: 'string' },
    { name: 'groups', number: 3, type: 'string', repeated: true },
    { name: 'extra', number: 4, type: 'map<string, authentication.v1.ExtraValue>' }
  ]
}
