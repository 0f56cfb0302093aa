import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { keyIdOf, parsePublicKeys, parseSigningKey, ServiceAccountKeyError } from './keys.js'

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString()

describe('service account keys', () => {
  it('derives the kid as unpadded base64url SHA-256 of the DER public key, as openssl computes it', () => {
    const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], { input: publicPem })
    const digest = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der })
    const expected = digest.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
    expect(keyIdOf(rsa.publicKey)).toBe(expected)
  })

  it('reads the signing key and every public key of a PEM bundle', () => {
    expect(parseSigningKey(privatePem, 'sa.key').asymmetricKeyType).toBe('rsa')
    const keys = parsePublicKeys(`${publicPem}\n${privatePem}`, 'sa.pub')
    expect(keys.map((k) => keyIdOf(k))).toEqual([keyIdOf(rsa.publicKey), keyIdOf(createPublicKey(rsa.privateKey))])
  })

  it.each([
    { name: 'a file without PEM', run: () => parseSigningKey('nonsense', 'f'), message: 'f: no PEM data found' },
    { name: 'a signing key file with only a public key', run: () => parseSigningKey(publicPem, 'f'), message: 'f: no private key found' },
    { name: 'an Ed25519 key', run: () => parseSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'f'), message: 'f: unsupported service account key type ed25519 (want RSA or ECDSA P-256/P-384/P-521)' }
  ])('refuses $name without echoing key bytes', ({ run, message }) => {
    expect(run).toThrow(new ServiceAccountKeyError(message))
  })
})
