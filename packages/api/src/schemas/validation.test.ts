import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import { schemaForResource } from './registry.js'

/** Defaults then validates, as the registry does on create (or update when `old` is given). */
function validate (group: string, resource: string, obj: Record<string, unknown>, old?: Record<string, unknown>, subresource?: string): FieldError[] {
  const schema = schemaForResource(group, group === 'autoscaling' ? 'v2' : 'v1', resource)
  if (schema === undefined) throw new Error(`no schema for ${resource}`)
  const o = structuredClone(obj) as KubeObject
  schema.defaults(o)
  let prev: KubeObject | undefined
  if (old !== undefined) {
    prev = structuredClone(old) as KubeObject
    schema.defaults(prev)
  }
  return schema.validate(o, { old: prev, subresource })
}

const brief = (errs: FieldError[]): string[] => errs.map((e) => `${e.field}: ${e.type}`)

const meta = (name = 'web') => ({ name, namespace: 'default' })
const container = (name = 'c', image = 'busybox') => ({ name, image })
const newPod = (spec: Record<string, unknown> = {}) => ({ metadata: meta('p'), spec: { containers: [container()], ...spec } })
const newDeployment = (spec: Record<string, unknown> = {}) => ({
  metadata: meta(),
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } }, ...spec }
})

describe('pod validation', () => {
  it.each([
    { name: 'a valid pod has no errors', pod: newPod(), want: [] },
    { name: 'a pod without containers needs some', pod: newPod({ containers: [] }), want: ['spec.containers: FieldValueRequired'] },
    { name: 'container names must be DNS labels', pod: newPod({ containers: [container('Web_1')] }), want: ['spec.containers[0].name: FieldValueInvalid'] },
    { name: 'container names must be unique across init and app containers', pod: newPod({ initContainers: [container('c')] }), want: ['spec.containers[0].name: FieldValueDuplicate'] },
    { name: 'every container needs an image', pod: newPod({ containers: [{ name: 'c' }] }), want: ['spec.containers[0].image: FieldValueRequired'] },
    { name: 'ports must be in range', pod: newPod({ containers: [{ ...container(), ports: [{ containerPort: 70000 }] }] }), want: ['spec.containers[0].ports[0].containerPort: FieldValueInvalid'] },
    { name: 'resource quantities must parse, in limits and in the requests defaulted from them', pod: newPod({ containers: [{ ...container(), resources: { limits: { cpu: 'lots' } } }] }), want: ['spec.containers[0].resources.limits[cpu]: FieldValueInvalid', 'spec.containers[0].resources.requests[cpu]: FieldValueInvalid'] },
    { name: 'a request may not exceed its limit', pod: newPod({ containers: [{ ...container(), resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } }] }), want: ['spec.containers[0].resources.requests: FieldValueInvalid'] },
    { name: 'the restart policy must be a known one', pod: newPod({ restartPolicy: 'Sometimes' }), want: ['spec.restartPolicy: FieldValueNotSupported'] },
    { name: 'the pod name must be a DNS subdomain', pod: { ...newPod(), metadata: meta('Bad_Name') }, want: ['metadata.name: FieldValueInvalid'] },
    { name: 'a namespaced pod needs a namespace', pod: { ...newPod(), metadata: { name: 'p' } }, want: ['metadata.namespace: FieldValueRequired'] }
  ])('$name', ({ pod, want }) => {
    expect(brief(validate('', 'pods', pod))).toEqual(want)
  })

  it('allows an image change on update', () => {
    expect(validate('', 'pods', newPod({ containers: [container('c', 'busybox:2')] }), newPod({ containers: [container('c', 'busybox:1')] }))).toEqual([])
  })

  it('forbids other spec changes on update with upstream\'s message', () => {
    const errs = validate('', 'pods', newPod({ restartPolicy: 'Never' }), newPod())
    expect(errs).toHaveLength(1)
    expect(errs[0]).toMatchObject({ type: 'FieldValueForbidden', field: 'spec' })
    expect(errs[0]?.message).toMatch(/^pod updates may not change fields other than `spec.containers\[\*\].image`/)
  })

  it('allows adding tolerations but not removing them', () => {
    const tol = { key: 'k', operator: 'Exists' }
    expect(validate('', 'pods', newPod({ tolerations: [tol] }), newPod())).toEqual([])
    expect(brief(validate('', 'pods', newPod(), newPod({ tolerations: [tol] })))).toEqual(['spec: FieldValueForbidden'])
  })

  it('skips spec checks on status writes', () => {
    expect(validate('', 'pods', newPod({ restartPolicy: 'Never' }), newPod(), 'status')).toEqual([])
  })
})

