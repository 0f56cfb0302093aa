import { errBadRequest } from '@kube-ts/api'
import type { ApiError } from '@kube-ts/api'

/** Protobuf wire types (the low three bits of a tag). Groups (3, 4) are not used by Kubernetes and are refused. */
export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const

export function malformed (detail: string): ApiError {
  return errBadRequest(`unable to decode protobuf body: ${detail}`)
}

/** A bounds-checked cursor over protobuf bytes; every read past the end is a 400, never a crash. */
export class WireReader {
  private pos: number

  constructor (private readonly buf: Buffer, start = 0, private readonly end = buf.length) {
    this.pos = start
  }

  get done (): boolean {
    return this.pos >= this.end
  }

  /** Reads a varint as an unsigned 64-bit value. */
  varint (): bigint {
    let result = 0n
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw malformed('truncated varint')
      const b = this.buf[this.pos++] as number
      result |= BigInt(b & 0x7f) << BigInt(7 * i)
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result)
    }
    throw malformed('varint longer than 10 bytes')
  }

  /**
   * Reads a varint as a plain number, for tags and lengths: exact below 2^53, which is far beyond any valid tag
   * or length, so larger values are refused by the callers' range checks rather than misread.
   */
  uint (): number {
    let result = 0
    let scale = 1
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw malformed('truncated varint')
      const b = this.buf[this.pos++] as number
      result += (b & 0x7f) * scale
      if ((b & 0x80) === 0) return result
      scale *= 128
    }
    throw malformed('varint longer than 10 bytes')
  }

  /** Reads a tag: field number and wire type. */
  tag (): { number: number, wireType: number } {
    const t = this.uint()
    const number = Math.floor(t / 8)
    if (number === 0 || number > 0x1fffffff) throw malformed(`invalid field number ${number}`)
    return { number, wireType: t % 8 }
  }

  /** The bounds of a length-delimited value; the cursor moves past it. */
  lengthDelimited (): { start: number, end: number } {
    const len = this.uint()
    if (len > this.end - this.pos) throw malformed(`length ${len} exceeds the ${this.end - this.pos} bytes left`)
    const start = this.pos
    this.pos += len
    return { start, end: this.pos }
  }

  /** A length-delimited value decoded as text (`utf8`) or `base64`, without creating an intermediate view. */
  string (encoding: 'utf8' | 'base64' = 'utf8'): string {
    const { start, end } = this.lengthDelimited()
    return this.buf.toString(encoding, start, end)
  }

  bytes (): Buffer {
    const { start, end } = this.lengthDelimited()
    return this.buf.subarray(start, end)
  }

  fixed64 (): Buffer {
    return this.take(8)
  }

  fixed32 (): Buffer {
    return this.take(4)
  }

  /** Skips one value of the given wire type (used for map entry fields we do not know). */
  skip (wireType: number): void {
    switch (wireType) {
      case WireType.varint: this.uint(); return
      case WireType.fixed64: this.take(8); return
      case WireType.lengthDelimited: this.lengthDelimited(); return
      case WireType.fixed32: this.take(4); return
      default: throw malformed(`unsupported wire type ${wireType}`)
    }
  }

  /** A reader over a sub-range of the same buffer (a nested message). */
  sub (range: { start: number, end: number }): WireReader {
    return new WireReader(this.buf, range.start, range.end)
  }

  private take (n: number): Buffer {
    if (this.end - this.pos < n) throw malformed(`truncated ${n * 8}-bit value`)
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }
}
