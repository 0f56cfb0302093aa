import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl: typed decoding, LimitRanger and ResourceQuota admission', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)

  beforeAll(async () => { h = await startKubectlHarness('kubectl-admission') })
  afterAll(async () => { await h.stop() })

  it.each([
    { name: 'a number in a ConfigMap', doc: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: port}\ndata: {port: 8080}\n', stderr: 'Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string' },
    { name: 'plain text in a Secret\'s data', doc: 'apiVersion: v1\nkind: Secret\nmetadata: {name: plain}\ndata: {password: hunter2!}\n', stderr: 'Error from server (BadRequest): error when creating "STDIN": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7' }
  ])('kubectl apply of $name fails as upstream and stores nothing', async ({ doc, stderr }) => {
    const r = await kubectl(['apply', '-f', '-'], doc)
    expect([r.code, r.stderr.trim()]).toEqual([1, stderr])
    expect(await h.stored('configmaps/default/port')).toBeUndefined()
    expect(await h.stored('secrets/default/plain')).toBeUndefined()
  })

  it('kubectl run in a namespace with a LimitRange gets its defaults and the limit-ranger annotation', async () => {
    const lr = 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr}\nspec:\n  limits:\n  - type: Container\n    default: {cpu: 500m}\n    defaultRequest: {cpu: 100m}\n    max: {cpu: "1"}\n'
    expect((await kubectl(['apply', '-f', '-'], lr)).code).toBe(0)
    expect((await kubectl(['run', 'web', '--image=nginx'])).stdout.trim()).toBe('pod/web created')
    const pod = await h.stored('pods/default/web')
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: '500m' }, requests: { cpu: '100m' } })
    expect(pod.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu request for container web; cpu limit for container web')
    const big = await kubectl(['run', 'big', '--image=nginx', '--overrides={"spec":{"containers":[{"name":"big","image":"nginx","resources":{"limits":{"cpu":"2"}}}]}}'])
    expect(big.stderr.trim()).toBe('Error from server (Forbidden): pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2')
  })

  it('kubectl create past a ResourceQuota is refused once the quota has counted usage', async () => {
    expect((await kubectl(['create', 'quota', 'q', '--hard=configmaps=2'])).code).toBe(0)
    // the quota controller is not running here: publish its status as it would
    const status = await kubectl(['patch', 'quota', 'q', '--subresource=status', '--type=merge', '-p', '{"status":{"hard":{"configmaps":"2"},"used":{"configmaps":"1"}}}'])
    expect(status.code).toBe(0)
    expect((await kubectl(['create', 'configmap', 'one'])).stdout.trim()).toBe('configmap/one created')
    const r = await kubectl(['create', 'configmap', 'two'])
    expect(r.stderr.trim()).toBe('error: failed to create configmap: configmaps "two" is forbidden: exceeded quota: q, requested: configmaps=1, used: configmaps=2, limited: configmaps=2')
    expect((await kubectl(['get', 'quota', 'q', '-o', 'jsonpath={.status.used}'])).stdout).toBe('{"configmaps":"2"}')
  })
})
