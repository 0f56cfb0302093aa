import { errInvalid, type KubeObject, type ResourceSchema } from '@kube-ts/api'

/**
 * Answers the create-only review kinds (authorization.k8s.io access reviews, authentication.k8s.io reviews)
 * without storing anything, as upstream does. This server has no authentication or authorization yet (TLS and
 * auth come with the security issue), which is upstream's `--authorization-mode=AlwaysAllow` with anonymous
 * requests: every access review is allowed and the caller is `system:anonymous`.
 */
const ALLOW_REASON = 'no authorizer is configured: every request is allowed (AlwaysAllow)'

export function isReviewKind (schema: ResourceSchema): boolean {
  return (schema.group === 'authorization.k8s.io' || schema.group === 'authentication.k8s.io') && schema.verbs.length === 1 && schema.verbs[0] === 'create'
}

/** Validates like a create, then fills `status` with the answer. */
export function answerReview (schema: ResourceSchema, obj: KubeObject): KubeObject {
  const errs = schema.validate(obj, {})
  if (errs.length > 0) throw errInvalid(schema.group, schema.kind, obj.metadata?.name ?? '', errs)
  const out: KubeObject = { ...obj, metadata: { ...obj.metadata } }
  switch (schema.kind) {
    case 'SelfSubjectAccessReview':
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview':
      out.status = { allowed: true, reason: ALLOW_REASON }
      break
    case 'SelfSubjectRulesReview':
      out.status = {
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
        nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
        incomplete: false
      }
      break
    case 'SelfSubjectReview':
      out.status = { userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }
      break
    case 'TokenReview':
      out.status = { authenticated: false, error: 'token authentication is not configured on this server' }
      break
  }
  return out
}
