import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asObj, asStr, formatLabels } from '../printers/format.js'
import { endpointsCell, serviceClusterIpCell, serviceExternalIpCell, servicePortsCell } from '../printers/service-cells.js'
import { defineSchema } from './define.js'
import { duplicate, invalid, notSupported, required } from './field-errors.js'
import { child, objects, setDefault } from './pod-spec-defaults.js'
import { validateLabelMap } from './pod-spec-validation.js'

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']
const AFFINITIES = ['ClientIP', 'None']
const PORT_RANGE = 'must be between 1 and 65535, inclusive'

function defaultService (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'type', 'ClusterIP')
  setDefault(spec, 'sessionAffinity', 'None')
  if (spec.sessionAffinity === 'ClientIP') setDefault(child(child(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds', 10800)
  for (const p of objects(spec.ports)) {
    setDefault(p, 'protocol', 'TCP')
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  if (spec.type === 'ExternalName') return
  setDefault(spec, 'internalTrafficPolicy', 'Cluster')
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster')
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true)
  // the v1 wire form keeps clusterIP and clusterIPs[0] in sync (conversion)
  if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && !Array.isArray(spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP]
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 && (spec.clusterIP === undefined || spec.clusterIP === '')) spec.clusterIP = spec.clusterIPs[0]
  setDefault(spec, 'ipFamilyPolicy', 'SingleStack')
  setDefault(spec, 'ipFamilies', ['IPv4'])
}

function validatePorts (spec: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = []
  const ports = objects(spec.ports)
  const headless = spec.clusterIP === 'None'
  if (ports.length === 0 && spec.type !== 'ExternalName' && !headless) errs.push(required('spec.ports'))
  const names = new Set<string>()
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`
    const name = asStr(p.name)
    if (ports.length > 1 && name === '') errs.push(required(`${f}.name`))
    if (name !== '' && names.has(name)) errs.push(duplicate(`${f}.name`, name))
    names.add(name)
    if (typeof p.port !== 'number' || !Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errs.push(invalid(`${f}.port`, p.port, PORT_RANGE))
    if (p.protocol !== undefined && !PROTOCOLS.includes(String(p.protocol))) errs.push(notSupported(`${f}.protocol`, p.protocol, PROTOCOLS))
    const tp = p.targetPort
    if (typeof tp === 'number' && (tp < 1 || tp > 65535)) errs.push(invalid(`${f}.targetPort`, tp, PORT_RANGE))
    if (p.nodePort !== undefined && p.nodePort !== 0 && spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') {
      errs.push({ type: 'FieldValueForbidden', field: `${f}.nodePort`, message: 'may not be used when `type` is \'ClusterIP\'' })
    }
  })
  return errs
}

function validateService (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs: FieldError[] = []
  if (!SERVICE_TYPES.includes(String(spec.type))) errs.push(notSupported('spec.type', spec.type, SERVICE_TYPES))
  if (spec.type === 'ExternalName' && asStr(spec.externalName) === '') errs.push(required('spec.externalName'))
  if (!AFFINITIES.includes(String(spec.sessionAffinity))) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES))
  errs.push(...validatePorts(spec), ...validateLabelMap(spec.selector, 'spec.selector'))
  const old = asObj(ctx.old?.spec)
  const oldIp = asStr((Array.isArray(old.clusterIPs) ? old.clusterIPs : [])[0])
  const newIp = asStr((Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [])[0])
  // a cluster IP may be dropped only by switching to ExternalName; otherwise it never changes once set
  if (ctx.old !== undefined && oldIp !== '' && spec.type !== 'ExternalName' && newIp !== oldIp) {
    errs.push(invalid('spec.clusterIPs[0]', spec.clusterIPs ?? [], 'may not change once set'))
  }
  return errs
}

export const serviceSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  subresources: ['status', 'proxy'],
  storageResource: 'services/specs',
  nameCheck: 'dns1035',
  defaults: defaultService,
  validate: validateService,
  patchStrategies: {
    'spec.ports': { strategy: 'merge', mergeKey: 'port' },
    'spec.clusterIPs': { strategy: 'replace' },
    'spec.externalIPs': { strategy: 'replace' },
    'spec.ipFamilies': { strategy: 'replace' },
    'status.conditions': { strategy: 'merge', mergeKey: 'type' }
  },
  printerColumns: [
    nameColumn(),
    column('Type', 'type determines how the Service is exposed.', (o) => asStr(asObj(o.spec).type)),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.', serviceClusterIpCell),
    column('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.', serviceExternalIpCell),
    column('Port(s)', 'The list of ports that are exposed by this service.', servicePortsCell),
    ageColumn(),
    wide('Selector', 'Route service traffic to pods with label keys and values matching this selector.', (o) => formatLabels(asObj(o.spec).selector))
  ]
})

function validateEndpoints (obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  objects(obj.subsets).forEach((ss, i) => {
    const f = `subsets[${i}]`
    for (const key of ['addresses', 'notReadyAddresses']) {
      objects(ss[key]).forEach((a, j) => { if (asStr(a.ip) === '') errs.push(required(`${f}.${key}[${j}].ip`)) })
    }
    objects(ss.ports).forEach((p, j) => {
      if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalid(`${f}.ports[${j}].port`, p.port, PORT_RANGE))
      if (p.protocol !== undefined && !PROTOCOLS.includes(String(p.protocol))) errs.push(notSupported(`${f}.ports[${j}].protocol`, p.protocol, PROTOCOLS))
    })
  })
  return errs
}

export const endpointsSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  storageResource: 'services/endpoints',
  defaults: (obj) => {
    for (const ss of objects(obj.subsets)) for (const p of objects(ss.ports)) setDefault(p, 'protocol', 'TCP')
  },
  validate: validateEndpoints,
  patchStrategies: { subsets: { strategy: 'replace' } },
  printerColumns: [
    nameColumn(),
    column('Endpoints', 'The set of all endpoints is the union of all subsets.', endpointsCell),
    ageColumn()
  ]
})

