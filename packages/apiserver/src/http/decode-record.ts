import type { IncomingMessage } from 'node:http'
import type { DuplicateField } from './json-duplicates.js'
import type { PatchType } from './patch-body.js'

/**
 * What decoding a request body found that field validation reports later (repeated keys), kept per request so
 * the handlers pass nothing extra: decode records, `checkUnknownFields` reads it through `res.req`.
 */
export type DecodeRecord =
  | { source: 'json', duplicates: DuplicateField[] }
  | { source: 'yaml', duplicates: string[] }
  | { source: 'patch', type: Exclude<PatchType, 'apply'>, patch: unknown, errors: StrictError[] }
  | { source: 'patch', type: 'apply', patch: unknown, duplicates: string[] }

/** A strict decoding finding with its document position (see {@link DuplicateField.order}). */
export interface StrictError { text: string, order: number[] }

const records = new WeakMap<IncomingMessage, DecodeRecord>()

export function recordDecode (req: IncomingMessage, record: DecodeRecord): void {
  records.set(req, record)
}

export function decodeRecordOf (req: IncomingMessage | undefined): DecodeRecord | undefined {
  return req === undefined ? undefined : records.get(req)
}
