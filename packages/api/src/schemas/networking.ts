import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asArr, asObj, asStr, formatLabelSelector } from '../printers/format.js'
import { ingressClassParametersCell, ingressHostsCell, ingressPortsCell } from '../printers/network-cells.js'
import { ingressAddressCell } from '../printers/service-cells.js'
import { defineSchema } from './define.js'
import { invalid, notSupported, required } from './field-errors.js'
import { child, objects, setDefault } from './pod-spec-defaults.js'
import { validateLabelSelector } from './selector.js'

// networking.k8s.io/v1 Ingresses, IngressClasses and NetworkPolicies.

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']

function validateBackend (b: unknown, field: string): FieldError[] {
  const backend = asObj(b)
  const svc = backend.service
  if ((svc === undefined || svc === null) && (backend.resource === undefined || backend.resource === null)) return [invalid(field, b, 'one backend (`service` or `resource`) must be specified')]
  if (svc === undefined || svc === null) return []
  const errs: FieldError[] = []
  if (asStr(asObj(svc).name) === '') errs.push(required(`${field}.service.name`))
  const port = asObj(asObj(svc).port)
  if (port.number === undefined && asStr(port.name) === '') errs.push(required(`${field}.service.port`, 'port name or number is required'))
  return errs
}

function validateIngress (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs: FieldError[] = []
  const rules = objects(spec.rules)
  if (rules.length === 0 && (spec.defaultBackend === undefined || spec.defaultBackend === null)) {
    errs.push(invalid('spec.rules', [], 'either `defaultBackend` or `rules` must be specified'))
  }
  if (spec.defaultBackend !== undefined && spec.defaultBackend !== null) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'))
  rules.forEach((r, i) => {
    objects(asObj(r.http).paths).forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`
      const pathType = p.pathType
      if (pathType === undefined || pathType === '') errs.push(required(`${f}.pathType`, 'pathType must be specified'))
      else if (!PATH_TYPES.includes(String(pathType))) errs.push(notSupported(`${f}.pathType`, pathType, PATH_TYPES))
      const path = asStr(p.path)
      if ((pathType === 'Exact' || pathType === 'Prefix') && !path.startsWith('/')) errs.push(invalid(`${f}.path`, path, 'must be an absolute path'))
      errs.push(...validateBackend(p.backend, `${f}.backend`))
    })
  })
  return errs
}

export const ingressSchema = defineSchema({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  namespaced: true,
  shortNames: ['ing'],
  subresources: ['status'],
  storageResource: 'ingress',
  generationFields: ['spec'],
  validate: validateIngress,
  printerColumns: [
    nameColumn(),
    column('Class', 'The name of the IngressClass resource that should be used for additional configuration', (o) => asStr(asObj(o.spec).ingressClassName) || '<none>'),
    column('Hosts', 'Hosts that incoming requests are matched against before the ingress rule', ingressHostsCell),
    column('Address', 'Address is a list containing ingress points for the load-balancer', ingressAddressCell),
    column('Ports', 'Ports of TLS configurations that open', ingressPortsCell),
    ageColumn()
  ]
})

export const ingressClassSchema = defineSchema({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  namespaced: false,
  validate: (obj) => asStr(asObj(obj.spec).controller) === '' ? [required('spec.controller')] : [],
  printerColumns: [
    nameColumn(),
    column('Controller', 'Controller that is responsible for handling this class', (o) => asStr(asObj(o.spec).controller)),
    column('Parameters', 'A reference to a resource with additional parameters', ingressClassParametersCell),
    ageColumn()
  ]
})

function defaultNetworkPolicy (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'podSelector', {})
  // policyTypes: Ingress always, Egress when egress rules exist (SetDefaults_NetworkPolicy)
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = asArr(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']
  }
  for (const dir of ['ingress', 'egress']) {
    for (const rule of objects(spec[dir])) for (const p of objects(rule.ports)) setDefault(p, 'protocol', 'TCP')
  }
}

function validateNetworkPolicy (obj: KubeObject): FieldError[] {
  const spec = asObj(obj.spec)
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector')
  asArr(spec.policyTypes).forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']))
  })
  return errs
}

export const networkPolicySchema = defineSchema({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  namespaced: true,
  shortNames: ['netpol'],
  generationFields: ['spec'],
  defaults: defaultNetworkPolicy,
  validate: validateNetworkPolicy,
  printerColumns: [
    nameColumn(),
    column('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.', (o) => formatLabelSelector(asObj(o.spec).podSelector ?? {})),
    ageColumn()
  ]
})

export const networkingSchemas: ResourceSchema[] = [ingressClassSchema, ingressSchema, networkPolicySchema]