describe('deployment validation', () => {
  it.each([
    { name: 'a valid deployment has no errors', d: newDeployment(), want: [] },
    { name: 'a missing selector is required and, selecting nothing, fails the template labels too (LabelSelectorAsSelector(nil) is Nothing)', d: newDeployment({ selector: undefined }), want: ['spec.selector: FieldValueRequired', 'spec.template.metadata.labels: FieldValueInvalid'] },
    { name: 'an empty selector is invalid', d: newDeployment({ selector: {} }), want: ['spec.selector: FieldValueInvalid'] },
    { name: 'the selector must match the template labels', d: newDeployment({ selector: { matchLabels: { app: 'db' } } }), want: ['spec.template.metadata.labels: FieldValueInvalid'] },
    { name: 'replicas may not be negative', d: newDeployment({ replicas: -1 }), want: ['spec.replicas: FieldValueInvalid'] },
    { name: 'the template must restart always', d: newDeployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [container()] } } }), want: ['spec.template.spec.restartPolicy: FieldValueNotSupported'] },
    { name: 'template containers are validated at their full path', d: newDeployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } }), want: ['spec.template.spec.containers: FieldValueRequired'] },
    { name: 'max unavailable and max surge may not both be zero', d: newDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }), want: ['spec.strategy.rollingUpdate.maxUnavailable: FieldValueInvalid'] }
  ])('$name', ({ d, want }) => {
    expect(brief(validate('apps', 'deployments', d))).toEqual(want)
  })

  it('reports the upstream message for a selector mismatch', () => {
    const [err] = validate('apps', 'deployments', newDeployment({ selector: { matchLabels: { app: 'db' } } }))
    expect(err?.message).toBe('`selector` does not match template `labels`')
  })

  it('makes the selector immutable', () => {
    const next = newDeployment({ selector: { matchLabels: { app: 'web', tier: 'x' } }, template: { metadata: { labels: { app: 'web', tier: 'x' } }, spec: { containers: [container()] } } })
    expect(brief(validate('apps', 'deployments', next, newDeployment()))).toEqual(['spec.selector: FieldValueInvalid'])
  })
})

