import { malformed, WireReader, WireType } from './wire-reader.js'

/** The 4-byte prefix of every Kubernetes protobuf body: "k8s\0". */
export const protobufMagic = Buffer.from([0x6b, 0x38, 0x73, 0x00])

/** runtime.Unknown: the envelope around the typed object's own protobuf bytes. */
export interface Envelope {
  apiVersion: string
  kind: string
  raw: WireReader
  contentEncoding: string
  contentType: string
}

function typeMeta (r: WireReader): { apiVersion: string, kind: string } {
  const out = { apiVersion: '', kind: '' }
  while (!r.done) {
    const { number, wireType } = r.tag()
    if (wireType !== WireType.lengthDelimited || (number !== 1 && number !== 2)) {
      throw malformed(`unknown field number ${number} (wire type ${wireType}) in message runtime.TypeMeta`)
    }
    const text = r.bytes().toString('utf8')
    if (number === 1) out.apiVersion = text
    else out.kind = text
  }
  return out
}

/** Checks the magic prefix and reads the runtime.Unknown envelope; the typed bytes stay unparsed. */
export function readEnvelope (body: Buffer): Envelope {
  if (body.length < protobufMagic.length || !body.subarray(0, protobufMagic.length).equals(protobufMagic)) {
    throw malformed('the body does not start with the Kubernetes protobuf prefix "k8s\\x00"')
  }
  const r = new WireReader(body, protobufMagic.length)
  const env: Envelope = { apiVersion: '', kind: '', raw: new WireReader(Buffer.alloc(0)), contentEncoding: '', contentType: '' }
  while (!r.done) {
    const { number, wireType } = r.tag()
    if (wireType !== WireType.lengthDelimited || number < 1 || number > 4) {
      throw malformed(`unknown field number ${number} (wire type ${wireType}) in message runtime.Unknown`)
    }
    const range = r.lengthDelimited()
    if (number === 1) Object.assign(env, typeMeta(r.sub(range)))
    else if (number === 2) env.raw = r.sub(range)
    else if (number === 3) env.contentEncoding = body.toString('utf8', range.start, range.end)
    else env.contentType = body.toString('utf8', range.start, range.end)
  }
  return env
}
