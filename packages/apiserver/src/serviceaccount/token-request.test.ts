import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import request from 'supertest'
import { allSchemas } from '@kube-ts/api'
import { createApp } from '../app.js'
import { MemoryStorage } from '../storage/memory-storage.js'
import { GenericRegistry } from '../registry/generic-registry.js'
import { defaultPatchEngines } from '../http/patch-engines.js'
import { ServiceAccountTokens } from './token-signer.js'
import { decodeJwtSegment, verifyJwt } from './jwt.js'

const ISSUER = 'https://kubernetes.default.svc.cluster.local'
const NOW = new Date('2026-11-23T09:00:00Z')
const tokenPath = (sa: string): string => `/api/v1/namespaces/default/serviceaccounts/${sa}/token`
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey

type App = ReturnType<typeof createApp>

/** `null` builds an apiserver without a signing key. */
async function newApp (tokens: ServiceAccountTokens | null = new ServiceAccountTokens({ issuers: [ISSUER], signingKey: rsa }), discovery = true): Promise<App> {
  const storage = new MemoryStorage()
  const app = createApp({
    store: new GenericRegistry({ storage }),
    schemas: allSchemas(),
    healthy: async () => true,
    patch: defaultPatchEngines(),
    now: () => NOW,
    ...(tokens !== null ? { serviceAccountTokens: tokens, serviceAccountDiscovery: discovery } : {})
  })
  expect((await request(app).post('/api/v1/namespaces').send({ metadata: { name: 'default' } })).status).toBe(201)
  expect((await request(app).post('/api/v1/namespaces/default/serviceaccounts').send({ metadata: { name: 'default' } })).status).toBe(201)
  return app
}

async function jwksKey (app: App, kid: string): Promise<KeyObject> {
  const res = await request(app).get('/openid/v1/jwks')
  const jwk = (res.body as { keys: Array<{ kid: string }> }).keys.find((k) => k.kid === kid)
  expect(jwk).toBeDefined()
  return createPublicKey({ key: jwk as never, format: 'jwk' })
}

async function createToken (app: App, spec: Record<string, unknown> = {}, sa = 'default'): Promise<request.Response> {
  return await request(app).post(tokenPath(sa)).send({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec })
}

