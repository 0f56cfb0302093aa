import type { ResourceSchema } from '@kube-ts/api'

/**
 * Without a signing key upstream does not install `serviceaccounts/token`: it is missing from discovery and its path
 * answers 404. Dropping it from the served schemas gives both.
 */
export function withoutTokenSubresource (schemas: readonly ResourceSchema[]): ResourceSchema[] {
  return schemas.map((s) => s.subresources.includes('token') ? { ...s, subresources: s.subresources.filter((r) => r !== 'token') } : s)
}
