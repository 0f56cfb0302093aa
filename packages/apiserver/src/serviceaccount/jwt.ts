import { sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { SigningAlgorithm } from './keys.js'

// Compact JWS (RFC 7515) with node's crypto: the header and claims are JSON, base64url without padding.

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

const digestOf = (alg: SigningAlgorithm): string => ({ RS256: 'sha256', ES256: 'sha256', ES384: 'sha384', ES512: 'sha512' })[alg]

export function signJwt (claims: object, key: KeyObject, alg: SigningAlgorithm, kid: string): string {
  const input = `${b64({ alg, kid })}.${b64(claims)}`
  // JWS wants ECDSA signatures as r||s, not DER
  const signature = sign(digestOf(alg), Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}

/** Decodes one base64url JSON segment of a JWT (tests and tooling; no verification). */
export function decodeJwtSegment (segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>
}

/** Verifies a compact JWS against one public key; returns the claims or undefined. */
export function verifyJwt (token: string, publicKey: KeyObject): Record<string, unknown> | undefined {
  const [header, payload, signature] = token.split('.')
  if (header === undefined || payload === undefined || signature === undefined) return undefined
  const alg = decodeJwtSegment(header).alg as SigningAlgorithm
  const ok = verify(digestOf(alg), Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))
  return ok ? decodeJwtSegment(payload) : undefined
}
