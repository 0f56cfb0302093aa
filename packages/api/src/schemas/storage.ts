import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asStr } from '../printers/format.js'
import { storageClassNameCell } from '../printers/storage-cells.js'
import { defineSchema } from './define.js'
import { forbidden, jsonEqual, notSupported, required } from './field-errors.js'
import { setDefault } from './pod-spec-defaults.js'

// storage.k8s.io/v1 StorageClasses.

const RECLAIM = ['Delete', 'Retain']
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer']

function validateStorageClass (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs: FieldError[] = []
  if (asStr(obj.provisioner) === '') errs.push(required('provisioner'))
  if (!RECLAIM.includes(asStr(obj.reclaimPolicy))) errs.push(notSupported('reclaimPolicy', obj.reclaimPolicy, RECLAIM))
  if (!BINDING_MODES.includes(asStr(obj.volumeBindingMode))) errs.push(notSupported('volumeBindingMode', obj.volumeBindingMode, BINDING_MODES))
  const old = ctx.old
  if (old !== undefined) {
    if (!jsonEqual(old.parameters, obj.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'))
    if (old.provisioner !== obj.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'))
    if (old.reclaimPolicy !== obj.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'))
    if (old.volumeBindingMode !== obj.volumeBindingMode) errs.push(forbidden('volumeBindingMode', 'field is immutable'))
  }
  return errs
}

export const storageClassSchema = defineSchema({
  group: 'storage.k8s.io',
  version: 'v1',
  kind: 'StorageClass',
  plural: 'storageclasses',
  namespaced: false,
  shortNames: ['sc'],
  defaults: (obj) => {
    setDefault(obj, 'reclaimPolicy', 'Delete')
    setDefault(obj, 'volumeBindingMode', 'Immediate')
  },
  validate: validateStorageClass,
  printerColumns: [
    nameColumn(storageClassNameCell),
    column('Provisioner', 'provisioner indicates the type of the provisioner.', (o) => asStr(o.provisioner)),
    column('ReclaimPolicy', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.', (o) => asStr(o.reclaimPolicy) || 'Delete'),
    column('VolumeBindingMode', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.', (o) => asStr(o.volumeBindingMode) || 'Immediate'),
    column('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.', (o) => o.allowVolumeExpansion === true),
    ageColumn()
  ]
})

export const storageSchemas: ResourceSchema[] = [storageClassSchema]
