import { parseJson } from '../http/safe-json.js'
import { formatDuration, formatMicroTime, formatTime } from './go-format.js'
import { malformed, WireReader, WireType } from './wire-reader.js'

/**
 * Messages whose JSON form is not an object of their fields: times, durations, quantities, int-or-string,
 * embedded raw JSON and string-list wrappers. Each decoder reads the message body and returns the JSON value.
 */
type SpecialDecoder = (r: WireReader, name: string) => unknown

interface RawFields { varints: Map<number, bigint>, bytes: Map<number, Buffer>, lists: Map<number, string[]> }

/** Reads the few scalar fields a special message may carry; any other field number is a 400 (no silent loss). */
function readFields (r: WireReader, name: string, allowed: Record<number, 'varint' | 'bytes' | 'list'>): RawFields {
  const out: RawFields = { varints: new Map(), bytes: new Map(), lists: new Map() }
  while (!r.done) {
    const { number, wireType } = r.tag()
    const kind = allowed[number]
    if (kind === undefined) throw malformed(`unknown field number ${number} in message ${name}`)
    const want = kind === 'varint' ? WireType.varint : WireType.lengthDelimited
    if (wireType !== want) throw malformed(`field ${number} of message ${name} has wire type ${wireType}, expected ${want}`)
    if (kind === 'varint') out.varints.set(number, r.varint())
    else if (kind === 'bytes') out.bytes.set(number, r.bytes())
    else {
      const list = out.lists.get(number) ?? []
      list.push(r.string())
      out.lists.set(number, list)
    }
  }
  return out
}

const asInt32 = (v: bigint | undefined): number => Number(BigInt.asIntN(32, v ?? 0n))
const asInt64 = (v: bigint | undefined): bigint => BigInt.asIntN(64, v ?? 0n)

function timeLike (micro: boolean): SpecialDecoder {
  return (r, name) => {
    // Go writes a zero time as an empty message and renders it as null
    if (r.done) return null
    const f = readFields(r, name, { 1: 'varint', 2: 'varint' })
    const seconds = asInt64(f.varints.get(1))
    // metav1.Time drops nanos when reading protobuf (its JSON form only has seconds)
    return micro ? formatMicroTime(seconds, asInt32(f.varints.get(2))) : formatTime(seconds)
  }
}

function rawJson (r: WireReader, name: string): unknown {
  const raw = readFields(r, name, { 1: 'bytes' }).bytes.get(1)
  if (raw === undefined || raw.length === 0) return null
  return parseJson(raw.toString('utf8'))
}

function intOrString (r: WireReader, name: string): unknown {
  const f = readFields(r, name, { 1: 'varint', 2: 'varint', 3: 'bytes' })
  const type = asInt64(f.varints.get(1))
  if (type === 0n) return asInt32(f.varints.get(2))
  if (type === 1n) return f.bytes.get(3)?.toString('utf8') ?? ''
  throw malformed(`IntOrString type ${type} is neither 0 (int) nor 1 (string)`)
}

function stringList (r: WireReader, name: string): unknown {
  return readFields(r, name, { 1: 'list' }).lists.get(1) ?? []
}

export const specialDecoders: Readonly<Record<string, SpecialDecoder>> = {
  'meta.v1.Time': timeLike(false),
  'meta.v1.MicroTime': timeLike(true),
  'meta.v1.Duration': (r, name) => formatDuration(asInt64(readFields(r, name, { 1: 'varint' }).varints.get(1))),
  'meta.v1.FieldsV1': rawJson,
  'runtime.RawExtension': rawJson,
  // the zero Quantity renders as "0"
  'resource.Quantity': (r, name) => readFields(r, name, { 1: 'bytes' }).bytes.get(1)?.toString('utf8') ?? '0',
  'intstr.IntOrString': intOrString,
  'authorization.v1.ExtraValue': stringList,
  'authentication.v1.ExtraValue': stringList,
  'certificates.v1.ExtraValue': stringList
}
