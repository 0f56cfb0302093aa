import { errBadRequest, errNotAcceptable } from '@kube-ts/api'
import type { KubeList, KubeObject, PrinterColumn, ResourceSchema } from '@kube-ts/api'
import type { Query } from './query.js'
import { parseAccept } from './accept.js'

/**
 * Server-side `kubectl get` tables (meta.k8s.io Table), built from the schema's printer columns. Kinds without
 * columns get upstream's default convertor: Name and Created At (RFC 3339).
 */
export type TableVersion = 'v1' | 'v1beta1'
export type IncludeObject = 'Metadata' | 'Object' | 'None'

export interface TableRequest {
  version: TableVersion
  includeObject: IncludeObject
}

/**
 * Picks the first acceptable representation in Accept order: a Table (only g=meta.k8s.io, v1 or v1beta1) or the
 * plain object. Returns undefined for the plain object; 406 when only unservable Tables were asked for.
 */
export function negotiateTable (accept: string | undefined, q: Query): TableRequest | undefined {
  const ranges = parseAccept(accept)
  let rejectedTable: string | undefined
  for (const r of ranges) {
    if (r.params.as === 'Table') {
      const g = r.params.g ?? ''
      const v = r.params.v ?? ''
      if (g === 'meta.k8s.io' && (v === 'v1' || v === 'v1beta1')) return { version: v, includeObject: includeObjectOf(q) }
      rejectedTable = `${g}/${v}`
      continue
    }
    if (r.params.as !== undefined) continue
    return undefined
  }
  if (rejectedTable !== undefined) throw errNotAcceptable(`no Table exists in group version ${rejectedTable}`)
  return undefined
}

function includeObjectOf (q: Query): IncludeObject {
  const v = q.get('includeObject') ?? ''
  if (v === '' || v === 'Metadata') return 'Metadata'
  if (v === 'Object' || v === 'None') return v
  throw errBadRequest(`Unable to convert to Table as requested: includeObject: Invalid value: ${JSON.stringify(v)}: must be 'Metadata', 'Object', 'None', or empty`)
}

const nameDescription = 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names'
const createdDescription = 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'

const defaultColumns: PrinterColumn[] = [
  { name: 'Name', type: 'string', format: 'name', description: nameDescription, priority: 0, cell: (o) => o.metadata.name ?? '' },
  {
    name: 'Created At',
    type: 'date',
    description: createdDescription,
    priority: 0,
    cell: (o) => {
      const ts = o.metadata.creationTimestamp as unknown as string | undefined
      if (ts === undefined) return '0001-01-01T00:00:00Z'
      const d = new Date(ts)
      return Number.isNaN(d.getTime()) ? String(ts) : d.toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
  }
]

function columnsOf (schema: ResourceSchema): { columns: PrinterColumn[], custom: boolean } {
  return schema.printerColumns.length > 0 ? { columns: schema.printerColumns, custom: true } : { columns: defaultColumns, custom: false }
}

function columnDefinitions (columns: PrinterColumn[]): Array<Omit<PrinterColumn, 'cell'>> {
  return columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority }))
}

function rowOf (obj: KubeObject, columns: PrinterColumn[], req: TableRequest, now: Date): Record<string, unknown> {
  const cells = columns.map((c) => c.cell(obj, now))
  let object: unknown = null
  if (req.includeObject === 'Metadata') {
    object = { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${req.version}`, metadata: obj.metadata }
  } else if (req.includeObject === 'Object') {
    object = obj
  }
  return { cells, object }
}

export interface TableOptions {
  now?: Date
  /** Watch events after the first omit the headers (upstream encodes them with NoHeaders). */
  noHeaders?: boolean
}

/** A Table for a list response; metadata carries the list's resourceVersion/continue/remainingItemCount. */
export function listToTable (schema: ResourceSchema, list: KubeList, req: TableRequest, opts: TableOptions = {}): Record<string, unknown> {
  const { columns, custom } = columnsOf(schema)
  const now = opts.now ?? new Date()
  const rows = list.items.map((o) => rowOf(o, columns, req, now))
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${req.version}`,
    metadata: list.metadata,
    columnDefinitions: opts.noHeaders === true ? null : columnDefinitions(columns),
    // the default convertor leaves rows nil for an empty list; printers return an empty array
    rows: rows.length === 0 && !custom ? null : rows
  }
}

/** A one-row Table for a single object (GET of an item, or one watch event). */
export function objectToTable (schema: ResourceSchema, obj: KubeObject, req: TableRequest, opts: TableOptions = {}): Record<string, unknown> {
  const { columns } = columnsOf(schema)
  const rv = obj.metadata.resourceVersion
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${req.version}`,
    metadata: rv === undefined ? {} : { resourceVersion: rv },
    columnDefinitions: opts.noHeaders === true ? null : columnDefinitions(columns),
    rows: [rowOf(obj, columns, req, opts.now ?? new Date())]
  }
}
