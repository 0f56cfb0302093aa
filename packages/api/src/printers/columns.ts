import type { KubeObject } from '../meta/object.js'
import type { PrinterColumn, ResourceSchema } from '../schema/resource-schema.js'
import { ageCell, createdAtCell } from './age.js'

export const NAME_DESCRIPTION = 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'
export const CREATION_TIMESTAMP_DESCRIPTION = 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'
export const CONTAINERS_DESCRIPTION = 'Names of each container in the template.'
export const IMAGES_DESCRIPTION = 'Images referenced by each container in the template.'

type Cell = PrinterColumn['cell']

/** The `Name` column every printer starts with; `cell` may decorate the name (StorageClass `(default)`). */
export function nameColumn (cell: Cell = (o) => o.metadata?.name ?? '', priority = 0): PrinterColumn {
  return { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority, cell }
}

export function ageColumn (): PrinterColumn {
  return { name: 'Age', type: 'string', description: CREATION_TIMESTAMP_DESCRIPTION, priority: 0, cell: ageCell }
}

/** A plain column; `type` is metadata only (several upstream columns declare `string` but carry integers). */
export function column (name: string, description: string, cell: Cell, opts: { type?: PrinterColumn['type'], priority?: number } = {}): PrinterColumn {
  return { name, type: opts.type ?? 'string', description, priority: opts.priority ?? 0, cell }
}

export function wide (name: string, description: string, cell: Cell): PrinterColumn {
  return column(name, description, cell, { priority: 1 })
}

/** Columns of upstream's default table convertor, used by kinds without a printer (Role, LimitRange, ...). */
export function defaultColumns (): PrinterColumn[] {
  return [nameColumn(), { name: 'Created At', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, priority: 0, cell: (o: KubeObject) => createdAtCell(o) }]
}

/** meta/v1 TableColumnDefinition as sent on the wire: all five keys always present. */
export interface TableColumnDefinition {
  name: string
  type: string
  format: string
  description: string
  priority: number
}

export function tableColumnsFor (schema: Pick<ResourceSchema, 'printerColumns'>): TableColumnDefinition[] {
  return columnsOrDefault(schema).map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority }))
}

/** One row's cells, in column order, wide cells included (the server always sends them). */
export function tableCellsFor (schema: Pick<ResourceSchema, 'printerColumns'>, obj: KubeObject, now: Date): Array<string | number | boolean> {
  return columnsOrDefault(schema).map((c) => c.cell(obj, now))
}

function columnsOrDefault (schema: Pick<ResourceSchema, 'printerColumns'>): PrinterColumn[] {
  return schema.printerColumns.length > 0 ? schema.printerColumns : defaultColumns()
}
