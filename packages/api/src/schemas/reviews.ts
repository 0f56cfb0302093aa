import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema } from '../schema/resource-schema.js'
import { asObj, asStr } from '../printers/format.js'
import { CREATE_ONLY, defineSchema } from './define.js'
import { invalid, required } from './field-errors.js'

// Create-only review kinds of authentication.k8s.io/v1 and authorization.k8s.io/v1: nothing is stored, the answer
// comes back in `status` (kubectl auth can-i, auth whoami, webhook token authentication).

function validateAccessReviewSpec (obj: KubeObject, needsUser: boolean): FieldError[] {
  const spec = asObj(obj.spec)
  const errs: FieldError[] = []
  const hasResource = spec.resourceAttributes !== undefined && spec.resourceAttributes !== null
  const hasNonResource = spec.nonResourceAttributes !== undefined && spec.nonResourceAttributes !== null
  if (hasResource === hasNonResource) {
    errs.push(invalid('spec.resourceAttributes', spec.resourceAttributes ?? null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified'))
  }
  if (needsUser && asStr(spec.user) === '' && (!Array.isArray(spec.groups) || spec.groups.length === 0) && asStr(spec.uid) === '') {
    errs.push(invalid('spec.user', '', '`spec.user`, `spec.groups` or `spec.uid` must be specified'))
  }
  return errs
}

const review = (group: string, kind: string, plural: string, validate?: (obj: KubeObject) => FieldError[], namespaced = false): ResourceSchema =>
  defineSchema({ group, version: 'v1', kind, plural, namespaced, verbs: CREATE_ONLY, validate })

export const authenticationSchemas: ResourceSchema[] = [
  review('authentication.k8s.io', 'SelfSubjectReview', 'selfsubjectreviews'),
  review('authentication.k8s.io', 'TokenReview', 'tokenreviews', (obj) => asStr(asObj(obj.spec).token) === '' ? [required('spec.token')] : [])
]

export const authorizationSchemas: ResourceSchema[] = [
  review('authorization.k8s.io', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', (obj) => validateAccessReviewSpec(obj, true), true),
  review('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', (obj) => validateAccessReviewSpec(obj, false)),
  review('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews'),
  review('authorization.k8s.io', 'SubjectAccessReview', 'subjectaccessreviews', (obj) => validateAccessReviewSpec(obj, true))
]
