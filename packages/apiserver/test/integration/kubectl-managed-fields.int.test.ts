import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startKubectlHarness, type KubectlHarness, type KubectlResult } from './kubectl-harness.js'

describe('the real kubectl and managedFields on every write', () => {
  let h: KubectlHarness
  const kubectl = async (args: string[], stdin?: string): Promise<KubectlResult> => await h.kubectl(args, stdin)
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
    h = await startKubectlHarness('kubectl-mf')
    await writeFile(join(h.dir, 'apply5.yaml'), applied(5))
    await writeFile(join(h.dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\ndata:\n  a: "1"\n')
  })
  afterAll(async () => { await h.stop() })

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
