import type { FieldError } from '../errors/api-error.js'
import type { ResourceSchema } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asObj, asStr } from '../printers/format.js'
import { defineSchema } from './define.js'
import { invalid } from './field-errors.js'

// coordination.k8s.io/v1 Leases: leader election and node heartbeats.

export const leaseSchema = defineSchema({
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  plural: 'leases',
  namespaced: true,
  validate: (obj) => {
    const spec = asObj(obj.spec)
    const errs: FieldError[] = []
    const d = spec.leaseDurationSeconds
    if (d !== undefined && (typeof d !== 'number' || d <= 0)) errs.push(invalid('spec.leaseDurationSeconds', d, 'must be greater than 0'))
    const t = spec.leaseTransitions
    if (t !== undefined && (typeof t !== 'number' || t < 0)) errs.push(invalid('spec.leaseTransitions', t, 'must be greater than or equal to 0'))
    return errs
  },
  printerColumns: [
    nameColumn(),
    column('Holder', 'holderIdentity contains the identity of the holder of a current lease.', (o) => asStr(asObj(o.spec).holderIdentity)),
    ageColumn()
  ]
})

export const coordinationSchemas: ResourceSchema[] = [leaseSchema]
