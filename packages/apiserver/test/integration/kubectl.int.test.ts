import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

const kubectlBin = process.env.KUBE_TS_KUBECTL ?? '/usr/bin/kubectl'

describe('the real kubectl against the apiserver', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)
  const stored = async (key: string): Promise<any> => await h.stored(key)

  beforeAll(async () => {
    h = await startKubectlHarness('kubectl')
    await writeFile(join(h.dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: "1"\n')
    await writeFile(join(h.dir, 'deploy.yaml'), [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1',
      '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
      '    spec:', '      containers:', '      - name: c', '        image: busybox', ''
    ].join('\n'))
  })
  afterAll(async () => { await h.stop() })

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
    const child = spawn(kubectlBin, ['get', 'configmaps', '-w'], { env: h.env, cwd: h.dir })
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
      await fetch(`${h.server.url}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'watched-cm' }, data: { x: 'y' } }) })
      expect(await waitFor(/\nwatched-cm\s+1\s+\S+\n/)).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('applies with default validation: creates, then configures', async () => {
    await writeFile(join(h.dir, 'applied.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  v: one\n')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied created')
    await writeFile(join(h.dir, 'applied.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  v: two\n')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied configured')
    expect((await kubectl(['apply', '-f', 'applied.yaml'])).stdout.trim()).toBe('configmap/applied unchanged')
    const obj = await stored('configmaps/default/applied')
    expect(obj.data).toEqual({ v: 'two' })
    expect(obj.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toContain('"v":"two"')
  })

  it('rejects unknown fields under the default strict validation, naming the field', async () => {
    await writeFile(join(h.dir, 'typo.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndatta:\n  v: one\n')
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
    await writeFile(join(h.dir, 'ssa.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "1"\n  b: "2"\n')
    expect((await kubectl(['apply', '--server-side', '-f', 'ssa.yaml'])).stdout.trim()).toBe('configmap/ssa serverside-applied')
    const first = await stored('configmaps/default/ssa')
    expect(first.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:data': { 'f:a': {}, 'f:b': {} } } })])
    await writeFile(join(h.dir, 'ssa2.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "9"\n')
    const conflict = await kubectl(['apply', '--server-side', '--field-manager=other', '-f', 'ssa2.yaml'])
    expect(conflict.code).not.toBe(0)
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.a')
    expect((await stored('configmaps/default/ssa')).data).toEqual({ a: '1', b: '2' })
    expect((await kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', 'ssa2.yaml'])).code).toBe(0)
    expect((await stored('configmaps/default/ssa')).data).toEqual({ a: '9', b: '2' })
    // the first manager drops b from its configuration: b is pruned because nobody else owns it
    await writeFile(join(h.dir, 'ssa3.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata: {}\n')
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
    expect((await h.etcd.getAll().prefix(`${h.prefix}/selfsubjectaccessreviews`).keys()).length).toBe(0)
    expect((await kubectl(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])).stdout).toBe('system:anonymous')
  })

  it('drains a node through the eviction subresource', async () => {
    const post = async (path: string, body: unknown): Promise<number> =>
      (await fetch(`${h.server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status
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
