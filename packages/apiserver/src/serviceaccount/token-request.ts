import { randomUUID } from 'node:crypto'
import { ApiError, errBadRequest, errInvalid, isNotFound } from '@kube-ts/api'
import type { FieldError, KubeObject, ResourceSchema } from '@kube-ts/api'
import type { RestStore } from '../registry/rest.js'
import { rfc3339 } from '../registry/object-meta.js'
import type { ServiceAccountTokens } from './token-signer.js'

const GROUP = 'authentication.k8s.io'
const KIND = 'TokenRequest'
/** Upstream defaults: one hour, at least ten minutes, at most 2^32 seconds. */
export const DEFAULT_EXPIRATION_SECONDS = 3600
const MIN_EXPIRATION_SECONDS = 600
const MAX_EXPIRATION_SECONDS = 2 ** 32

type Obj = Record<string, unknown>
interface Ref { name: string, uid: string }

export interface TokenRequestDeps {
  store: RestStore
  tokens: ServiceAccountTokens
  /** Schemas of serviceaccounts, pods, secrets and nodes (core/v1). */
  schemaOf: (resource: string) => ResourceSchema
  now: () => Date
  warn: (text: string) => void
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const refOf = (o: KubeObject): Ref => ({ name: o.metadata.name ?? '', uid: o.metadata.uid ?? '' })

/** The request's spec with upstream defaults; wrong JSON types are a decoding error (400), as upstream's decoder. */
function specOf (body: KubeObject, audiences: string[]): { audiences: string[], expirationSeconds: number, boundObjectRef: Obj | undefined } {
  const spec = body.spec ?? {}
  if (!isObj(spec)) throw errBadRequest('TokenRequest.spec must be an object')
  const aud = spec.audiences ?? []
  if (!Array.isArray(aud) || aud.some((a) => typeof a !== 'string')) throw errBadRequest('TokenRequest.spec.audiences must be a list of strings')
  const exp = spec.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS
  if (typeof exp !== 'number' || !Number.isInteger(exp)) throw errBadRequest('TokenRequest.spec.expirationSeconds must be an integer')
  const bound = spec.boundObjectRef ?? undefined
  if (bound !== undefined && !isObj(bound)) throw errBadRequest('TokenRequest.spec.boundObjectRef must be an object')
  return { audiences: aud.length > 0 ? aud as string[] : [...audiences], expirationSeconds: exp, boundObjectRef: bound }
}

function validateSpec (expirationSeconds: number): FieldError[] {
  const field = 'spec.expirationSeconds'
  if (expirationSeconds < MIN_EXPIRATION_SECONDS) return [{ type: 'FieldValueInvalid', field, badValue: expirationSeconds, message: 'may not specify a duration less than 10 minutes' }]
  if (expirationSeconds > MAX_EXPIRATION_SECONDS) return [{ type: 'FieldValueInvalid', field, badValue: expirationSeconds, message: 'may not specify a duration larger than 2^32 seconds' }]
  return []
}

/** The name and namespace in the body may only repeat the URL's (422 otherwise, as upstream). */
function checkMetadata (body: KubeObject, namespace: string, name: string): void {
  const own = body.metadata.name ?? ''
  if (own !== '' && own !== name) {
    throw errInvalid(GROUP, KIND, name, [{ type: 'FieldValueInvalid', field: 'metadata.name', badValue: own, message: 'must match the service account name if specified' }])
  }
  const ns = body.metadata.namespace ?? ''
  if (ns !== '' && ns !== namespace) {
    throw errInvalid(GROUP, KIND, name, [{ type: 'FieldValueInvalid', field: 'metadata.namespace', badValue: ns, message: 'must match the service account namespace if specified' }])
  }
}

interface Bound { pod?: Ref, secret?: Ref, node?: Ref }

/** Resolves the bound object (404 when missing, 409 on a stale uid, 400 for other kinds), as upstream's TokenREST. */
async function resolveBound (deps: TokenRequestDeps, namespace: string, saName: string, ref: Obj): Promise<Bound> {
  const kind = typeof ref.kind === 'string' ? ref.kind : ''
  const apiVersion = typeof ref.apiVersion === 'string' ? ref.apiVersion : ''
  const name = typeof ref.name === 'string' ? ref.name : ''
  const wantUid = typeof ref.uid === 'string' ? ref.uid : ''
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : ''
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1)
  const get = async (resource: string, ns: string): Promise<KubeObject> => await deps.store.get({ schema: deps.schemaOf(resource), namespace: ns }, name)
  let bound: Bound
  let uid: string
  if (group === '' && kind === 'Pod') {
    const pod = await get('pods', namespace)
    // the ServiceAccount admission plugin gives pods without one the default service account
    const podSa = (isObj(pod.spec) && typeof pod.spec.serviceAccountName === 'string' && pod.spec.serviceAccountName !== '') ? pod.spec.serviceAccountName : 'default'
    if (podSa !== saName) throw errBadRequest(`cannot bind token for serviceaccount ${JSON.stringify(saName)} to pod running with different serviceaccount name.`)
    bound = { pod: refOf(pod) }
    uid = bound.pod?.uid ?? ''
    const nodeName = isObj(pod.spec) && typeof pod.spec.nodeName === 'string' ? pod.spec.nodeName : ''
    if (nodeName !== '') {
      // the pod's node goes into the claims when it still exists (ServiceAccountTokenPodNodeInfo)
      try {
        bound.node = refOf(await deps.store.get({ schema: deps.schemaOf('nodes'), namespace: '' }, nodeName))
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
    }
  } else if (group === '' && kind === 'Secret') {
    bound = { secret: refOf(await get('secrets', namespace)) }
    uid = bound.secret?.uid ?? ''
  } else if (group === '' && kind === 'Node') {
    bound = { node: refOf(await get('nodes', '')) }
    uid = bound.node?.uid ?? ''
  } else {
    throw errBadRequest(`cannot bind token to object of type ${group}/${version}, Kind=${kind}`)
  }
  if (wantUid !== '' && wantUid !== uid) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${kind} ${JSON.stringify(name)}: the UID in the bound object reference (${wantUid}) does not match the UID in record. The object might have been deleted and then recreated`, { name, kind })
  }
  return bound
}

/** The JWT claims of upstream's token.Claims: registered claims plus the `kubernetes.io` private claim. */
export function tokenClaims (sa: KubeObject, bound: Bound, audiences: string[], expirationSeconds: number, now: Date): Record<string, unknown> {
  const iat = Math.floor(now.getTime() / 1000)
  const k8s: Obj = { namespace: sa.metadata.namespace ?? '', serviceaccount: refOf(sa) }
  if (bound.pod !== undefined) k8s.pod = bound.pod
  if (bound.secret !== undefined) k8s.secret = bound.secret
  if (bound.node !== undefined) k8s.node = bound.node
  return {
    aud: audiences,
    exp: iat + expirationSeconds,
    iat,
    jti: randomUUID(),
    'kubernetes.io': k8s,
    nbf: iat,
    sub: `system:serviceaccount:${sa.metadata.namespace ?? ''}:${sa.metadata.name ?? ''}`
  }
}

/**
 * POST `serviceaccounts/<name>/token`: checks the request, finds the service account (404) and the bound object,
 * caps the expiration at `--service-account-max-token-expiration` (with a warning) and signs a token. Nothing is stored.
 */
export async function createServiceAccountToken (deps: TokenRequestDeps, namespace: string, name: string, body: KubeObject): Promise<KubeObject> {
  checkMetadata(body, namespace, name)
  const sa = await deps.store.get({ schema: deps.schemaOf('serviceaccounts'), namespace }, name)
  const spec = specOf(body, deps.tokens.audiences)
  // taken before signing so status.expirationTimestamp is never later than the token's exp
  const now = deps.now()
  const errs = validateSpec(spec.expirationSeconds)
  if (errs.length > 0) throw errInvalid(GROUP, KIND, '', errs)
  const bound = spec.boundObjectRef === undefined ? {} : await resolveBound(deps, namespace, name, spec.boundObjectRef)
  const max = deps.tokens.maxExpirationSeconds
  if (max > 0 && spec.expirationSeconds > max) {
    deps.warn(`requested expiration of ${spec.expirationSeconds} seconds shortened to ${max} seconds`)
    spec.expirationSeconds = max
  }
  const token = deps.tokens.sign(tokenClaims(sa, bound, spec.audiences, spec.expirationSeconds, now))
  const outSpec: Obj = { audiences: spec.audiences, expirationSeconds: spec.expirationSeconds }
  if (spec.boundObjectRef !== undefined) outSpec.boundObjectRef = spec.boundObjectRef
  return {
    apiVersion: `${GROUP}/v1`,
    kind: KIND,
    metadata: { name, namespace, creationTimestamp: rfc3339(now) },
    spec: outSpec,
    status: { token, expirationTimestamp: rfc3339(new Date(now.getTime() + spec.expirationSeconds * 1000)) }
  }
}
