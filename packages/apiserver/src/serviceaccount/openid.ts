import { Router } from 'express'
import type { Request, Response } from 'express'
import type { ServiceAccountTokens } from './token-signer.js'

export const OPENID_CONFIGURATION_PATH = '/.well-known/openid-configuration'
export const JWKS_PATH = '/openid/v1/jwks'

/** Upstream serves discovery only for an https issuer URL (it must be usable by external OIDC verifiers). */
export function discoveryRefusal (issuer: string): string | undefined {
  try {
    const url = new URL(issuer)
    return url.protocol === 'https:' ? undefined : `issuer URL must use https scheme, got: ${issuer}`
  } catch {
    return `issuer ${JSON.stringify(issuer)} is not a URL`
  }
}

function send (res: Response, contentType: string, body: unknown): void {
  res.setHeader('Content-Type', contentType)
  res.setHeader('Cache-Control', 'public, max-age=3600')
  res.status(200).end(JSON.stringify(body))
}

/**
 * Service account issuer discovery: the OpenID provider configuration and the JWK set that verifies tokens. Without
 * `--service-account-jwks-uri` the JWKS URI is this server's own path at the address the client used (upstream uses
 * its external address; this server only serves plain HTTP so far, hence the scheme).
 */
export function openIdRouter (tokens: ServiceAccountTokens): Router {
  const router = Router()
  router.get(OPENID_CONFIGURATION_PATH, (req: Request, res: Response) => {
    send(res, 'application/json', {
      issuer: tokens.issuer,
      jwks_uri: tokens.jwksUri ?? `http://${req.headers.host ?? 'localhost'}${JWKS_PATH}`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [...new Set(tokens.jwks().keys.map((k) => k.alg))]
    })
  })
  router.get(JWKS_PATH, (_req: Request, res: Response) => {
    send(res, 'application/jwk-set+json', tokens.jwks())
  })
  return router
}
