// Everyday kubectl on workloads against a cluster from `scripts/cluster up` (controller-manager and scheduler
// running, no kubelet yet): generators, get all, rollout history/undo, the three patch types, diff/replace/edit,
// wait, describe with events, and foreground deletion through the garbage collector.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ClusterHarness, eventually } from './support/cluster-harness.js'

jest.setTimeout(120_000)

describe('everyday kubectl on workloads', () => {
  let cluster: ClusterHarness
  const k = async (...args: string[]): Promise<string> => await cluster.k(...args)

  beforeAll(async () => { cluster = await ClusterHarness.up('workloads') }, 900_000)
  afterAll(async () => { await cluster?.destroy() }, 120_000)

  it('creates a deployment whose controller makes a ReplicaSet and pods, shown by get all', async () => {
    expect((await k('create', 'deployment', 'web', '--image=busybox:1.36', '--replicas=3')).trim()).toBe('deployment.apps/web created')
    await eventually('3 pods', async () => (await k('get', 'pods', '-l', 'app=web', '-o', 'name')).trim().split('\n').filter(Boolean).length === 3)
    const all = await k('get', 'all')
    expect(all).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/m)
    expect(all).toMatch(/deployment\.apps\/web\s+0\/3\s+3\s+0\s/)
    expect(all).toMatch(/replicaset\.apps\/web-[a-z0-9]+\s+3\s+3\s+0\s/)
  })

  it('records FailedScheduling events that describe shows for a pod with no node to run on', async () => {
    await k('run', 'solo', '--image=busybox:1.36')
    await eventually('a FailedScheduling event', async () => (await k('get', 'events', '--field-selector', 'involvedObject.name=solo', '-o', 'jsonpath={.items[*].reason}')).includes('FailedScheduling'))
    const described = await k('describe', 'pod', 'solo')
    expect(described).toMatch(/Status:\s+Pending/)
    expect(described).toMatch(/Warning\s+FailedScheduling\s+.*default-scheduler\s+no nodes available to schedule pods/)
  })

  it('sets an image, lists two revisions, and rolls back to the first template', async () => {
    await k('set', 'image', 'deploy/web', 'busybox=busybox:1.37')
    await eventually('revision 2', async () => (await k('rollout', 'history', 'deploy/web')).includes('2 '))
    expect(await k('rollout', 'history', 'deploy/web')).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/)
    expect((await k('rollout', 'undo', 'deploy/web')).trim()).toBe('deployment.apps/web rolled back')
    expect(await k('get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).toBe('busybox:1.36')
  })

  it('patches with strategic merge, merge and JSON patches', async () => {
    await k('patch', 'deploy', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"busybox","env":[{"name":"A","value":"1"}]}]}}}}')
    await k('patch', 'deploy', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}')
    await k('patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]')
    const dep = JSON.parse(await k('get', 'deploy', 'web', '-o', 'json'))
    expect(dep.spec.replicas).toBe(2)
    expect(dep.metadata.labels.tier).toBe('front')
    // strategic merge keeps the container (merged by name) and adds the env var
    expect(dep.spec.template.spec.containers).toEqual([expect.objectContaining({ name: 'busybox', image: 'busybox:1.36', env: [{ name: 'A', value: '1' }] })])
  })

  it('diffs, replaces and edits a configmap', async () => {
    await k('create', 'configmap', 'cfg', '--from-literal=a=b')
    const yaml = (await k('get', 'cm', 'cfg', '-o', 'yaml')).replace('a: b', 'a: c')
    const file = join(cluster.home, 'cfg.yaml')
    writeFileSync(file, yaml)
    const diff = await cluster.kubectl('diff', '-f', file)
    expect(diff.code).toBe(1) // kubectl diff exits 1 when there are differences
    expect(diff.stdout).toMatch(/^-\s+a: b$/m)
    expect(diff.stdout).toMatch(/^\+\s+a: c$/m)
    expect(await k('get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}')).toBe('b') // diff is a dry run
    expect((await k('replace', '-f', file)).trim()).toBe('configmap/cfg replaced')
    const edited = await cluster.kubectlEnv({ KUBE_EDITOR: 'sed -i s/a:\\ c/a:\\ d/' }, 'edit', 'cm', 'cfg')
    expect(edited.stdout.trim()).toBe('configmap/cfg edited')
    expect(await k('get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}')).toBe('d')
  })

  it('waits for a condition and deletes in the foreground: pods, then the ReplicaSet, then the Deployment', async () => {
    expect((await k('wait', '--for=condition=Progressing', 'deploy/web', '--timeout=30s')).trim()).toBe('deployment.apps/web condition met')
    expect((await k('delete', 'deploy', 'web', '--cascade=foreground', '--timeout=60s')).trim()).toBe('deployment.apps "web" deleted')
    expect((await k('get', 'rs,pods', '-l', 'app=web', '-o', 'name')).trim()).toBe('')
  })

  it('answers api-versions, cluster-info and auth can-i', async () => {
    const versions = (await k('api-versions')).trim().split('\n')
    expect(versions).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'batch/v1', 'coordination.k8s.io/v1', 'rbac.authorization.k8s.io/v1']))
    expect(await k('cluster-info')).toContain(`Kubernetes control plane is running at http://127.0.0.1:${cluster.port('KUBE_TS_API_PORT')}`)
    expect((await k('auth', 'can-i', 'create', 'deployments')).trim()).toBe('yes')
  })
})
