import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl and server-side field validation', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)
  const stored = async (key: string): Promise<any> => await h.stored(key)
  const deployment = (name: string, extra: { spec?: string, container?: string }): string => [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 1', extra.spec ?? '',
    '  selector:', '    matchLabels: {app: web}', '  template:', '    metadata:', '      labels: {app: web}',
    '    spec:', '      containers:', '      - name: c', '        image: busybox', extra.container ?? '', ''
  ].filter((l) => l !== '').join('\n')

  beforeAll(async () => { h = await startKubectlHarness('kubectl-fv') })
  afterAll(async () => { await h.stop() })

  it('apply refuses an unknown field under its default --validate=strict, as upstream words it', async () => {
    await writeFile(join(h.dir, 'bad.yaml'), deployment('strict', { spec: '  foo: 1' }))
    const r = await kubectl(['apply', '-f', 'bad.yaml'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('Error from server (BadRequest): error when creating "bad.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"')
    expect(await stored('deployments/default/strict')).toBeUndefined()
  })

  it('apply --validate=warn prints the warning and stores the object without the field', async () => {
    await writeFile(join(h.dir, 'warn.yaml'), deployment('warned', { spec: '  foo: 1' }))
    const r = await kubectl(['apply', '--validate=warn', '-f', 'warn.yaml'])
    expect(r.stdout.trim()).toBe('deployment.apps/warned created')
    expect(r.stderr).toContain('Warning: unknown field "spec.foo"')
    const obj = await stored('deployments/default/warned')
    expect(obj.spec.replicas).toBe(1)
    expect(obj.spec.foo).toBeUndefined()
  })

  it('apply to an existing object refuses a nested unknown field in the patch it sends', async () => {
    await writeFile(join(h.dir, 'nested.yaml'), deployment('warned', { container: '        foo: bar' }))
    const r = await kubectl(['apply', '-f', 'nested.yaml'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.template.spec.containers[0].foo"')
    const obj = await stored('deployments/default/warned')
    expect(obj.spec.template.spec.containers[0].foo).toBeUndefined()
  })

  it('server-side apply of an unknown field fails as structured-merge-diff does, whatever --validate says', async () => {
    await writeFile(join(h.dir, 'ssa.yaml'), deployment('ssa', { spec: '  foo: 1' }))
    for (const validate of ['--validate=strict', '--validate=false']) {
      const r = await kubectl(['apply', '--server-side', validate, '-f', 'ssa.yaml'])
      expect(r.code).not.toBe(0)
      expect(r.stderr).toContain('failed to create typed patch object (default/ssa; apps/v1, Kind=Deployment): .spec.foo: field not declared in schema')
    }
    expect(await stored('deployments/default/ssa')).toBeUndefined()
  })

  it('a JSON manifest with a repeated key is reported: a warning by default, an error with Strict', async () => {
    await writeFile(join(h.dir, 'dup.json'), '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}}')
    const warned = await kubectl(['create', '--raw', '/api/v1/namespaces/default/configmaps', '-f', 'dup.json'])
    expect(warned.code).toBe(0)
    expect(warned.stderr).toContain('Warning: duplicate field "data.a"')
    expect((await stored('configmaps/default/dup')).data).toEqual({ a: '2' })
    const refused = await kubectl(['replace', '--raw', '/api/v1/namespaces/default/configmaps/dup?fieldValidation=Strict', '-f', 'dup.json'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('Error from server (BadRequest): ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: duplicate field "data.a"')
  })
})
