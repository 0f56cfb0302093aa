import type { ManagedFieldsEntry } from 'kubernetes-types/meta/v1.js'
import { isObject } from '../json-value.js'
import { decodeFieldsV1, encodeFieldsV1 } from './fields-v1.js'
import { FieldSet, fieldPE, type FieldPath } from './field-set.js'

/** One manager's ownership, decoded. `time` is kept as the RFC 3339 text it was stored with. */
export interface ManagerEntry {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  time?: string
  subresource?: string
  set: FieldSet
}

/**
 * The identity upstream keys managers by (BuildManagerIdentifier): Apply entries ignore apiVersion, Update entries
 * include it, and both include the subresource. Its JSON spelling is also the sort key for conflict messages.
 */
export function managerIdentity (e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: Record<string, string> = { manager: e.manager, operation: e.operation }
  if (e.operation === 'Update') id.apiVersion = e.apiVersion
  if (e.subresource !== undefined && e.subresource !== '') id.subresource = e.subresource
  return JSON.stringify(id)
}

/** Fields never tracked (stripmeta.go): type meta and the server-owned parts of ObjectMeta. */
export const strippedPaths: FieldPath[] = [
  [fieldPE('apiVersion')], [fieldPE('kind')], [fieldPE('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']
    .map(f => [fieldPE('metadata'), fieldPE(f)])
]

const strippedSet = new FieldSet(strippedPaths)

/** `spec.template` → `[f:spec, f:template]`: reset fields are written dotted. */
export function dottedPath (dotted: string): FieldPath {
  return dotted.split('.').map(fieldPE)
}

/**
 * Removes stripped paths and whole reset fields from a set. Reset fields are the parts an endpoint does not own,
 * written dotted: `status` on the main resource, `spec` on `/status`.
 */
export function stripSet (set: FieldSet, resetFields: string[]): FieldSet {
  return set.difference(strippedSet).withoutPrefixes(resetFields.map(dottedPath))
}

/** True for `[]` and `[{}]`, the two spellings that reset managedFields on a non-apply write. */
export function isResetRequest (v: unknown): boolean {
  return Array.isArray(v) && (v.length === 0 || (v.length === 1 && isObject(v[0]) && Object.keys(v[0]).length === 0))
}

/** Decodes stored entries; malformed ones are skipped and entries sharing an identity are unioned. */
export function decodeManagedFields (raw: unknown): ManagerEntry[] {
  if (!Array.isArray(raw)) return []
  const byId = new Map<string, ManagerEntry>()
  for (const e of raw) {
    if (!isObject(e) || (e.operation !== 'Apply' && e.operation !== 'Update')) continue
    if (e.fieldsType !== undefined && e.fieldsType !== 'FieldsV1') continue
    const entry: ManagerEntry = {
      manager: typeof e.manager === 'string' ? e.manager : '',
      operation: e.operation,
      apiVersion: typeof e.apiVersion === 'string' ? e.apiVersion : '',
      set: decodeFieldsV1(e.fieldsV1)
    }
    if (typeof e.time === 'string') entry.time = e.time
    if (typeof e.subresource === 'string' && e.subresource !== '') entry.subresource = e.subresource
    const id = managerIdentity(entry)
    const prev = byId.get(id)
    if (prev !== undefined) prev.set = prev.set.union(entry.set)
    else byId.set(id, entry)
  }
  return [...byId.values()]
}

function seconds (t: string | undefined): number {
  if (t === undefined) return 0
  const ms = Date.parse(t)
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000)
}

/** Encodes entries in upstream's member and entry order, dropping entries that own nothing. */
export function encodeManagedFields (entries: ManagerEntry[]): ManagedFieldsEntry[] {
  const live = entries.filter(e => !e.set.isEmpty())
  live.sort((p, q) => cmp(p.operation, q.operation) || seconds(p.time) - seconds(q.time) || cmp(p.manager, q.manager) ||
    cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource ?? '', q.subresource ?? ''))
  return live.map(e => {
    const out: ManagedFieldsEntry = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion }
    if (e.time !== undefined) out.time = e.time
    out.fieldsType = 'FieldsV1'
    out.fieldsV1 = encodeFieldsV1(e.set)
    if (e.subresource !== undefined) out.subresource = e.subresource
    return out
  })
}

function cmp (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** RFC 3339 with second precision in UTC, as metav1.Time serializes. */
export function formatTime (now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
