import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema, StrategyContext } from '../schema/resource-schema.js'
import { ageColumn, column, nameColumn } from '../printers/columns.js'
import { asArr, asStr } from '../printers/format.js'
import { endpointSliceCells } from '../printers/network-cells.js'
import { defineSchema } from './define.js'
import { immutable, notSupported, required, tooMany } from './field-errors.js'
import { objects, setDefault } from './pod-spec-defaults.js'

// discovery.k8s.io/v1 EndpointSlices.

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN']
const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

function validateEndpointSlice (obj: KubeObject, ctx: StrategyContext): FieldError[] {
  const errs: FieldError[] = []
  const type = asStr(obj.addressType)
  if (type === '') errs.push(required('addressType'))
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported('addressType', type, ADDRESS_TYPES))
  if (ctx.old !== undefined && asStr(ctx.old.addressType) !== type) errs.push(immutable('addressType', type))
  const endpoints = objects(obj.endpoints)
  if (endpoints.length > 1000) errs.push(tooMany('endpoints', endpoints.length, 1000))
  endpoints.forEach((e, i) => {
    const addrs = asArr(e.addresses)
    if (addrs.length === 0) errs.push(required(`endpoints[${i}].addresses`, 'must contain at least 1 address'))
    else if (addrs.length > 100) errs.push(tooMany(`endpoints[${i}].addresses`, addrs.length, 100))
  })
  objects(obj.ports).forEach((p, i) => {
    if (p.protocol !== undefined && !PROTOCOLS.includes(String(p.protocol))) errs.push(notSupported(`ports[${i}].protocol`, p.protocol, PROTOCOLS))
  })
  return errs
}

export const endpointSliceSchema = defineSchema({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  namespaced: true,
  generationFields: ['addressType', 'endpoints', 'ports'],
  defaults: (obj) => {
    for (const p of objects(obj.ports)) {
      setDefault(p, 'protocol', 'TCP')
      setDefault(p, 'name', '')
    }
  },
  validate: validateEndpointSlice,
  printerColumns: [
    nameColumn(),
    column('AddressType', 'addressType specifies the type of address carried by this EndpointSlice.', (o) => asStr(o.addressType)),
    column('Ports', 'ports specifies the list of network ports exposed by each endpoint in this slice.', (o) => endpointSliceCells(o).ports),
    column('Endpoints', 'endpoints is a list of unique endpoints in this slice.', (o) => endpointSliceCells(o).endpoints),
    ageColumn()
  ]
})

export const discoverySchemas: ResourceSchema[] = [endpointSliceSchema]
