import { readFile } from 'node:fs/promises'
import type { Logger } from 'pino'
import { parsePublicKeys, parseSigningKey } from './keys.js'
import { ServiceAccountTokens } from './token-signer.js'
import { discoveryRefusal } from './openid.js'
import type { Options } from '../options.js'

export type ServiceAccountOptions = Pick<Options, 'serviceAccountIssuers' | 'serviceAccountSigningKeyFile' | 'serviceAccountKeyFiles' | 'serviceAccountMaxTokenExpirationSeconds' | 'serviceAccountJwksUri' | 'apiAudiences'>

export interface ServiceAccountSetup {
  tokens: ServiceAccountTokens | undefined
  /** Whether `/.well-known/openid-configuration` and `/openid/v1/jwks` are served. */
  discovery: boolean
}

/**
 * Loads the token signing key at startup. Without `--service-account-signing-key-file` the token subresource is not
 * installed (404), as upstream; that is logged once. A bad key file fails startup. Key material is never logged.
 */
export async function setUpServiceAccountTokens (options: ServiceAccountOptions, logger: Logger): Promise<ServiceAccountSetup> {
  if (options.serviceAccountSigningKeyFile === '') {
    logger.info('service account token issuing is disabled: no --service-account-signing-key-file (serviceaccounts/token is not served)')
    return { tokens: undefined, discovery: false }
  }
  const signingKey = parseSigningKey(await readFile(options.serviceAccountSigningKeyFile, 'utf8'), options.serviceAccountSigningKeyFile)
  const publicKeys = []
  for (const file of options.serviceAccountKeyFiles) publicKeys.push(...parsePublicKeys(await readFile(file, 'utf8'), file))
  const tokens = new ServiceAccountTokens({
    issuers: options.serviceAccountIssuers,
    signingKey,
    publicKeys,
    apiAudiences: options.apiAudiences,
    maxExpirationSeconds: options.serviceAccountMaxTokenExpirationSeconds,
    ...(options.serviceAccountJwksUri !== '' ? { jwksUri: options.serviceAccountJwksUri } : {})
  })
  const refusal = discoveryRefusal(tokens.issuer)
  if (refusal !== undefined) logger.warn({ reason: refusal }, 'service account issuer discovery is not served')
  logger.info({ issuer: tokens.issuer, audiences: tokens.audiences, verificationKeys: tokens.jwks().keys.length }, 'service account token issuing is enabled')
  return { tokens, discovery: refusal === undefined }
}
