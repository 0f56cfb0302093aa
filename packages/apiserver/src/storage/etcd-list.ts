import type { IRangeRequest, IRangeResponse } from 'etcd3'
import { ApiError, errGone, type KubeObject } from '@kube-ts/api'
import { decodeObject } from './codec.js'
import { encodeContinue } from './continue-token.js'
import { isCompactedError } from './etcd-client.js'
import { prefixEnd } from './key-range.js'
import type { ListOptions, ListResult } from './storage.js'

/** Upstream's largest batch when a filter makes it read ahead (`maxLimit`). */
const MAX_BATCH = 10000

export const LIST_TOO_OLD_MESSAGE = 'The resourceVersion for the provided list is too old.'
export const CONTINUE_TOO_OLD_MESSAGE = 'The provided continue parameter is too old to display a consistent list result. ' +
  'You can start a new list without the continue parameter, or use the continue token in this response to retrieve the ' +
  'remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were ' +
  'created, modified, or deleted between the time the first chunk was returned and now may show up in the list.'

/**
 * 410 for a list whose snapshot revision was compacted. A continuation also gets an "inconsistent" continue token
 * (rv -1: carry on at the latest revision from the same key), exactly as upstream hands out.
 */
export function errListCompacted (startKey: string | undefined): ApiError {
  if (startKey === undefined || startKey === '') return errGone(LIST_TOO_OLD_MESSAGE)
  return errGone(CONTINUE_TOO_OLD_MESSAGE, { continue: encodeContinue({ startKey, revision: -1 }) })
}

/**
 * Reads a list over one snapshot: the first batch fixes the revision (unless the caller gives one) and every further
 * batch reads at it. With a filter, batches keep coming (growing up to 10,000 keys) until `limit` matches are found or
 * the range ends, so selectors never produce short pages; remainingItemCount is only known without a filter.
 */
export async function listPages (
  prefix: string,
  opts: ListOptions,
  range: (req: IRangeRequest) => Promise<IRangeResponse>
): Promise<ListResult> {
  const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : 0
  const filter = opts.filter
  let revision = opts.revision !== undefined && opts.revision > 0 ? opts.revision : 0
  let start = Buffer.from(prefix + (opts.startKey ?? ''))
  const end = prefixEnd(prefix)
  let batch = limit === 0 ? 0 : limit
  const items: KubeObject[] = []
  for (;;) {
    const req: IRangeRequest = { key: start, range_end: end }
    if (batch > 0) req.limit = batch
    if (revision > 0) req.revision = revision
    let res: IRangeResponse
    try {
      res = await range(req)
    } catch (err) {
      if (isCompactedError(err)) throw errListCompacted(opts.startKey)
      throw err
    }
    if (revision === 0) revision = Number(res.header.revision)
    const kvs = res.kvs
    for (let i = 0; i < kvs.length; i++) {
      const kv = kvs[i]
      if (kv === undefined) continue
      const key = kv.key.toString('utf8')
      const obj = decodeObject(kv.value, kv.mod_revision, key)
      if (filter === undefined || filter(obj)) items.push(obj)
      if (limit > 0 && items.length >= limit) {
        const more = i < kvs.length - 1 || res.more
        if (!more) return { items, revision }
        const result: ListResult = { items, revision, nextKey: `${key.slice(prefix.length)}\u0000` }
        // count is every key from this batch's start to the range end at the snapshot revision
        if (filter === undefined) result.remainingItemCount = Number(res.count) - (i + 1)
        return result
      }
    }
    if (!res.more || kvs.length === 0) return { items, revision }
    const last = kvs[kvs.length - 1]
    if (last === undefined) return { items, revision }
    start = Buffer.concat([last.key, Buffer.from([0])])
    batch = Math.min(MAX_BATCH, Math.max(batch * 2, 1))
  }
}
