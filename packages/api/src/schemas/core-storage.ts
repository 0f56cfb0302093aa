import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn, wide } from '../printers/columns.js'
import { asArr, asObj, asStr, quantityString } from '../printers/format.js'
import { accessModesString, orUnset, pvClaimCell, pvcAccessModesCell, pvcCapacityCell, quotaCells, storageClassOf, volumePhaseCell } from '../printers/storage-cells.js'
import { defineSchema } from './define.js'
import { forbidden, notSupported, required } from './field-errors.js'
import { child, defaultPvcSpec, objects, setDefault } from './pod-spec-defaults.js'

// Storage and policy kinds of core/v1: persistent volumes and claims, limit ranges and resource quotas.

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain']
const NON_SOURCE_FIELDS = ['accessModes', 'capacity', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName']

function validateAccessModes (modes: unknown, field: string): FieldError[] {
  const list = asArr(modes)
  if (list.length === 0) return [required(field, 'at least 1 access mode is required')]
  return list.filter((m) => !ACCESS_MODES.includes(asStr(m))).map((m) => notSupported(field, m, ACCESS_MODES))
}

function validatePv (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes')
  if (asObj(spec.capacity).storage === undefined) errs.push(required('spec.capacity'))
  const sources = Object.keys(spec).filter((k) => !NON_SOURCE_FIELDS.includes(k))
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'))
  else if (sources.length > 1) errs.push(forbidden(`spec.${sources[1] ?? ''}`, 'may not specify more than 1 volume type'))
  const policy = spec.persistentVolumeReclaimPolicy
  if (policy !== undefined && !RECLAIM_POLICIES.includes(asStr(policy))) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES))
  return errs
}

export const persistentVolumeSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  namespaced: false,
  shortNames: ['pv'],
  subresources: ['status'],
  defaults: (obj) => {
    const spec = child(obj, 'spec')
    setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain')
    setDefault(spec, 'volumeMode', 'Filesystem')
    setDefault(child(obj, 'status'), 'phase', 'Pending')
  },
  validate: validatePv,
  printerColumns: [
    nameColumn(),
    column('Capacity', 'capacity is the description of the persistent volume\'s resources and capacity.', (o) => quantityString(asObj(asObj(o.spec).capacity).storage)),
    column('Access Modes', 'accessModes contains all ways the volume can be mounted.', (o) => accessModesString(asObj(o.spec).accessModes)),
    column('Reclaim Policy', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.', (o) => asStr(asObj(o.spec).persistentVolumeReclaimPolicy)),
    column('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.', volumePhaseCell),
    column('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.', pvClaimCell),
    column('StorageClass', 'StorageClass of the pv', storageClassOf),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv', (o) => orUnset(asObj(o.spec).volumeAttributesClassName)),
    column('Reason', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.', (o) => asStr(asObj(o.status).reason)),
    ageColumn(),
    wide('VolumeMode', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', (o) => orUnset(asObj(o.spec).volumeMode))
  ]
})

function validatePvc (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  if (ctx.subresource === 'status') return []
  const spec = asObj(obj.spec)
  const errs = validateAccessModes(spec.accessModes, 'spec.accessModes')
  if (asObj(asObj(spec.resources).requests).storage === undefined) errs.push(required('spec.resources[storage]'))
  return errs
}

export const persistentVolumeClaimSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  namespaced: true,
  shortNames: ['pvc'],
  subresources: ['status'],
  defaults: (obj) => {
    defaultPvcSpec(child(obj, 'spec'))
    setDefault(child(obj, 'status'), 'phase', 'Pending')
  },
  validate: validatePvc,
  patchStrategies: { 'status.conditions': { strategy: 'merge', mergeKey: 'type' } },
  printerColumns: [
    nameColumn(),
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.', volumePhaseCell),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.', (o) => asStr(asObj(o.spec).volumeName)),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.', pvcCapacityCell),
    column('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.', pvcAccessModesCell),
    column('StorageClass', 'StorageClass of the pvc', storageClassOf),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc', (o) => orUnset(asObj(o.spec).volumeAttributesClassName)),
    ageColumn(),
    wide('VolumeMode', 'volumeMode defines what type of volume is required by the claim.', (o) => orUnset(asObj(o.spec).volumeMode))
  ]
})

const LIMIT_TYPES = ['Container', 'Pod', 'PersistentVolumeClaim']

/**
 * SetDefaults_LimitRangeItem, for Container items only: a missing default limit is the max, a missing default
 * request is the default limit, else the min. LimitRanger admission then applies these to pods.
 */
function defaultLimitRange (obj: KubeObject): void {
  for (const item of objects(asObj(obj.spec).limits)) {
    if (item.type !== 'Container') continue
    const def = { ...asObj(item.default) }
    const defReq = { ...asObj(item.defaultRequest) }
    for (const [k, v] of Object.entries(asObj(item.max))) setDefault(def, k, v)
    for (const [k, v] of Object.entries(def)) setDefault(defReq, k, v)
    for (const [k, v] of Object.entries(asObj(item.min))) setDefault(defReq, k, v)
    // empty lists stay out of the object, as upstream's omitempty leaves them
    if (Object.keys(def).length > 0 && (item.default === undefined || item.default === null || typeof item.default === 'object')) item.default = def
    if (Object.keys(defReq).length > 0 && (item.defaultRequest === undefined || item.defaultRequest === null || typeof item.defaultRequest === 'object')) item.defaultRequest = defReq
  }
}

export const limitRangeSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  namespaced: true,
  shortNames: ['limits'],
  defaults: defaultLimitRange,
  validate: (obj) => objects(asObj(obj.spec).limits).flatMap((l, i) => {
    const t = asStr(l.type)
    if (t === '') return [required(`spec.limits[${i}].type`)]
    return LIMIT_TYPES.includes(t) ? [] : [notSupported(`spec.limits[${i}].type`, t, LIMIT_TYPES)]
  })
})

export const resourceQuotaSchema = defineSchema({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  namespaced: true,
  shortNames: ['quota'],
  subresources: ['status'],
  printerColumns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.', (o) => quotaCells(o).request),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.', (o) => quotaCells(o).limit)
  ]
})
