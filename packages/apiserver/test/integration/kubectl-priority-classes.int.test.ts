import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl: PriorityClasses and Priority admission', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)
  const stored = async (key: string): Promise<any> => await h.stored(key)
  const podYaml = (name: string, className: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  priorityClassName: ${className}\n  containers:\n  - name: c\n    image: busybox\n`

  beforeAll(async () => {
    h = await startKubectlHarness('kubectl-pc')
    // the system classes are created in the background right after the default namespaces
    // the system classes are created in the background right after the default namespaces
  })
  afterAll(async () => { await h.stop() })

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
    expect((await stored('pods/default/prio')).spec).toMatchObject({ priorityClassName: 'high', priority: 1000, preemptionPolicy: 'PreemptLowerPriority' })
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
