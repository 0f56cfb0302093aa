import type { KubeObject } from '../../meta/object.js'
import { isObject, type JsonObject } from '../json-value.js'
import { capUpdateManagers } from './cap-managers.js'
import { encodeManagedFields, type ManagerEntry } from './managed-fields.js'

/** The object without `metadata.managedFields`, as a fresh copy. */
export function contentOf (obj: KubeObject | undefined): JsonObject {
  if (obj === undefined) return {}
  // a JSON round trip is the fastest deep copy of stored objects, and JSON.parse makes `__proto__` an own key
  const copy = JSON.parse(JSON.stringify(obj)) as JsonObject
  if (isObject(copy.metadata)) delete copy.metadata.managedFields
  return copy
}

/** Puts the entries (capped, empty ones dropped) on `content`, or removes managedFields when none is left. */
export function withManagedFields (content: JsonObject, entries: ManagerEntry[]): KubeObject {
  const meta = isObject(content.metadata) ? content.metadata : {}
  const encoded = encodeManagedFields(capUpdateManagers(entries.filter(e => !e.set.isEmpty())))
  if (encoded.length > 0) meta.managedFields = encoded
  else delete meta.managedFields
  content.metadata = meta
  return content as KubeObject
}