describe('serviceaccounts/token', () => {
  it('issues an RS256 token for one hour with the issuer as audience, verifiable with the published JWKS', async () => {
    const app = await newApp()
    const sa = await request(app).get('/api/v1/namespaces/default/serviceaccounts/default')
    const res = await createToken(app)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name: 'default', namespace: 'default' },
      spec: { audiences: [ISSUER], expirationSeconds: 3600 },
      status: { expirationTimestamp: '2026-11-23T10:00:00Z' }
    })
    const token = res.body.status.token as string
    const header = decodeJwtSegment(token.split('.')[0] ?? '')
    expect(header.alg).toBe('RS256')
    const claims = verifyJwt(token, await jwksKey(app, String(header.kid)))
    const iat = NOW.getTime() / 1000
    expect(claims).toEqual({
      iss: ISSUER,
      sub: 'system:serviceaccount:default:default',
      aud: [ISSUER],
      iat,
      nbf: iat,
      exp: iat + 3600,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'default', uid: sa.body.metadata.uid } }
    })
  })

  it('signs with ES256 for an ECDSA P-256 key', async () => {
    const app = await newApp(new ServiceAccountTokens({ issuers: [ISSUER], signingKey: ec }))
    const token = (await createToken(app)).body.status.token as string
    const header = decodeJwtSegment(token.split('.')[0] ?? '')
    expect(header.alg).toBe('ES256')
    expect(verifyJwt(token, await jwksKey(app, String(header.kid)))).toMatchObject({ sub: 'system:serviceaccount:default:default' })
  })

  it('does not verify with another key', async () => {
    const app = await newApp()
    const token = (await createToken(app)).body.status.token as string
    expect(verifyJwt(token, createPublicKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey))).toBeUndefined()
  })

  it.each([
    { name: 'requested audiences replace the default', spec: { audiences: ['vault'] }, aud: ['vault'], seconds: 3600 },
    { name: 'ten minutes is the shortest allowed lifetime', spec: { expirationSeconds: 600 }, aud: [ISSUER], seconds: 600 }
  ])('$name', async ({ spec, aud, seconds }) => {
    const res = await createToken(await newApp(), spec)
    expect(res.status).toBe(201)
    const claims = decodeJwtSegment(String(res.body.status.token).split('.')[1] ?? '')
    expect(claims.aud).toEqual(aud)
    expect(Number(claims.exp) - Number(claims.iat)).toBe(seconds)
  })

  it('defaults audiences to --api-audiences when set', async () => {
    const app = await newApp(new ServiceAccountTokens({ issuers: [ISSUER], signingKey: rsa, apiAudiences: ['api', 'other'] }))
    expect((await createToken(app)).body.spec.audiences).toEqual(['api', 'other'])
  })

  it.each([
    { name: 'refuses less than ten minutes', seconds: 599, message: 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 10 minutes' },
    { name: 'refuses more than 2^32 seconds', seconds: 2 ** 32 + 1, message: 'TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds' }
  ])('$name with 422', async ({ seconds, message }) => {
    const res = await createToken(await newApp(), { expirationSeconds: seconds })
    expect(res.status).toBe(422)
    expect(res.body).toMatchObject({ reason: 'Invalid', message, details: { group: 'authentication.k8s.io', kind: 'TokenRequest', causes: [{ field: 'spec.expirationSeconds' }] } })
  })

  it('shortens a lifetime beyond --service-account-max-token-expiration and warns', async () => {
    const app = await newApp(new ServiceAccountTokens({ issuers: [ISSUER], signingKey: rsa, maxExpirationSeconds: 7200 }))
    const res = await createToken(app, { expirationSeconds: 86400 })
    expect(res.status).toBe(201)
    expect(res.body.spec.expirationSeconds).toBe(7200)
    expect(res.body.status.expirationTimestamp).toBe('2026-11-23T11:00:00Z')
    expect(res.headers.warning).toBe('299 - "requested expiration of 86400 seconds shortened to 7200 seconds"')
  })

  it('answers 404 for a missing service account', async () => {
    const res = await createToken(await newApp(), {}, 'nope')
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('serviceaccounts "nope" not found')
  })

  it('refuses a body naming another service account', async () => {
    const res = await request(await newApp()).post(tokenPath('default')).send({ metadata: { name: 'other' }, spec: {} })
    expect(res.status).toBe(422)
    expect(res.body.details.causes[0]).toMatchObject({ field: 'metadata.name', message: 'Invalid value: "other": must match the service account name if specified' })
  })

  describe('bound tokens', () => {
    async function withPod (serviceAccountName?: string): Promise<{ app: App, uid: string }> {
      const app = await newApp()
      const spec = { containers: [{ name: 'c', image: 'busybox' }], ...(serviceAccountName !== undefined ? { serviceAccountName } : {}) }
      const pod = await request(app).post('/api/v1/namespaces/default/pods').send({ metadata: { name: 'p1' }, spec })
      expect(pod.status).toBe(201)
      return { app, uid: pod.body.metadata.uid as string }
    }
    const podRef = (uid?: string): Record<string, unknown> => ({ boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p1', ...(uid !== undefined ? { uid } : {}) } })

    it('names the bound pod in the kubernetes.io claim', async () => {
      const { app, uid } = await withPod()
      const res = await createToken(app, podRef(uid))
      expect(res.status).toBe(201)
      expect(res.body.spec.boundObjectRef).toEqual({ kind: 'Pod', apiVersion: 'v1', name: 'p1', uid })
      const claims = decodeJwtSegment(String(res.body.status.token).split('.')[1] ?? '')
      expect(claims['kubernetes.io']).toMatchObject({ pod: { name: 'p1', uid } })
    })

    it('names a bound secret', async () => {
      const app = await newApp()
      const secret = await request(app).post('/api/v1/namespaces/default/secrets').send({ metadata: { name: 's1' } })
      const res = await createToken(app, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's1' } })
      const claims = decodeJwtSegment(String(res.body.status.token).split('.')[1] ?? '')
      expect(claims['kubernetes.io']).toMatchObject({ secret: { name: 's1', uid: secret.body.metadata.uid } })
    })

    it.each([
      { name: 'answers 404 for a missing pod', make: async () => await newApp(), spec: podRef(), code: 404, message: 'pods "p1" not found' },
      { name: 'answers 409 when the pod uid is stale', make: async () => (await withPod()).app, spec: podRef('old-uid'), code: 409, message: 'Operation cannot be fulfilled on Pod "p1": the UID in the bound object reference (old-uid) does not match the UID in record. The object might have been deleted and then recreated' },
      { name: 'answers 400 for a pod running as another service account', make: async () => (await withPod('builder')).app, spec: podRef(), code: 400, message: 'cannot bind token for serviceaccount "default" to pod running with different serviceaccount name.' },
      { name: 'answers 400 for a kind that cannot be bound', make: async () => await newApp(), spec: { boundObjectRef: { kind: 'Deployment', apiVersion: 'apps/v1', name: 'd' } }, code: 400, message: 'cannot bind token to object of type apps/v1, Kind=Deployment' }
    ])('$name', async ({ make, spec, code, message }) => {
      const res = await createToken(await make(), spec)
      expect(res.status).toBe(code)
      expect(res.body.message).toBe(message)
    })
  })

  it('accepts the protobuf body kubectl create token sends', async () => {
    const body = readFileSync(join(__dirname, '../protobuf/fixtures/token.bin'))
    const res = await request(await newApp()).post(tokenPath('default')).set('Content-Type', 'application/vnd.kubernetes.protobuf').send(body)
    expect(res.status).toBe(201)
    expect(res.body.spec).toEqual({ audiences: ['a1'], expirationSeconds: 600 })
  })

  it('serves the OpenID discovery document for an https issuer', async () => {
    const res = await request(await newApp()).get('/.well-known/openid-configuration').set('Host', '127.0.0.1:6443')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      issuer: ISSUER,
      jwks_uri: 'http://127.0.0.1:6443/openid/v1/jwks',
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256']
    })
    const jwks = await request(await newApp()).get('/openid/v1/jwks')
    expect(jwks.headers['content-type']).toBe('application/jwk-set+json')
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256', e: 'AQAB' })
  })

  it('serves no discovery when it is off (non-https issuer) but still issues tokens', async () => {
    const app = await newApp(new ServiceAccountTokens({ issuers: ['api'], signingKey: rsa }), false)
    expect((await request(app).get('/openid/v1/jwks')).status).toBe(404)
    expect((await createToken(app)).status).toBe(201)
  })

  it('is not installed without a signing key: 404 and absent from discovery', async () => {
    const app = await newApp(null)
    const res = await createToken(app)
    expect(res.status).toBe(404)
    expect(res.body.message).toBe('the server could not find the requested resource')
    const legacy = await request(app).get('/api/v1')
    const names = (legacy.body.resources as Array<{ name: string }>).map((r) => r.name)
    expect(names).toContain('pods/ephemeralcontainers')
    expect(names).not.toContain('serviceaccounts/token')
    expect((await request(app).get('/.well-known/openid-configuration')).status).toBe(404)
  })
})
