import type { Logger } from 'pino'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import type { RestStore } from '../registry/rest.js'
import type { ApiMetrics } from '../metrics.js'
import type { UnknownFieldFinder } from './field-validation.js'
import type { ServiceAccountTokens } from '../serviceaccount/token-signer.js'

/**
 * Patch engines, injected so the HTTP layer does not care where they live. `strategic` and `apply` are optional:
 * while absent, those content types are answered with 415 rather than approximated.
 */
export interface PatchEngines {
  /** RFC 7386 JSON merge patch. */
  merge: (target: KubeObject, patch: unknown) => unknown
  /** RFC 6902 JSON patch; `ops` is already known to be an array within the operation limit. */
  json: (target: KubeObject, ops: unknown[]) => unknown
  strategic?: (target: KubeObject, patch: unknown, schema: ResourceSchema) => unknown
  /** Server-side apply; `current` is undefined when the object does not exist yet. `subresource` is '' or `status`. */
  apply?: (current: KubeObject | undefined, applied: KubeObject, opts: { schema: ResourceSchema, fieldManager: string, force: boolean, subresource: string }) => KubeObject
  /** managedFields for every other write; while absent, those writes store managedFields as sent. */
  managedFields?: ManagedFieldsEngine
}

/** Records a non-apply write in `metadata.managedFields` and returns the object to store. */
export interface ManagedFieldsEngine {
  /** create (`old` undefined), update or json/merge/strategic patch of the object or its `status`. */
  update: (old: KubeObject | undefined, next: KubeObject, opts: { schema: ResourceSchema, manager: string, subresource: string }) => KubeObject
  /** A write through `/scale`: `next` is `old` with the new spec.replicas. */
  scale: (old: KubeObject, next: KubeObject, opts: { schema: ResourceSchema, manager: string }) => KubeObject
}

export interface Limits {
  /** Non-mutating, non-long-running requests in flight; 0 disables the limit. */
  maxRequestsInflight: number
  maxMutatingRequestsInflight: number
  /** Deadline for non-long-running requests. */
  requestTimeoutMs: number
  /** Watches without timeoutSeconds last a random time in [min, 2*min], as upstream spreads reconnects. */
  minRequestTimeoutMs: number
}

export const defaultLimits: Limits = {
  maxRequestsInflight: 400,
  maxMutatingRequestsInflight: 200,
  requestTimeoutMs: 60_000,
  minRequestTimeoutMs: 1_800_000
}

export interface AppDeps {
  store: RestStore
  schemas: readonly ResourceSchema[]
  /** Whether storage answers (drives /readyz and /healthz). */
  healthy: () => Promise<boolean>
  /**
   * Whether the bootstrap objects (system namespaces, priority classes, the `kubernetes` Service) are in place:
   * `/readyz` and `/healthz` fail until then, as upstream's `poststarthook/bootstrap-controller` check does.
   */
  bootstrapped?: () => boolean
  patch: PatchEngines
  logger?: Logger
  metrics?: ApiMetrics
  limits?: Partial<Limits>
  /** Unknown-field detection for fieldValidation=Strict|Warn; without it field validation is skipped. */
  unknownFields?: UnknownFieldFinder
  /** Advertised in legacy `/api` discovery (`serverAddressByClientCIDRs`). */
  serverAddress?: string
  now?: () => Date
  /** Issues `serviceaccounts/<name>/token`; without it that subresource is not served, as upstream without a signing key. */
  serviceAccountTokens?: ServiceAccountTokens
  /** Serve `/.well-known/openid-configuration` and `/openid/v1/jwks` (needs serviceAccountTokens and an https issuer). */
  serviceAccountDiscovery?: boolean
}