describe('other kinds', () => {
  it.each([
    { name: 'a job template must not restart always', group: 'batch', resource: 'jobs', obj: { metadata: meta('j'), spec: { template: { spec: { containers: [container()] } } } }, want: ['spec.template.spec.restartPolicy: FieldValueNotSupported'] },
    { name: 'a cronjob needs a schedule', group: 'batch', resource: 'cronjobs', obj: { metadata: meta('cj'), spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [container()] } } } } } }, want: ['spec.schedule: FieldValueRequired'] },
    { name: 'a cronjob schedule needs five fields', group: 'batch', resource: 'cronjobs', obj: { metadata: meta('cj'), spec: { schedule: '* *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [container()] } } } } } }, want: ['spec.schedule: FieldValueInvalid'] },
    { name: 'a service needs ports', group: '', resource: 'services', obj: { metadata: meta('svc'), spec: { selector: { app: 'web' } } }, want: ['spec.ports: FieldValueRequired'] },
    { name: 'service names must start with a letter', group: '', resource: 'services', obj: { metadata: meta('1svc'), spec: { ports: [{ port: 80 }] } }, want: ['metadata.name: FieldValueInvalid'] },
    { name: 'several service ports need names', group: '', resource: 'services', obj: { metadata: meta('svc'), spec: { ports: [{ port: 80 }, { port: 443 }] } }, want: ['spec.ports[0].name: FieldValueRequired', 'spec.ports[1].name: FieldValueRequired'] },
    { name: 'service ports must be in range', group: '', resource: 'services', obj: { metadata: meta('svc'), spec: { ports: [{ port: 0 }] } }, want: ['spec.ports[0].port: FieldValueInvalid', 'spec.ports[0].targetPort: FieldValueInvalid'] },
    { name: 'configmap keys must be config keys', group: '', resource: 'configmaps', obj: { metadata: meta('cm'), data: { 'a b': 'x', ok: 'y' } }, want: ['data[a b]: FieldValueInvalid'] },
    { name: 'tls secrets need a cert and a key', group: '', resource: 'secrets', obj: { metadata: meta('s'), type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }, want: ['data[tls.key]: FieldValueRequired'] },
    { name: 'namespace names must be DNS labels', group: '', resource: 'namespaces', obj: { metadata: { name: 'a.b' } }, want: ['metadata.name: FieldValueInvalid'] },
    { name: 'cluster-scoped kinds take no namespace', group: '', resource: 'nodes', obj: { metadata: { name: 'n1', namespace: 'default' } }, want: ['metadata.namespace: FieldValueForbidden'] },
    { name: 'role bindings need a known role kind', group: 'rbac.authorization.k8s.io', resource: 'rolebindings', obj: { metadata: meta('rb'), roleRef: { kind: 'Thing', name: 'x' } }, want: ['roleRef.kind: FieldValueNotSupported'] },
    { name: 'hpas need max replicas at least min replicas', group: 'autoscaling', resource: 'horizontalpodautoscalers', obj: { metadata: meta('h'), spec: { minReplicas: 3, maxReplicas: 2, scaleTargetRef: { kind: 'Deployment', name: 'web' } } }, want: ['spec.maxReplicas: FieldValueInvalid'] },
    { name: 'ingress paths need a path type', group: 'networking.k8s.io', resource: 'ingresses', obj: { metadata: meta('i'), spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }] } }] } }, want: ['spec.rules[0].http.paths[0].pathType: FieldValueRequired'] },
    { name: 'pdbs may not set both bounds', group: 'policy', resource: 'poddisruptionbudgets', obj: { metadata: meta('pdb'), spec: { minAvailable: 1, maxUnavailable: 1 } }, want: ['spec: FieldValueInvalid'] }
  ])('$name', ({ group, resource, obj, want }) => {
    expect(brief(validate(group, resource, obj))).toEqual(want)
  })

  it('accepts a job selector that defaulting extended with the uid, or a manual one', () => {
    const job = (manualSelector: boolean) => ({
      metadata: { ...meta('j'), uid: 'u-1' },
      spec: { manualSelector, selector: { matchLabels: { app: 'j' } }, template: { metadata: { labels: { app: 'j' } }, spec: { restartPolicy: 'Never', containers: [container()] } } }
    })
    expect(validate('batch', 'jobs', job(false))).toEqual([])
    expect(validate('batch', 'jobs', job(true))).toEqual([])
  })

  it('rejects a job update whose selector lost the generated uid', () => {
    const spec = { selector: { matchLabels: { app: 'j' } }, template: { metadata: { labels: { app: 'j' } }, spec: { restartPolicy: 'Never', containers: [container()] } } }
    const old = { metadata: { ...meta('j'), uid: 'u-1' }, spec: { ...spec, manualSelector: true } }
    expect(brief(validate('batch', 'jobs', { metadata: { ...meta('j'), uid: 'u-1' }, spec: { ...spec, manualSelector: false } }, old))).toContain('spec.selector: FieldValueInvalid')
  })

  it('freezes an immutable configmap', () => {
    const old = { metadata: meta('cm'), immutable: true, data: { a: '1' } }
    expect(brief(validate('', 'configmaps', { ...old, data: { a: '2' } }, old))).toEqual(['data: FieldValueForbidden'])
  })

  it('keeps a service cluster IP once set', () => {
    const old = { metadata: meta('svc'), spec: { clusterIP: '10.96.0.5', ports: [{ port: 80 }] } }
    expect(brief(validate('', 'services', { ...old, spec: { clusterIP: '10.96.0.6', ports: [{ port: 80 }] } }, old))).toEqual(['spec.clusterIPs[0]: FieldValueInvalid'])
  })

  it('reports a renamed object as an immutable name on update', () => {
    expect(brief(validate('', 'configmaps', { metadata: meta('b') }, { metadata: meta('a') }))).toEqual(['metadata.name: FieldValueInvalid'])
  })
})
