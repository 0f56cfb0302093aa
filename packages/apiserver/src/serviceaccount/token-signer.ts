import { createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { algorithmOf, keyIdOf } from './keys.js'
import type { SigningAlgorithm } from './keys.js'
import { signJwt } from './jwt.js'

export interface JsonWebKey { kty: string, kid: string, use: 'sig', alg: SigningAlgorithm, [field: string]: unknown }

export interface ServiceAccountTokenConfig {
  /** `--service-account-issuer`, in flag order; the first one signs. */
  issuers: string[]
  signingKey: KeyObject
  /** `--service-account-key-file` keys; the signing key's public half when none is given. */
  publicKeys?: KeyObject[]
  /** `--api-audiences`; the issuers when empty. */
  apiAudiences?: string[]
  /** `--service-account-max-token-expiration` in seconds; 0 means no cap. */
  maxExpirationSeconds?: number
  /** `--service-account-jwks-uri`, advertised in the OpenID discovery document. */
  jwksUri?: string
}

/** Issues service account tokens and publishes the keys that verify them (upstream's JWT token generator). */
export class ServiceAccountTokens {
  readonly issuer: string
  readonly audiences: string[]
  readonly maxExpirationSeconds: number
  readonly jwksUri: string | undefined
  private readonly alg: SigningAlgorithm
  private readonly kid: string
  private readonly publicKeys: KeyObject[]

  constructor (private readonly config: ServiceAccountTokenConfig) {
    const issuer = config.issuers[0]
    if (issuer === undefined || issuer === '') throw new Error('a service account issuer is required to sign tokens')
    this.issuer = issuer
    this.audiences = (config.apiAudiences ?? []).length > 0 ? [...(config.apiAudiences ?? [])] : [...config.issuers]
    this.maxExpirationSeconds = config.maxExpirationSeconds ?? 0
    this.jwksUri = config.jwksUri
    this.alg = algorithmOf(config.signingKey)
    const own = createPublicKey(config.signingKey)
    this.kid = keyIdOf(own)
    this.publicKeys = (config.publicKeys ?? []).length > 0 ? [...(config.publicKeys ?? [])] : [own]
  }

  /** Signs `claims` (iss is set here) as a compact JWS with the signing key's kid. */
  sign (claims: Record<string, unknown>): string {
    return signJwt({ iss: this.issuer, ...claims }, this.config.signingKey, this.alg, this.kid)
  }

  /** The verification keys as a JWK set (`/openid/v1/jwks`), one entry per distinct key. */
  jwks (): { keys: JsonWebKey[] } {
    const seen = new Set<string>()
    const keys: JsonWebKey[] = []
    for (const key of this.publicKeys) {
      const kid = keyIdOf(key)
      if (seen.has(kid)) continue
      seen.add(kid)
      keys.push({ use: 'sig', ...key.export({ format: 'jwk' }), kid, alg: algorithmOf(key) } as JsonWebKey)
    }
    return { keys }
  }
}
