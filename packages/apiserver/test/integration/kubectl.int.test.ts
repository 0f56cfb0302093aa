import { createPublicKey, generateKeyPairSync, randomUUID, verify } from 'node:crypto'
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Etcd3 } from 'etcd3'
import { startApiServer } from '../../src/http/testing/start-server.js'
import type { RunningApiServer } from '../../src/http/testing/start-server.js'

const kubectlBin = process.env.KUBE_TS_KUBECTL ?? '/usr/bin/kubectl'

interface Result { code: number, stdout: string, stderr: string }

describe('the real kubectl against the apiserver', () => {
  let server: RunningApiServer
  let dir: string
  let env: NodeJS.ProcessEnv
  let etcd: Etcd3
  const prefix = `/kube-ts-kubectl-${randomUUID()}`

  const kubectl = async (args: string[], stdin?: string): Promise<Result> => await new Promise((resolve) => {
    const child = execFile(kubectlBin, args, { env, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
    })
    if (stdin !== undefined) child.stdin?.end(stdin)
  })
  const stored = async (key: string): Promise<any> => {
    const text = await etcd.get(`${prefix}/${key}`).string()
    return text === null ? undefined : JSON.parse(text)
  }

  beforeAll(async () => {
    const etcdUrl = process.env.KUBE_TS_TEST_ETCD ?? ''
    server = await startApiServer(etcdUrl, prefix)
    etcd = new Etcd3({ hosts: etcdUrl })
    dir = await mkdtemp(join(tmpdir(), 'kube-ts-kubectl-'))
    const kubeconfig = join(dir, 'kubeconfig')
    await writeFile(kubeconfig, [
      'apiVersion: v1', 'kind: Config',
      `clusters: [{name: t, cluster: {server: "${server.url}"}}]`,
      'users: [{name: u, user: {}}]',
      'contexts: [{name: t, context: {cluster: t, user: u, namespace: default}}]',
      'current-context: t', ''
    ].join('\n'))
    env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dir, 'cache') }
    await writeFile(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: "1"\n')
    await writeFile(join(dir, 'deploy.yaml'), [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1',
      '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
      '    spec:', '      containers:', '      - name: c', '        image: busybox', ''
    ].join('\n'))
    // the default namespace is created in the background at startup
    for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  })
  afterAll(async () => {
    await server.stop()
    await etcd.delete().prefix(prefix)
    etcd.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('reports the server version as 1.32', async () => {
    const r = await kubectl(['version'])
    expect(r.stdout).toContain('Server Version: v1.32.4-kube-ts')
  })

  it('lists api-resources from discovery', async () => {
    const r = await kubectl(['api-resources'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND/)
    expect(r.stdout).toMatch(/\npods\s+po\s+v1\s+true\s+Pod\n/)
    expect(r.stdout).toMatch(/\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/)
    expect(r.stdout).toMatch(/\nnamespaces\s+ns\s+v1\s+false\s+Namespace\n/)
  })

  it('creates from a file and stores the object in etcd', async () => {
    const r = await kubectl(['create', '-f', 'cm.yaml', '--validate=false'])
    expect(r.stdout.trim()).toBe('configmap/demo created')
    expect(await stored('configmaps/default/demo')).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'demo', namespace: 'default' }, data: { a: '1' } })
  })

  it('gets a table and YAML', async () => {
    const table = await kubectl(['get', 'configmaps'])
    expect(table.stdout).toMatch(/^NAME\s+DATA\s+AGE\n/)
    expect(table.stdout).toMatch(/\ndemo\s+1\s+\d+s\n/)
    const yaml = await kubectl(['get', 'configmap', 'demo', '-o', 'yaml'])
    expect(yaml.stdout).toContain('kind: ConfigMap')
    expect(yaml.stdout).toContain('  name: demo')
    expect(yaml.stdout).toContain('  a: "1"')
  })

  it('labels and annotates, and the changes are stored', async () => {
    expect((await kubectl(['label', 'configmap', 'demo', 'tier=web'])).stdout.trim()).toBe('configmap/demo labeled')
    expect((await kubectl(['annotate', 'configmap', 'demo', 'note=hello'])).stdout.trim()).toBe('configmap/demo annotated')
    const obj = await stored('configmaps/default/demo')
    expect(obj.metadata.labels).toEqual({ tier: 'web' })
    expect(obj.metadata.annotations).toEqual({ note: 'hello' })
    const shown = await kubectl(['get', 'configmaps', '--show-labels'])
    expect(shown.stdout).toMatch(/\ndemo\s+1\s+\S+\s+tier=web\n/)
  })

  it('prints a not-found error like upstream', async () => {
    const r = await kubectl(['get', 'configmap', 'nope'])
    expect(r.code).toBe(1)
    expect(r.stderr.trim()).toBe('Error from server (NotFound): configmaps "nope" not found')
  })

  it('watches with get -w and prints objects created meanwhile', async () => {
    const child = spawn(kubectlBin, ['get', 'configmaps', '-w'], { env, cwd: dir })
    let out = ''
    child.stdout.on('data', (c: Buffer) => { out += c.toString() })
    try {
      const waitFor = async (re: RegExp): Promise<boolean> => {
        for (let i = 0; i < 100; i++) {
          if (re.test(out)) return true
          await new Promise((r) => setTimeout(r, 100))
        }
        return false
      }
      expect(await waitFor(/demo/)).toBe(true)
      await fetch(`${server.url}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'watched-cm' }, data: { x: 'y' } }) })
      expect(await waitFor(/\nwatched-cm\s+1\s+\S+\n/)).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('applies with default validation: creates, then configures', async () => {
    await writeFile(join(dir, 'applied.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  v: one\n')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied created')
    await writeFile(join(dir, 'applied.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  v: two\n')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied configured')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied unchanged')
    const obj = await stored('configmaps/default/applied')
    expect(obj.data).toEqual({ v: 'two' })
    expect(obj.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"v":"two"')
  })

  it('rejects unknown fields under the default strict validation, naming the field', async () => {
    await writeFile(join(dir, 'typo.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndatta:\n  v: one\n')
    const r = await kubectl(['apply', '-f', 'typo.yaml'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('unknown field "datta"')
    expect(await stored('configmaps/default/typo')).toBeUndefined()
  })

  it('explains nested fields from the served OpenAPI v3', async () => {
    const r = await kubectl(['explain', 'deployment.spec.template.spec.containers.livenessProbe'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('KIND:       Deployment')
    expect(r.stdout).toMatch(/initialDelaySeconds\s+<integer>/)
  })

  it('server-side applies with field ownership, conflicts and --force-conflicts', async () => {
    await writeFile(join(dir, 'ssa.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "1"\n  b: "2"\n')
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa.yaml'])).stdout.trim()).toBe('configmap/ssa serverside-applied')
    const first = await stored('configmaps/default/ssa')
    expect(first.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } })])
    await writeFile(join(dir, 'ssa2.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "9"\n')
    const conflict = await kubectl(['apply', '--server-side', '--field-manager=other', '-f', 'ssa2.yaml'])
    expect(conflict.code).not.toBe(0)
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.a')
    expect((await stored('configmaps/default/ssa')).data).toEqual({ a: '1', b: '2' })
    expect((await kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', 'ssa2.yaml'])).code).toBe(0)
    expect((await stored('configmaps/default/ssa')).data).toEqual({ a: '9', b: '2' })
    // the first manager drops b from its configuration: b is pruned because nobody else owns it
    await writeFile(join(dir, 'ssa3.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata: {}\n')
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa3.yaml'])).code).toBe(0)
    expect((await stored('configmaps/default/ssa')).data).toEqual({ a: '9' })
  })

  it('applies a deployment and scales it through the scale subresource', async () => {
    expect((await kubectl(['apply', '-f', 'deploy.yaml'])).stdout.trim()).toBe('deployment.apps/web created')
    expect((await kubectl(['scale', 'deployment', 'web', '--replicas=3'])).stdout.trim()).toBe('deployment.apps/web scaled')
    expect((await stored('deployments/default/web')).spec.replicas).toBe(3)
    const r = await kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'])
    expect(r.stdout).toBe('3')
  })

  it('autoscales through autoscaling/v1, stored as autoscaling/v2', async () => {
    expect((await kubectl(['autoscale', 'deployment', 'web', '--min=1', '--max=4', '--cpu-percent=60'])).stdout.trim()).toBe('horizontalpodautoscaler.autoscaling/web autoscaled')
    const stored_ = await stored('horizontalpodautoscalers/default/web')
    expect(stored_.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }])
    const v1 = JSON.parse((await kubectl(['get', 'horizontalpodautoscalers.v1.autoscaling', 'web', '-o', 'json'])).stdout)
    expect(v1).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { maxReplicas: 4, targetCPUUtilizationPercentage: 60 } })
    expect((await kubectl(['get', 'hpa', 'web'])).stdout).toMatch(/web\s+Deployment\/web\s+cpu: <unknown>\/60%\s+1\s+4\s+0\s/)
  })

  it('deletes, and the object leaves etcd', async () => {
    const r = await kubectl(['delete', 'configmap', 'demo'])
    expect(r.stdout.trim()).toBe('configmap "demo" deleted')
    expect(await stored('configmaps/default/demo')).toBeUndefined()
    expect((await kubectl(['get', 'configmap', 'demo'])).code).toBe(1)
  })

  it('creates through the typed (protobuf) generators', async () => {
    expect((await kubectl(['create', 'configmap', 'gen', '--from-literal=k=v'])).stdout.trim()).toBe('configmap/gen created')
    expect((await stored('configmaps/default/gen')).data).toEqual({ k: 'v' })
    expect((await kubectl(['create', 'namespace', 'team-a'])).stdout.trim()).toBe('namespace/team-a created')
    expect((await stored('namespaces/team-a')).metadata.name).toBe('team-a')
    const dep = await kubectl(['create', 'deployment', 'gen-web', '--image=busybox', '--replicas=2'])
    expect(dep.stdout.trim()).toBe('deployment.apps/gen-web created')
    expect((await stored('deployments/default/gen-web')).spec.replicas).toBe(2)
  })

  it('answers auth can-i from a SelfSubjectAccessReview without storing it (no authorizer: everything allowed)', async () => {
    const r = await kubectl(['auth', 'can-i', 'delete', 'pods'])
    expect(r.stdout.trim()).toBe('yes')
    expect(r.code).toBe(0)
    expect((await etcd.getAll().prefix(`${prefix}/selfsubjectaccessreviews`).keys()).length).toBe(0)
    expect((await kubectl(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).stdout).toBe('system:anonymous')
  })

  it('drains a node through the eviction subresource', async () => {
    const post = async (path: string, body: unknown): Promise<number> =>
      (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status
    expect(await post('/api/v1/nodes', { metadata: { name: 'node-a' } })).toBe(201)
    expect(await post('/api/v1/namespaces/default/pods', { metadata: { name: 'on-a' }, spec: { nodeName: 'node-a', containers: [{ name: 'c', image: 'busybox' }] } })).toBe(201)
    const r = await kubectl(['drain', 'node-a', '--force', '--grace-period=0', '--timeout=20s'])
    expect(r.stdout).toContain('node/node-a cordoned')
    expect(r.stdout).toContain('evicting pod default/on-a')
    expect(r.stdout).toContain('node/node-a drained')
    expect((await stored('minions/node-a')).spec.unschedulable).toBe(true)
    expect(await stored('pods/default/on-a')).toBeUndefined()
  })

  it('lists the bootstrap namespaces and the kubernetes service', async () => {
    const ns = await kubectl(['get', 'namespaces', '-o', 'name'])
    expect(ns.stdout.trim().split('\n')).toEqual(expect.arrayContaining(['namespace/default', 'namespace/kube-node-lease', 'namespace/kube-public', 'namespace/kube-system']))
    const svc = await kubectl(['get', 'service', 'kubernetes', '-o', 'jsonpath={.spec.clusterIP}'])
    expect(svc.stdout).toBe('10.96.0.1')
  })
})

describe('the real kubectl and server-side field validation', () => {
  let server: RunningApiServer
  let dir: string
  let env: NodeJS.ProcessEnv
  let etcd: Etcd3
  const prefix = `/kube-ts-kubectl-fv-${randomUUID()}`
  const kubectl = async (args: string[]): Promise<Result> => await new Promise((resolve) => {
    execFile(kubectlBin, args, { env, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
    })
  })
  const stored = async (key: string): Promise<any> => {
    const text = await etcd.get(`${prefix}/${key}`).string()
    return text === null ? undefined : JSON.parse(text)
  }
  const deployment = (name: string, extra: { spec?: string, container?: string }): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 1', extra.spec ?? '',
    '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
    '    spec:', '      containers:', '      - name: c', '        image: busybox', extra.container ?? '', ''
  ].filter((l) => l !== '').join('\n')

  beforeAll(async () => {
    const etcdUrl = process.env.KUBE_TS_TEST_ETCD ?? ''
    server = await startApiServer(etcdUrl, prefix)
    etcd = new Etcd3({ hosts: etcdUrl })
    dir = await mkdtemp(join(tmpdir(), 'kube-ts-kubectl-fv-'))
    await writeFile(join(dir, 'kubeconfig'), `apiVersion: v1\nkind: Config\nclusters: [{name: t, cluster: {server: "${server.url}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: t, context: {cluster: t, user: u, namespace: default}}]\ncurrent-context: t\n`)
    env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache') }
    for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  })
  afterAll(async () => {
    await server.stop()
    await etcd.delete().prefix(prefix)
    etcd.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('apply refuses an unknown field under its default --validate=strict, as upstream words it', async () => {
    await writeFile(join(dir, 'bad.yaml'), deployment('strict', { spec: '  foo: 1' }))
    const r = await kubectl(['apply', '-f', 'bad.yaml'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('Error from server (BadRequest): error when creating "bad.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"')
    expect(await stored('deployments/default/strict')).toBeUndefined()
  })

  it('apply --validate=warn prints the warning and stores the object without the field', async () => {
    await writeFile(join(dir, 'warn.yaml'), deployment('warned', { spec: '  foo: 1' }))
    const r = await kubectl(['apply', '--validate=warn', '-f', 'warn.yaml'])
    expect(r.stdout.trim()).toBe('deployment.apps/warned created')
    expect(r.stderr).toContain('Warning: unknown field "spec.foo"')
    const obj = await stored('deployments/default/warned')
    expect(obj.spec.replicas).toBe(1)
    expect(obj.spec.foo).toBeUndefined()
  })

  it('apply to an existing object refuses a nested unknown field in the patch it sends', async () => {
    await writeFile(join(dir, 'nested.yaml'), deployment('warned', { container: '        foo: bar' }))
    const r = await kubectl(['apply', '-f', 'nested.yaml'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.template.spec.containers[0].foo"')
    const obj = await stored('deployments/default/warned')
    expect(obj.spec.template.spec.containers[0].foo).toBeUndefined()
  })

  it('server-side apply of an unknown field fails as structured-merge-diff does, whatever --validate says', async () => {
    await writeFile(join(dir, 'ssa.yaml'), deployment('ssa', { spec: '  foo: 1' }))
    for (const validate of ['--validate=strict', '--validate=false']) {
      const r = await kubectl(['apply', '--server-side', validate, '-f', 'ssa.yaml'])
      expect(r.code).not.toBe(0)
      expect(r.stderr).toContain('failed to create typed patch object (default/ssa; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema')
    }
    expect(await stored('deployments/default/ssa')).toBeUndefined()
  })

  it('a JSON manifest with a repeated key is reported: a warning by default, an error with Strict', async () => {
    await writeFile(join(dir, 'dup.json'), '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}}')
    const warned = await kubectl(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', 'dup.json'])
    expect(warned.code).toBe(0)
    expect(warned.stderr).toContain('Warning: duplicate field "data.a"')
    expect((await stored('configmaps/default/dup')).data).toEqual({ a: '2' })
    const refused = await kubectl(['replace', '--raw', '/api/v1/namespaces/default/configmaps/dup?fieldValidation=Strict', '-f', 'dup.json'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('Error from server (BadRequest): ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.a"')
  })
})

describe('the real kubectl: kubectl debug (pods/ephemeralcontainers) and kubectl create token', () => {
  let server: RunningApiServer
  let dir: string
  const prefix = `/kube-ts-kubectl-sa-${randomUUID()}`
  const issuer = 'https://kubernetes.default.svc.cluster.local'
  const run = async (args: string[]): Promise<Result> => await new Promise((resolve) => {
    execFile(kubectlBin, args, { env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') }, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : 1, stdout, stderr })
    })
  })

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-ts-kubectl-sa-'))
    const keyFile = join(dir, 'sa.key')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    server = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', prefix, { serviceAccountIssuers: [issuer], serviceAccountSigningKeyFile: keyFile })
    await writeFile(join(dir, 'kubeconfig'), `apiVersion: v1\nkind: Config\nclusters: [{name: t, cluster: {server: "${server.url}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: t, context: {cluster: t, user: u, namespace: default}}]\ncurrent-context: t\n`)
    for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  })
  afterAll(async () => {
    await server.stop()
    const etcd = new Etcd3({ hosts: process.env.KUBE_TS_TEST_ETCD ?? '' })
    await etcd.delete().prefix(prefix)
    etcd.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('kubectl debug adds an ephemeral container that kubectl get shows', async () => {
    expect((await run(['run', 'dbg', '--image=busybox', '--', 'sleep', '3600'])).code).toBe(0)
    const debug = await run(['debug', 'dbg', '--image=busybox', '-c', 'debugger'])
    expect(debug.stderr).not.toContain('error')
    expect(debug.code).toBe(0)
    const names = await run(['get', 'pod', 'dbg', '-o', 'jsonpath={.spec.ephemeralContainers[*].name}'])
    expect(names.stdout).toBe('debugger')
    // without -c kubectl picks a name; the first ephemeral container stays as it was
    const second = await run(['debug', 'dbg', '--image=busybox'])
    expect(second.code).toBe(0)
    expect(`${second.stdout}${second.stderr}`).toMatch(/Defaulting debug container name to debugger-[a-z0-9]+\./)
    const all = await run(['get', 'pod', 'dbg', '-o', 'jsonpath={.spec.ephemeralContainers[*].name}'])
    expect(all.stdout).toMatch(/^debugger debugger-[a-z0-9]+$/)
    const described = await run(['describe', 'pod', 'dbg'])
    expect(described.stdout).toMatch(/\nEphemeral Containers:\n\s+debugger:\n\s+Image:\s+busybox\n/)
  })

  it('kubectl create token prints a JWT for the service account that verifies against /openid/v1/jwks', async () => {
    expect((await run(['create', 'serviceaccount', 'robot'])).code).toBe(0)
    const before = Math.floor(Date.now() / 1000)
    const r = await run(['create', 'token', 'robot', '--duration=20m', '--audience=vault'])
    expect(r.stderr).toBe('')
    const token = r.stdout.trim()
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, any>
    expect(claims).toMatchObject({ iss: issuer, sub: 'system:serviceaccount:default:robot', aud: ['vault'], 'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'robot' } } })
    expect(claims.exp - claims.iat).toBe(1200)
    expect(claims.iat).toBeGreaterThanOrEqual(before - 1)
    const { kid } = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as { kid: string }
    const jwks = await (await fetch(`${server.url}/openid/v1/jwks`)).json() as { keys: Array<{ kid: string }> }
    const key = createPublicKey({ key: jwks.keys.find((k) => k.kid === kid) as never, format: 'jwk' })
    expect(verify('sha256', Buffer.from(`${header ?? ''}.${payload ?? ''}`), key, Buffer.from(signature ?? '', 'base64url'))).toBe(true)
  })

  it('kubectl create token reports the upstream errors', async () => {
    const short = await run(['create', 'token', 'robot', '--duration=1m'])
    expect(short.stderr).toContain('TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes')
    const missing = await run(['create', 'token', 'nobody'])
    expect(missing.stderr).toContain('serviceaccounts "nobody" not found')
  })
})

describe('the real kubectl and managedFields on every write', () => {
  let server: RunningApiServer
  let dir: string
  let env: NodeJS.ProcessEnv
  const prefix = `/kube-ts-kubectl-mf-${randomUUID()}`
  const kubectl = async (args: string[]): Promise<Result> => await new Promise((resolve) => {
    execFile(kubectlBin, args, { env, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
    })
  })
  const managedFields = async (kind: string, name: string): Promise<Array<Record<string, any>>> => {
    const r = await kubectl(['get', kind, name, '-o', 'json', '--show-managed-fields'])
    return JSON.parse(r.stdout).metadata.managedFields
  }
  const applied = (replicas: number): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: mf', '  labels: {app: mf}', 'spec:', `  replicas: ${replicas}`,
    '  selector:', '    matchLabels: {app: mf}', '  template:', '    metadata:', '      labels: {app: mf}',
    '    spec:', '      containers:', '      - name: busybox', '        image: busybox', ''
  ].join('\n')

  beforeAll(async () => {
    ;({ server, dir, env } = await startKubectlEnv(prefix, 'kube-ts-kubectl-mf-'))
    await writeFile(join(dir, 'apply5.yaml'), applied(5))
    await writeFile(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\ndata:\n  a: "1"\n')
  })
  afterAll(async () => { await stopKubectlEnv(server, prefix, dir) })

  it('create, scale, then a server-side apply of another replica count conflicts with the scale entry', async () => {
    expect((await kubectl(['create', 'deployment', 'mf', '--image=busybox'])).stdout.trim()).toBe('deployment.apps/mf created')
    expect((await kubectl(['scale', 'deployment', 'mf', '--replicas=3'])).stdout.trim()).toBe('deployment.apps/mf scaled')
    const entries = await managedFields('deployment', 'mf')
    expect(entries.map(e => [e.manager, e.operation, e.apiVersion, e.subresource])).toEqual([
      ['kubectl', 'Update', 'apps/v1', 'scale'],
      ['kubectl-create', 'Update', 'apps/v1', undefined]
    ])
    expect(entries[0]).toEqual({ manager: 'kubectl', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' })
    expect(entries[1]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(entries[1]?.fieldsV1['f:spec']['f:replicas']).toBeUndefined()
    expect(entries[1]?.fieldsV1['f:spec']['f:template']['f:spec']['f:containers']).toHaveProperty(['k:{"name":"busybox"}', 'f:image'])
    const yaml = await kubectl(['get', 'deployment', 'mf', '-o', 'yaml', '--show-managed-fields'])
    expect(yaml.stdout).toContain('    manager: kubectl-create\n    operation: Update\n')
    expect(yaml.stdout).toContain('    manager: kubectl\n    operation: Update\n    subresource: scale\n')

    const conflict = await kubectl(['apply', '--server-side', '-f', 'apply5.yaml'])
    expect(conflict.code).not.toBe(0)
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas')
    const forced = await kubectl(['apply', '--server-side', '--force-conflicts', '-f', 'apply5.yaml'])
    expect(forced.stdout.trim()).toBe('deployment.apps/mf serverside-applied')
    const after = await managedFields('deployment', 'mf')
    expect(after.find(e => e.subresource === 'scale')).toBeUndefined()
    expect(after.find(e => e.manager === 'kubectl' && e.operation === 'Apply')?.fieldsV1['f:spec']).toHaveProperty('f:replicas')
  })

  it('client-side apply and label are recorded under their kubectl field managers', async () => {
    expect((await kubectl(['apply', '-f', 'cm.yaml'])).stdout.trim()).toBe('configmap/csa created')
    expect((await kubectl(['label', 'configmap', 'csa', 'tier=web'])).code).toBe(0)
    const entries = await managedFields('configmap', 'csa')
    expect(entries.map(e => e.manager)).toEqual(['kubectl-client-side-apply', 'kubectl-label'])
    expect(entries[0]?.fieldsV1).toEqual({
      'f:data': { '.': {}, 'f:a': {} },
      'f:metadata': { 'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} } }
    })
    expect(entries[1]?.fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:tier': {} } } })
  })
})

/** An apiserver on its own etcd prefix, a kubeconfig for it and an env for kubectl; waits for the default namespace. */
async function startKubectlEnv (prefix: string, dirPrefix: string): Promise<{ server: RunningApiServer, dir: string, env: NodeJS.ProcessEnv }> {
  const server = await startApiServer(process.env.KUBE_TS_TEST_ETCD ?? '', prefix)
  const dir = await mkdtemp(join(tmpdir(), dirPrefix))
  await writeFile(join(dir, 'kubeconfig'), `apiVersion: v1\nkind: Config\nclusters: [{name: t, cluster: {server: "${server.url}"}}]\nusers: [{name: u, user: {}}]\ncontexts: [{name: t, context: {cluster: t, user: u, namespace: default}}]\ncurrent-context: t\n`)
  const env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), KUBECACHEDIR: join(dir, 'cache') }
  for (let i = 0; i < 50 && (await fetch(`${server.url}/api/v1/namespaces/default`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  return { server, dir, env }
}

async function stopKubectlEnv (server: RunningApiServer, prefix: string, dir: string): Promise<void> {
  await server.stop()
  const etcd = new Etcd3({ hosts: process.env.KUBE_TS_TEST_ETCD ?? '' })
  await etcd.delete().prefix(prefix)
  etcd.close()
  await rm(dir, { recursive: true, force: true })
}

describe('the real kubectl: PriorityClasses and Priority admission', () => {
  let server: RunningApiServer
  let dir: string
  let env: NodeJS.ProcessEnv
  const prefix = `/kube-ts-kubectl-pc-${randomUUID()}`
  const kubectl = async (args: string[], stdin?: string): Promise<Result> => await runKubectl(env, dir, args, stdin)
  const podYaml = (name: string, className: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  priorityClassName: ${className}\n  containers:\n  - name: c\n    image: busybox\n`

  beforeAll(async () => {
    ;({ server, dir, env } = await startKubectlEnv(prefix, 'kube-ts-kubectl-pc-'))
    // the system classes are created in the background right after the default namespaces
    for (let i = 0; i < 50 && (await fetch(`${server.url}/apis/scheduling.k8s.io/v1/priorityclasses/system-node-critical`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 200))
  })
  afterAll(async () => { await stopKubectlEnv(server, prefix, dir) })

  it('creates a class with kubectl create priorityclass and lists it beside the system classes', async () => {
    const created = await kubectl(['create', 'priorityclass', 'high', '--value=1000', '--description=for tests'])
    expect([created.code, created.stdout.trim(), created.stderr]).toEqual([0, 'priorityclass.scheduling.k8s.io/high created', ''])
    const r = await kubectl(['get', 'pc'])
    expect(r.stdout).toMatch(/^NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE\s+PREEMPTIONPOLICY\n/)
    expect(r.stdout).toMatch(/\nhigh\s+1000\s+false\s+\S+\s+PreemptLowerPriority\n/)
    expect(r.stdout).toMatch(/\nsystem-cluster-critical\s+2000000000\s+false\s+\S+\s+PreemptLowerPriority\n/)
    expect(r.stdout).toMatch(/\nsystem-node-critical\s+2000001000\s+false\s+\S+\s+PreemptLowerPriority\n/)
  })

  it('stores the class priority on a pod that names it', async () => {
    const r = await kubectl(['create', '-f', '-'], podYaml('prio', 'high'))
    expect(r.stdout.trim()).toBe('pod/prio created')
    const etcd = new Etcd3({ hosts: process.env.KUBE_TS_TEST_ETCD ?? '' })
    const stored = JSON.parse(await etcd.get(`${prefix}/pods/default/prio`).string() ?? '{}')
    etcd.close()
    expect(stored.spec).toMatchObject({ priorityClassName: 'high', priority: 1000, preemptionPolicy: 'PreemptLowerPriority' })
  })

  it('refuses a pod naming an unknown class with the upstream message', async () => {
    const r = await kubectl(['create', '-f', '-'], podYaml('bad', 'foo'))
    expect(r.code).not.toBe(0)
    expect(r.stderr.trim()).toBe('Error from server (Forbidden): error when creating "STDIN": pods "bad" is forbidden: no PriorityClass with name foo was found')
  })

  it('explains PriorityClass from the OpenAPI documents', async () => {
    const r = await kubectl(['explain', 'priorityclass.value'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/KIND:\s+PriorityClass/)
    expect(r.stdout).toContain('value represents the integer value of this priority class')
  })
})

/** Runs the real kubectl with `env` in `dir`, optionally feeding `stdin`. */
async function runKubectl (env: NodeJS.ProcessEnv, dir: string, args: string[], stdin?: string): Promise<Result> {
  return await new Promise((resolve) => {
    const child = execFile(kubectlBin, args, { env, cwd: dir, timeout: 30000 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr })
    })
    if (stdin !== undefined) child.stdin?.end(stdin)
  })
}
