import type { FieldDef, MessageTable } from './message-table.js'
import { mapValueType, scalarTypes } from './message-table.js'
import { specialDecoders } from './special-types.js'
import { malformed, WireReader, WireType } from './wire-reader.js'

// Kubernetes types nest about 15 levels deep; anything far beyond is hostile input.
const maxDepth = 64

type JsonObject = Record<string, unknown>

/** Sets an own property even for the key `__proto__`, the one key plain assignment would misroute (map keys come from the client). */
function setOwn (obj: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  else obj[key] = value
}

function wireTypeOf (type: string): number {
  switch (type) {
    case 'int32': case 'int64': case 'bool': return WireType.varint
    case 'double': return WireType.fixed64
    case 'float': return WireType.fixed32
    default: return WireType.lengthDelimited
  }
}

function readScalar (r: WireReader, type: string): unknown {
  switch (type) {
    case 'string': return r.string()
    case 'bytes': return r.string('base64')
    case 'bool': return r.varint() !== 0n
    case 'int32': return Number(BigInt.asIntN(32, r.varint()))
    case 'int64': return Number(BigInt.asIntN(64, r.varint()))
    case 'double': return r.fixed64().readDoubleLE(0)
    case 'float': return r.fixed32().readFloatLE(0)
    default: throw new Error(`not a scalar type: ${type}`)
  }
}

const isZero = (v: unknown): boolean => v === '' || v === 0 || v === false
const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A field with everything the hot loop needs worked out once per message. */
interface CompiledField {
  def: FieldDef
  /** The value type when the field is a map. */
  mapValue: string | undefined
  scalar: boolean
  /** A message whose JSON form comes from special-types.ts. */
  special: boolean
  wireType: number
}

/** Decodes messages described by a MessageTable into the JSON the REST API would carry for the same object. */
export class MessageDecoder {
  private readonly compiled = new Map<string, ReadonlyMap<number, CompiledField>>()

  constructor (private readonly table: MessageTable) {}

  /** Decodes `r` (one whole message body) as message `name`. */
  decode (r: WireReader, name: string, depth = 0): unknown {
    if (depth > maxDepth) throw malformed(`messages nested deeper than ${maxDepth} levels`)
    const special = specialDecoders[name]
    if (special !== undefined) return special(r, name)
    const out: JsonObject = {}
    this.decodeInto(out, r, name, depth)
    return out
  }

  private fields (name: string): readonly FieldDef[] {
    const fields = this.table[name]
    if (fields === undefined) throw new Error(`message ${name} is referenced but not defined`)
    return fields
  }

  private fieldsByNumber (name: string): ReadonlyMap<number, CompiledField> {
    let byNumber = this.compiled.get(name)
    if (byNumber === undefined) {
      byNumber = new Map(this.fields(name).map(def => [def.number, {
        def,
        mapValue: mapValueType(def.type),
        scalar: scalarTypes.has(def.type),
        special: specialDecoders[def.type] !== undefined,
        wireType: wireTypeOf(def.type)
      }]))
      this.compiled.set(name, byNumber)
    }
    return byNumber
  }

  private decodeInto (out: JsonObject, r: WireReader, name: string, depth: number): void {
    const byNumber = this.fieldsByNumber(name)
    while (!r.done) {
      const { number, wireType } = r.tag()
      const field = byNumber.get(number)
      if (field === undefined) {
        throw malformed(`unknown field number ${number} (wire type ${wireType}) in message ${name}; the server would lose data`)
      }
      this.decodeField(out, r, field, wireType, name, depth)
    }
    this.fillAbsent(out, this.fields(name))
  }

  private decodeField (out: JsonObject, r: WireReader, field: CompiledField, wireType: number, parent: string, depth: number): void {
    const { def, scalar } = field
    const where = (): string => `field ${def.number} (${def.name}) of message ${parent}`
    if (field.mapValue !== undefined) {
      if (wireType !== WireType.lengthDelimited) throw malformed(`${where()} has wire type ${wireType}, expected 2`)
      const map = (out[def.name] ?? {}) as JsonObject
      const [key, value] = this.mapEntry(r.sub(r.lengthDelimited()), field.mapValue, where, depth)
      setOwn(map, key, value)
      out[def.name] = map
      return
    }
    if (scalar && def.repeated === true && wireType === WireType.lengthDelimited && field.wireType !== WireType.lengthDelimited) {
      // packed repeated numbers
      const packed = r.sub(r.lengthDelimited())
      const list = (out[def.name] ?? []) as unknown[]
      while (!packed.done) list.push(readScalar(packed, def.type))
      out[def.name] = list
      return
    }
    if (wireType !== field.wireType) throw malformed(`${where()} has wire type ${wireType}, expected ${field.wireType}`)
    if (!scalar && def.inline === true) {
      this.decodeInto(out, r.sub(r.lengthDelimited()), def.type, depth + 1)
      return
    }
    const existing = out[def.name]
    if (!scalar && def.repeated !== true && !field.special && isObject(existing)) {
      // a message field seen twice merges, as protobuf (and Go's Unmarshal) does
      this.decodeInto(existing, r.sub(r.lengthDelimited()), def.type, depth + 1)
      return
    }
    const value = scalar ? readScalar(r, def.type) : this.decode(r.sub(r.lengthDelimited()), def.type, depth + 1)
    if (def.repeated === true) {
      const list = (out[def.name] ?? []) as unknown[]
      list.push(value)
      out[def.name] = list
    } else if (scalar && isZero(value) && def.keepZero !== true && def.nullIfAbsent !== true) {
      // Go's JSON encoder omits a zero value field tagged omitempty, and so do we (a present []byte without
      // omitempty is an empty, non-nil slice: "" rather than null)
      delete out[def.name]
    } else {
      out[def.name] = value
    }
  }

  private mapEntry (r: WireReader, valueType: string, where: () => string, depth: number): [string, unknown] {
    let key = ''
    let value: unknown
    while (!r.done) {
      const { number, wireType } = r.tag()
      if (number === 1 && wireType === WireType.lengthDelimited) {
        key = r.string()
      } else if (number === 2 && wireType === wireTypeOf(valueType)) {
        value = scalarTypes.has(valueType) ? readScalar(r, valueType) : this.decode(r.sub(r.lengthDelimited()), valueType, depth + 1)
      } else {
        throw malformed(`unexpected field ${number} (wire type ${wireType}) in a map entry of ${where()}`)
      }
    }
    return [key, value ?? this.zeroOf(valueType, depth)]
  }

  /** The JSON of an absent map value: a scalar's zero, or an empty message decoded. */
  private zeroOf (type: string, depth: number): unknown {
    switch (type) {
      case 'string': case 'bytes': return ''
      case 'bool': return false
      case 'int32': case 'int64': case 'double': case 'float': return 0
      default: return this.decode(new WireReader(Buffer.alloc(0)), type, depth + 1)
    }
  }

  /** Go renders nil slices/maps/pointers without omitempty as null; inline members count as the parent's. */
  private fillAbsent (out: JsonObject, fields: readonly FieldDef[]): void {
    for (const f of fields) {
      if (f.inline === true) this.fillAbsent(out, this.fields(f.type))
      else if (f.nullIfAbsent === true && !Object.hasOwn(out, f.name)) out[f.name] = null
    }
  }
}
