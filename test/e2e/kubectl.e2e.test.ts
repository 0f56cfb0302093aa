// The rest of a kubectl user's day on a `scripts/cluster up` cluster (no kubelet yet, so pods stay Pending):
// documentation manifests applied, explained, edited, patched and rolled back; rollout pause/resume/restart/status;
// the typed generators (secret, service, cronjob, job --from); expose and run; get with custom columns, sorting,
// field selectors and labels; describe for services, nodes and deployments; orphaning deletes and the wait forms.
import { join } from 'node:path'
import { ClusterHarness, eventually, repoRoot } from './support/cluster-harness.js'

jest.setTimeout(120_000)

const docsExamples = join(repoRoot, 'test/e2e/manifests/docs-examples.yaml')

describe('a kubectl user\'s day', () => {
  let cluster: ClusterHarness
  const k = async (...args: string[]): Promise<string> => await cluster.k(...args)
  const json = async (...args: string[]): Promise<any> => JSON.parse(await k(...args, '-o', 'json'))

  beforeAll(async () => { cluster = await ClusterHarness.up('kubectl') }, 900_000)
  afterAll(async () => { await cluster?.destroy() }, 120_000)

  it('applies the documentation examples with default validation, and a second apply changes nothing', async () => {
    expect((await k('apply', '-f', docsExamples)).trim().split('\n')).toEqual([
      'configmap/game-demo created', 'deployment.apps/nginx-deployment created', 'service/my-service created', 'job.batch/pi created'
    ])
    expect((await k('apply', '-f', docsExamples)).trim().split('\n')).toEqual([
      'configmap/game-demo unchanged', 'deployment.apps/nginx-deployment unchanged', 'service/my-service unchanged', 'job.batch/pi unchanged'
    ])
    const dep = await json('get', 'deploy', 'nginx-deployment')
    expect(dep.spec.template.spec.containers[0]).toMatchObject({
      livenessProbe: { httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 3, timeoutSeconds: 1, failureThreshold: 3 },
      resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } }
    })
    expect((await json('get', 'cm', 'game-demo')).data['game.properties']).toBe('enemy.types=aliens,monsters\nplayer.maximum-lives=5\n')
    expect((await json('get', 'svc', 'my-service')).spec.clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/)
    await eventually('the job\'s pod', async () => (await k('get', 'pods', '-l', 'job-name=pi', '-o', 'name')).trim() !== '')
  })

  it('explains the fields the manifests use', async () => {
    const probe = await k('explain', 'deployment.spec.template.spec.containers.livenessProbe.httpGet')
    expect(probe).toMatch(/^GROUP:\s+apps$/m)
    expect(probe).toMatch(/^FIELD: httpGet <HTTPGetAction>$/m)
    expect(probe).toMatch(/^\s+port\s+<IntOrString> -required-$/m)
    expect(await k('explain', 'job.spec.backoffLimit')).toMatch(/^FIELD: backoffLimit <integer>$/m)
    expect(await k('explain', 'deployment.spec.template.spec.containers.resources')).toMatch(/^\s+limits\s+<map\[string\]Quantity>$/m)
  })

  it('prints custom columns, sorts, filters by field, shows labels, wide columns and all namespaces', async () => {
    await k('create', 'configmap', 'zz-last', '--from-literal=a=1')
    await k('create', 'configmap', 'aa-first', '--from-literal=a=1')
    expect(await k('get', 'deploy', 'nginx-deployment', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image,REPLICAS:.spec.replicas'))
      .toMatch(/^NAME\s+IMAGE\s+REPLICAS\nnginx-deployment\s+nginx:1\.14\.2\s+3\n$/)
    const sorted = (await k('get', 'cm', '--sort-by=.metadata.name', '-o', 'name')).trim().split('\n')
    expect(sorted.indexOf('configmap/aa-first')).toBeLessThan(sorted.indexOf('configmap/game-demo'))
    expect(sorted.indexOf('configmap/game-demo')).toBeLessThan(sorted.indexOf('configmap/zz-last'))
    await eventually('3 nginx pods', async () => (await k('get', 'pods', '-l', 'app=nginx', '-o', 'name')).trim().split('\n').filter(Boolean).length === 3)
    const pending = (await k('get', 'pods', '--field-selector=status.phase=Pending,metadata.namespace=default', '-o', 'name')).trim().split('\n')
    expect(pending.filter((n) => n.startsWith('pod/nginx-deployment-'))).toHaveLength(3)
    expect((await k('get', 'pods', '--field-selector=status.phase=Running', '-o', 'name')).trim()).toBe('')
    expect(await k('get', 'pods', '-l', 'app=nginx', '--show-labels')).toMatch(/^nginx-deployment-\S+\s+0\/1\s+Pending\s+0\s+\S+\s+app=nginx,pod-template-hash=[a-z0-9]+$/m)
    const wide = await k('get', 'pods', '-l', 'app=nginx', '-o', 'wide')
    expect(wide).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m)
    expect(wide).toMatch(/^nginx-deployment-\S+\s+0\/1\s+Pending\s+0\s+\S+\s+<none>\s+<none>\s+<none>\s+<none>$/m)
    const everywhere = await k('get', 'deploy', '-A')
    expect(everywhere).toMatch(/^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/m)
    expect(everywhere).toMatch(/^default\s+nginx-deployment\s+0\/3\s+3\s+0\s+\S+$/m)
  })

  it('pauses, resumes and restarts a rollout, and reports its status', async () => {
    expect((await k('rollout', 'pause', 'deploy/nginx-deployment')).trim()).toBe('deployment.apps/nginx-deployment paused')
    await k('set', 'image', 'deploy/nginx-deployment', 'nginx=nginx:1.16.1')
    await new Promise((r) => setTimeout(r, 1500))
    expect((await k('get', 'rs', '-l', 'app=nginx', '-o', 'name')).trim().split('\n')).toHaveLength(1) // paused: no new ReplicaSet
    expect((await k('rollout', 'resume', 'deploy/nginx-deployment')).trim()).toBe('deployment.apps/nginx-deployment resumed')
    await eventually('a second ReplicaSet', async () => (await k('get', 'rs', '-l', 'app=nginx', '-o', 'name')).trim().split('\n').length === 2)
    expect((await k('rollout', 'restart', 'deploy/nginx-deployment')).trim()).toBe('deployment.apps/nginx-deployment restarted')
    const restartedAt = (await json('get', 'deploy', 'nginx-deployment')).spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    await eventually('revision 3', async () => /^3\s+<none>$/m.test(await k('rollout', 'history', 'deploy/nginx-deployment')))
    // no kubelet: no pod becomes available, so status waits and times out as upstream's does
    const status = await cluster.kubectl('rollout', 'status', 'deploy/nginx-deployment', '--timeout=2s')
    expect(status.code).toBe(1)
    expect(status.stdout).toMatch(/^Waiting for deployment "nginx-deployment" rollout to finish: /m)
    expect(status.stderr).toContain('error: timed out waiting for the condition')
  })

  it('edits, patches and rolls back the documentation deployment', async () => {
    const edited = await cluster.kubectlEnv({ KUBE_EDITOR: 'sed -i s/replicas:\\ 3/replicas:\\ 2/' }, 'edit', 'deploy', 'nginx-deployment')
    expect(edited.stdout.trim()).toBe('deployment.apps/nginx-deployment edited')
    await k('patch', 'deploy', 'nginx-deployment', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","resources":{"limits":{"memory":"256Mi"}}}]}}}}')
    const patched = await json('get', 'deploy', 'nginx-deployment')
    expect(patched.spec.replicas).toBe(2)
    expect(patched.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } })
    expect((await k('rollout', 'undo', 'deploy/nginx-deployment', '--to-revision=1')).trim()).toBe('deployment.apps/nginx-deployment rolled back')
    const undone = await json('get', 'deploy', 'nginx-deployment')
    expect(undone.spec.template.spec.containers[0].image).toBe('nginx:1.14.2')
    expect(undone.spec.template.spec.containers[0].resources.limits.memory).toBe('128Mi')
  })

  it('creates secrets, services, cronjobs and jobs with the typed generators', async () => {
    expect((await k('create', 'secret', 'generic', 'creds', '--from-literal=user=admin', '--from-literal=password=s3cret')).trim()).toBe('secret/creds created')
    const secret = await json('get', 'secret', 'creds')
    expect(secret.type).toBe('Opaque')
    expect(Buffer.from(secret.data.password, 'base64').toString()).toBe('s3cret')
    expect((await k('create', 'service', 'clusterip', 'backend', '--tcp=5678:8080')).trim()).toBe('service/backend created')
    expect((await json('get', 'svc', 'backend')).spec.ports).toEqual([{ name: '5678-8080', port: 5678, protocol: 'TCP', targetPort: 8080 }])
    expect((await k('create', 'cronjob', 'nightly', '--image=busybox:1.36', '--schedule=0 3 * * *', '--', 'echo', 'hi')).trim()).toBe('cronjob.batch/nightly created')
    expect(await k('get', 'cronjob', 'nightly')).toMatch(/^nightly\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+\S+$/m)
    expect((await k('create', 'job', 'once', '--from=cronjob/nightly')).trim()).toBe('job.batch/once created')
    const job = await json('get', 'job', 'once')
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' })
    expect(job.metadata.ownerReferences[0]).toMatchObject({ kind: 'CronJob', name: 'nightly', controller: true })
    expect(job.spec.template.spec.containers[0].command).toEqual(['echo', 'hi'])
  })

  it('exposes a deployment and runs a pod', async () => {
    expect((await k('expose', 'deploy', 'nginx-deployment', '--name=nginx-exposed', '--port=8080', '--target-port=80')).trim()).toBe('service/nginx-exposed exposed')
    const svc = await json('get', 'svc', 'nginx-exposed')
    expect(svc.spec.selector).toEqual({ app: 'nginx' })
    expect(svc.spec.ports).toEqual([{ port: 8080, protocol: 'TCP', targetPort: 80 }])
    expect((await k('run', 'shell', '--image=busybox:1.36', '--labels=role=shell', '--', 'sleep', '3600')).trim()).toBe('pod/shell created')
    const pod = await json('get', 'pod', 'shell')
    expect(pod.metadata.labels).toEqual({ role: 'shell' })
    expect(pod.spec.containers[0]).toMatchObject({ name: 'shell', image: 'busybox:1.36', args: ['sleep', '3600'] })
  })

  it('describes a service, a node and a deployment', async () => {
    const svc = await k('describe', 'svc', 'my-service')
    expect(svc).toMatch(/^Selector:\s+app=nginx$/m)
    expect(svc).toMatch(/^TargetPort:\s+9376\/TCP$/m)
    await cluster.kubectlWithInput('apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n  labels:\n    kubernetes.io/hostname: worker-1\n', 'create', '-f', '-')
    const node = await k('describe', 'node', 'worker-1')
    expect(node).toMatch(/^Name:\s+worker-1$/m)
    expect(node).toMatch(/^Labels:\s+kubernetes\.io\/hostname=worker-1$/m)
    expect(node).toMatch(/^PodCIDR:\s+10\.244\.\d+\.0\/24$/m) // node IPAM in the controller-manager
    const dep = await k('describe', 'deploy', 'nginx-deployment')
    expect(dep).toMatch(/^Replicas:\s+2 desired \| \d+ updated \| \d+ total \| 0 available \| \d+ unavailable$/m)
    expect(dep).toMatch(/^\s+Liveness:\s+http-get http:\/\/:80\/healthz delay=3s timeout=1s period=3s #success=1 #failure=3$/m)
    expect(dep).toMatch(/ScalingReplicaSet\s+.*deployment-controller/)
  })

  it('orphans on delete --cascade=orphan and waits for deletion and for a jsonpath value', async () => {
    await k('create', 'deployment', 'orphaner', '--image=busybox:1.36', '--replicas=1')
    await eventually('the orphaner ReplicaSet', async () => (await k('get', 'rs', '-l', 'app=orphaner', '-o', 'name')).trim() !== '')
    expect((await k('delete', 'deploy', 'orphaner', '--cascade=orphan')).trim()).toBe('deployment.apps "orphaner" deleted')
    await eventually('the ReplicaSet to lose its owner', async () => {
      const rs = (await json('get', 'rs', '-l', 'app=orphaner')).items
      return rs.length === 1 && rs[0].metadata.ownerReferences === undefined
    })
    expect((await k('wait', '--for=jsonpath={.spec.replicas}=2', 'deploy/nginx-deployment', '--timeout=10s')).trim()).toBe('deployment.apps/nginx-deployment condition met')
    const waiting = cluster.kubectl('wait', '--for=delete', 'cm/zz-last', '--timeout=30s')
    await new Promise((r) => setTimeout(r, 500))
    await k('delete', 'cm', 'zz-last', '--wait=false')
    const waited = await waiting
    expect(waited.code).toBe(0)
    expect(waited.stdout.trim()).toBe('configmap/zz-last condition met')
    expect((await k('delete', 'job', 'pi', '--wait')).trim()).toBe('job.batch "pi" deleted')
    const gone = await cluster.kubectl('get', 'job', 'pi')
    expect(gone.stderr.trim()).toBe('Error from server (NotFound): jobs.batch "pi" not found')
  })
})
