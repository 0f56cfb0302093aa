import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl: kubectl debug (pods/ephemeralcontainers) and kubectl create token', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)
  const issuer = 'https://kubernetes.default.svc.cluster.local'
  let keyDir: string

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'kube-ts-kubectl-sa-key-'))
    const keyFile = join(keyDir, 'sa.key')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    h = await startKubectlHarness('kubectl-sa', { serviceAccountIssuers: [issuer], serviceAccountSigningKeyFile: keyFile })
  })
  afterAll(async () => {
    await h.stop()
    await rm(keyDir, { recursive: true, force: true })
  })

  it('kubectl debug adds an ephemeral container that kubectl get shows', async () => {
    expect((await kubectl(['run', 'dbg', '--image=busybox', '--', 'sleep', '3600'])).code).toBe(0)
    const debug = await kubectl(['debug', 'dbg', '--image=busybox', '-c', 'debugger'])
    expect(debug.stderr).not.toContain('error')
    expect(debug.code).toBe(0)
    const names = await kubectl(['get', 'pod', 'dbg', '-o', 'jsonpath={.spec.ephemeralContainers[*].name}'])
    expect(names.stdout).toBe('debugger')
    // without -c kubectl picks a name; the first ephemeral container stays as it was
    const second = await kubectl(['debug', 'dbg', '--image=busybox'])
    expect(second.code).toBe(0)
    expect(`${second.stdout}${second.stderr}`).toMatch(/Defaulting debug container name to debugger-[a-z0-9]+\./)
    const all = await kubectl(['get', 'pod', 'dbg', '-o', 'jsonpath={.spec.ephemeralContainers[*].name}'])
    expect(all.stdout).toMatch(/^debugger debugger-[a-z0-9]+$/)
    const described = await kubectl(['describe', 'pod', 'dbg'])
    expect(described.stdout).toMatch(/\nEphemeral Containers:\n\s+debugger:\n\s+Image:\s+busybox\n/)
  })

  it('kubectl create token prints a JWT for the service account that verifies against /openid/v1/jwks', async () => {
    expect((await kubectl(['create', 'serviceaccount', 'robot'])).code).toBe(0)
    const before = Math.floor(Date.now() / 1000)
    const r = await kubectl(['create', 'token', 'robot', '--duration=20m', '--audience=vault'])
    expect(r.stderr).toBe('')
    const token = r.stdout.trim()
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, any>
    expect(claims).toMatchObject({ iss: issuer, sub: 'system:serviceaccount:default:robot', aud: ['vault'], 'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'robot' } } })
    expect(claims.exp - claims.iat).toBe(1200)
    expect(claims.iat).toBeGreaterThanOrEqual(before - 1)
    const { kid } = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as { kid: string }
    const jwks = await (await fetch(`${h.server.url}/openid/v1/jwks`)).json() as { keys: Array<{ kid: string }> }
    const key = createPublicKey({ key: jwks.keys.find((k) => k.kid === kid) as never, format: 'jwk' })
    expect(verify('sha256', Buffer.from(`${header ?? ''}.${payload ?? ''}`), key, Buffer.from(signature ?? '', 'base64url'))).toBe(true)
  })

  it('kubectl create token reports the upstream errors', async () => {
    const short = await kubectl(['create', 'token', 'robot', '--duration=1m'])
    expect(short.stderr).toContain('TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes')
    const missing = await kubectl(['create', 'token', 'nobody'])
    expect(missing.stderr).toContain('serviceaccounts "nobody" not found')
  })
})
