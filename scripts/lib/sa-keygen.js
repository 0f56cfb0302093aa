// Writes a new RSA service account signing key pair: sa-keygen.js PRIVATE_PEM PUBLIC_PEM (both 0600, never printed).
// Used where openssl may be missing: scripts/lib/sa-key.sh and the compose control plane (deploy/compose/bin).
'use strict'
const { generateKeyPairSync } = require('node:crypto')
const { writeFileSync } = require('node:fs')

const [privateFile, publicFile] = process.argv.slice(2)
if (!privateFile || !publicFile) {
  process.stderr.write('usage: sa-keygen.js PRIVATE_PEM PUBLIC_PEM\n')
  process.exit(2)
}
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o600 })
