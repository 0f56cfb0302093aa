import { X509Certificate, createHash, createPrivateKey, createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

/** JWS algorithm per key, as upstream's token generator picks it (RSA: RS256; ECDSA: by curve). */
export type SigningAlgorithm = 'RS256' | 'ES256' | 'ES384' | 'ES512'

const curveAlgorithms: Readonly<Record<string, SigningAlgorithm>> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' }

/** Thrown for a key file that holds nothing usable; startup fails with it (the message never carries key bytes). */
export class ServiceAccountKeyError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ServiceAccountKeyError'
  }
}

export function algorithmOf (key: KeyObject): SigningAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256'
  const curve = key.asymmetricKeyType === 'ec' ? key.asymmetricKeyDetails?.namedCurve : undefined
  const alg = curve === undefined ? undefined : curveAlgorithms[curve]
  if (alg === undefined) throw new ServiceAccountKeyError(`unsupported service account key type ${key.asymmetricKeyType ?? 'unknown'} (want RSA or ECDSA P-256/P-384/P-521)`)
  return alg
}

/**
 * The key id upstream puts in the JWT header and the JWKS: unpadded base64url of the SHA-256 of the public key's
 * DER-encoded SubjectPublicKeyInfo, so every apiserver sharing a key derives the same id.
 */
export function keyIdOf (publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64url')
}

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g

function blocksOf (pem: string, file: string): Array<{ label: string, text: string }> {
  const blocks = [...pem.matchAll(pemBlock)].map((m) => ({ label: m[1] ?? '', text: m[0] }))
  if (blocks.length === 0) throw new ServiceAccountKeyError(`${file}: no PEM data found`)
  return blocks
}

/** The first private key in a PEM file (`--service-account-signing-key-file`). */
export function parseSigningKey (pem: string, file: string): KeyObject {
  const block = blocksOf(pem, file).find((b) => b.label.endsWith('PRIVATE KEY'))
  if (block === undefined) throw new ServiceAccountKeyError(`${file}: no private key found`)
  try {
    const key = createPrivateKey(block.text)
    algorithmOf(key)
    return key
  } catch (err) {
    if (err instanceof ServiceAccountKeyError) throw new ServiceAccountKeyError(`${file}: ${err.message}`)
    throw new ServiceAccountKeyError(`${file}: the private key could not be parsed`)
  }
}

/**
 * Every public key in a PEM file (`--service-account-key-file`): public keys, private keys (their public half)
 * and certificates, as upstream's keyutil.ParsePublicKeysPEM reads them.
 */
export function parsePublicKeys (pem: string, file: string): KeyObject[] {
  const keys: KeyObject[] = []
  for (const block of blocksOf(pem, file)) {
    try {
      if (block.label.endsWith('PRIVATE KEY')) keys.push(createPublicKey(createPrivateKey(block.text)))
      else if (block.label.endsWith('PUBLIC KEY')) keys.push(createPublicKey(block.text))
      else if (block.label === 'CERTIFICATE') keys.push(new X509Certificate(block.text).publicKey)
    } catch {
      throw new ServiceAccountKeyError(`${file}: a ${block.label} block could not be parsed`)
    }
  }
  if (keys.length === 0) throw new ServiceAccountKeyError(`${file}: no public keys found`)
  for (const key of keys) algorithmOf(key)
  return keys
}
