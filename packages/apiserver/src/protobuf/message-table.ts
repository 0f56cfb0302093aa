/**
 * Our own description of Kubernetes protobuf messages: enough to turn wire bytes back into the JSON the REST API
 * would have received for the same Go object. Field numbers and JSON names are wire facts taken from upstream's
 * generated.proto/types.go; the format and flags are ours.
 */
export type ScalarType = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'double' | 'float'

export interface FieldDef {
  /** The JSON field name (for inline fields, only a label: their members land in the parent object). */
  name: string
  number: number
  /** A scalar, a message name (`core.v1.Container`), or `map<string, X>` (entries `{key = 1, value = 2}`). */
  type: string
  repeated?: true
  /** A Go embedded struct (`json:",inline"`): its fields merge into the enclosing JSON object. */
  inline?: true
  /**
   * The Go field is a pointer or lacks `omitempty`, so a zero value on the wire is meaningful and kept
   * (`replicas: 0`). Without it a zero scalar is dropped, as Go's JSON encoder would omit it.
   */
  keepZero?: true
  /** Go renders the field as `null` when it is absent (a nil slice, map or pointer without `omitempty`). */
  nullIfAbsent?: true
}

export type MessageTable = Readonly<Record<string, readonly FieldDef[]>>

export const scalarTypes: ReadonlySet<string> = new Set<ScalarType>(['string', 'int32', 'int64', 'bool', 'bytes', 'double', 'float'])

const mapPattern = /^map<string, ?([\w.]+)>$/

/** The value type of a `map<string, X>` field type, or undefined for anything else. */
export function mapValueType (type: string): string | undefined {
  return mapPattern.exec(type)?.[1]
}
