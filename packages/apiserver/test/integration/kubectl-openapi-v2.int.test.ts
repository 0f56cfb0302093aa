import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl: /openapi/v2 (kind: List manifests are validated against it)', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)

  beforeAll(async () => { h = await startKubectlHarness('kubectl-openapi-v2') })
  afterAll(async () => { await h.stop() })

  it('kubectl get --raw /openapi/v2 prints the Swagger 2.0 document', async () => {
    const r = await kubectl(['get', '--raw', '/openapi/v2'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ swagger: '2.0', info: { title: 'Kubernetes' } })
  })

  it('what kubectl get -o yaml writes for several objects (a List) applies again', async () => {
    expect((await kubectl(['create', 'configmap', 'a', '--from-literal=k=1'])).code).toBe(0)
    expect((await kubectl(['create', 'configmap', 'b', '--from-literal=k=2'])).code).toBe(0)
    const listed = await kubectl(['get', 'configmap', 'a', 'b', '-o', 'yaml'])
    expect(listed.stdout).toMatch(/^apiVersion: v1\nitems:/)
    await writeFile(join(h.dir, 'list.yaml'), listed.stdout.replace('k: "1"', 'k: "3"'))
    const applied = await kubectl(['apply', '-f', 'list.yaml'])
    expect([applied.code, applied.stderr.replace(/^Warning: .*\n/gm, '')]).toEqual([0, ''])
    expect(applied.stdout).toBe('configmap/a configured\nconfigmap/b configured\n')
    expect((await h.stored('configmaps/default/a')).data).toEqual({ k: '3' })
  })

  it('a List item with an unknown field is refused client-side, as upstream kubectl does', async () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n  dta: {k: v}\n'
    const r = await kubectl(['apply', '-f', '-'], list)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('unknown field "dta" in io.k8s.api.core.v1.ConfigMap')
  })
})
