import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asArr, asObj, asStr } from '../printers/format.js'
import { nodeAddressCell, nodeInfoCell, nodeRolesCell, nodeStatusCell } from '../printers/node-cells.js'
import { isQualifiedName } from '../validation/index.js'
import { defineSchema } from './define.js'
import { invalid, notSupported, required } from './field-errors.js'
import { child, isObj, objects, setDefault } from './pod-spec-defaults.js'

// Cluster-scoped core kinds: namespaces and nodes.

const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

function defaultNamespace (obj: KubeObject): void {
  const spec = child(obj, 'spec')
  setDefault(spec, 'finalizers', ['kubernetes'])
  setDefault(child(obj, 'status'), 'phase', 'Active')
  // every namespace carries its own name as a label, so selectors can pick namespaces by name
  const name = obj.metadata?.name
  if (typeof name === 'string' && name !== '') {
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name }
  }
}

function validateNamespace (obj: KubeObject): FieldError[] {
  const errs: FieldError[] = []
  asArr(asObj(obj.spec).finalizers).forEach((f, i) => {
    for (const m of isQualifiedName(asStr(f))) errs.push(invalid(`spec.finalizers[${i}]`, f, m))
  })
  const phase = asObj(obj.status).phase
  if (phase !== undefined && phase !== 'Active' && phase !== 'Terminating') errs.push(notSupported('status.phase', phase, ['Active', 'Terminating']))
  return errs
}

export const namespaceSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  namespaced: false,
  shortNames: ['ns'],
  subresources: ['status', 'finalize'],
  verbs: NAMESPACE_VERBS,
  nameCheck: 'label',
  fieldSelectors: { 'status.phase': (o) => asStr(asObj(o.status).phase) },
  defaults: defaultNamespace,
  validate: validateNamespace,
  patchStrategies: { 'spec.finalizers': { strategy: 'replace' }, 'status.conditions': { strategy: 'merge', mergeKey: 'type' } },
  printerColumns: [
    nameColumn(),
    column('Status', 'The status of the namespace', (o) => asStr(asObj(o.status).phase)),
    ageColumn()
  ]
})

function defaultNode (obj: KubeObject): void {
  // the v1 wire form keeps podCIDR and podCIDRs[0] in sync (conversion)
  const spec = obj.spec
  if (isObj(spec)) {
    if (typeof spec.podCIDR === 'string' && spec.podCIDR !== '' && !Array.isArray(spec.podCIDRs)) spec.podCIDRs = [spec.podCIDR]
    if (Array.isArray(spec.podCIDRs) && typeof spec.podCIDRs[0] === 'string' && (spec.podCIDR === undefined || spec.podCIDR === '')) spec.podCIDR = spec.podCIDRs[0]
  }
  const status = obj.status
  // allocatable defaults to capacity (SetDefaults_NodeStatus)
  if (isObj(status) && isObj(status.capacity) && status.allocatable === undefined) status.allocatable = { ...status.capacity }
}

function validateNode (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs: FieldError[] = []
  objects(asObj(obj.spec).taints).forEach((t, i) => {
    const f = `spec.taints[${i}]`
    if (asStr(t.key) === '') errs.push(required(`${f}.key`))
    else for (const m of isQualifiedName(asStr(t.key))) errs.push(invalid(`${f}.key`, t.key, m))
    if (t.effect === undefined || t.effect === '') errs.push(required(`${f}.effect`))
    else if (!TAINT_EFFECTS.includes(String(t.effect))) errs.push(notSupported(`${f}.effect`, t.effect, TAINT_EFFECTS))
  })
  // podCIDRs may be set once and never changed (ValidateNodeUpdate)
  const oldCidrs = asArr(asObj(ctx.old?.spec).podCIDRs)
  const newCidrs = asArr(asObj(obj.spec).podCIDRs)
  if (ctx.old !== undefined && oldCidrs.length > 0 && JSON.stringify(oldCidrs) !== JSON.stringify(newCidrs)) {
    errs.push(invalid('spec.podCIDRs', newCidrs, 'node updates may not change podCIDR except from "" to valid'))
  }
  return errs
}

export const nodeSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  namespaced: false,
  shortNames: ['no'],
  subresources: ['status', 'proxy'],
  storageResource: 'minions',
  fieldSelectors: { 'spec.unschedulable': (o) => String(asObj(o.spec).unschedulable === true) },
  defaults: defaultNode,
  validate: validateNode,
  patchStrategies: {
    'spec.taints': { strategy: 'replace' },
    'spec.podCIDRs': { strategy: 'merge' },
    'status.conditions': { strategy: 'merge', mergeKey: 'type' },
    'status.addresses': { strategy: 'merge', mergeKey: 'type' },
    'status.volumesAttached': { strategy: 'merge', mergeKey: 'name' }
  },
  printerColumns: [
    nameColumn(),
    column('Status', 'The status of the node', nodeStatusCell),
    column('Roles', 'The roles of the node', nodeRolesCell),
    ageColumn(),
    column('Version', 'Kubelet Version reported by the node.', (o) => asStr(asObj(asObj(o.status).nodeInfo).kubeletVersion)),
    wide('Internal-IP', 'List of addresses reachable to the node.', (o) => nodeAddressCell(o, 'InternalIP')),
    wide('External-IP', 'List of addresses reachable to the node.', (o) => nodeAddressCell(o, 'ExternalIP')),
    wide('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', (o) => nodeInfoCell(o, 'osImage')),
    wide('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", (o) => nodeInfoCell(o, 'kernelVersion')),
    wide('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', (o) => nodeInfoCell(o, 'containerRuntimeVersion'))
  ]
})
