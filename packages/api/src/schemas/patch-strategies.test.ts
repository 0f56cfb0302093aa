import { applyStrategicMergePatch } from '../patch/strategic-merge-patch.js'
import { strategiesFromSchema } from '../patch/strategies.js'
import { schemaForResource } from './registry.js'

function patch (group: string, resource: string, original: unknown, body: unknown): any {
  const schema = schemaForResource(group, 'v1', resource)
  if (schema === undefined) throw new Error(`no schema for ${resource}`)
  return applyStrategicMergePatch(structuredClone(original), body, strategiesFromSchema(schema))
}

const deployment = {
  metadata: { name: 'web', finalizers: ['a'] },
  spec: {
    template: {
      spec: {
        containers: [{ name: 'app', image: 'nginx:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] }],
        volumes: [{ name: 'data', emptyDir: {} }],
        tolerations: [{ key: 'x', operator: 'Exists' }]
      }
    }
  }
}

describe('patch strategies of the registry, applied by the strategic merge patch engine', () => {
  it('merges deployment containers by name and their env by name', () => {
    const out = patch('apps', 'deployments', deployment, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:2', env: [{ name: 'B', value: '2' }] }] } } } })
    expect(out.spec.template.spec.containers).toEqual([{ name: 'app', image: 'nginx:2', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }], ports: [{ containerPort: 80 }] }])
  })

  it('replaces tolerations wholesale and merges finalizers as a set', () => {
    const out = patch('apps', 'deployments', deployment, { metadata: { finalizers: ['b', 'a'] }, spec: { template: { spec: { tolerations: [{ key: 'y', operator: 'Exists' }] } } } })
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }])
    expect([...out.metadata.finalizers].sort()).toEqual(['a', 'b'])
  })

  it('merges pod volumes by name', () => {
    const pod = { metadata: { name: 'p' }, spec: deployment.spec.template.spec }
    const out = patch('', 'pods', pod, { spec: { volumes: [{ name: 'cfg', configMap: { name: 'c' } }] } })
    expect(out.spec.volumes.map((v: { name: string }) => v.name).sort()).toEqual(['cfg', 'data'])
  })

  it('merges service ports by port number', () => {
    const svc = { metadata: { name: 's' }, spec: { ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }] } }
    const out = patch('', 'services', svc, { spec: { ports: [{ port: 443, targetPort: 8443 }] } })
    expect(out.spec.ports).toContainEqual({ port: 443, name: 'https', targetPort: 8443 })
    expect(out.spec.ports).toHaveLength(2)
  })

  it('merges cronjob job-template containers by name', () => {
    const cj = { metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } } } } }
    const out = patch('batch', 'cronjobs', cj, { spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: 'b', image: 'z' }] } } } } } })
    expect(out.spec.jobTemplate.spec.template.spec.containers).toHaveLength(2)
  })
})
