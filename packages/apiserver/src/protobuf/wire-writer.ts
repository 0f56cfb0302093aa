/** Builds protobuf bytes field by field; the counterpart of WireReader, used to construct test bodies and encodings. */
export class WireWriter {
  private readonly parts: Buffer[] = []

  private varintBytes (value: bigint): Buffer {
    if (value >= 0n && value < 0x80n) return Buffer.from([Number(value)])
    let v = BigInt.asUintN(64, value)
    const out: number[] = []
    do {
      const low = Number(v & 0x7fn)
      v >>= 7n
      out.push(v === 0n ? low : low | 0x80)
    } while (v !== 0n)
    return Buffer.from(out)
  }

  raw (bytes: Buffer | number[]): this {
    this.parts.push(Buffer.from(bytes))
    return this
  }

  tag (number: number, wireType: number): this {
    return this.raw(this.varintBytes((BigInt(number) << 3n) | BigInt(wireType)))
  }

  varint (number: number, value: number | bigint | boolean): this {
    const v = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value)
    return this.tag(number, 0).raw(this.varintBytes(v))
  }

  bytes (number: number, value: Buffer | string | WireWriter): this {
    const data = value instanceof WireWriter ? value.finish() : Buffer.from(value)
    return this.tag(number, 2).raw(this.varintBytes(BigInt(data.length))).raw(data)
  }

  fixed64 (number: number, value: number): this {
    const b = Buffer.alloc(8)
    b.writeDoubleLE(value)
    return this.tag(number, 1).raw(b)
  }

  finish (): Buffer {
    return Buffer.concat(this.parts)
  }
}

/** A whole Kubernetes protobuf body: "k8s\0" + runtime.Unknown{typeMeta, raw}. */
export function kubernetesProtobufBody (apiVersion: string, kind: string, raw: WireWriter | Buffer): Buffer {
  const typeMeta = new WireWriter().bytes(1, apiVersion).bytes(2, kind)
  const unknown = new WireWriter().bytes(1, typeMeta).bytes(2, raw)
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown.finish()])
}
