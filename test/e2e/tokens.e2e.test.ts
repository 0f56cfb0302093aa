// Service account tokens on a scripts/cluster up cluster: the signing key in $KUBE_TS_HOME/pki, kubectl create token.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { ClusterHarness, describeRun } from './support/cluster-harness.js'

describe('service account tokens on a cluster from scripts/cluster up', () => {
  let cluster: ClusterHarness

  beforeAll(async () => {
    cluster = await ClusterHarness.up('tokens')
  }, 900_000)

  afterAll(async () => {
    await cluster?.destroy()
  }, 120_000)

  it('keeps the generated signing key private', () => {
    for (const file of ['sa.key', 'sa.pub']) expect(statSync(join(cluster.home, 'pki', file)).mode & 0o777).toBe(0o600)
  })

  it('kubectl create token default prints a JWT for the default service account', async () => {
    // the default service account comes from the controller-manager; create it if that is not running
    if ((await cluster.kubectl('get', 'serviceaccount', 'default')).code !== 0) await cluster.kubectl('create', 'serviceaccount', 'default')
    const result = await cluster.kubectl('create', 'token', 'default')
    expect(result.code).toBe(0)
    const [, payload] = result.stdout.trim().split('.')
    expect(payload).toBeDefined()
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
    expect(claims).toMatchObject({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:default:default',
      aud: ['https://kubernetes.default.svc.cluster.local']
    })
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600)
  }, 60_000)

  it('tokens stay verifiable across a restart: the key is generated once', async () => {
    const before = statSync(join(cluster.home, 'pki', 'sa.key')).mtimeMs
    const up = await cluster.cluster('up')
    expect(up.code === 0 ? '' : describeRun('scripts/cluster up (again)', up)).toBe('')
    expect(statSync(join(cluster.home, 'pki', 'sa.key')).mtimeMs).toBe(before)
  }, 300_000)
})
