import type { ResourceSchema } from '@kube-ts/api'
import { writeJson } from '../respond.js'
import { parseListQuery } from '../query.js'
import { parseDeleteOptions } from '../delete-options.js'
import type { HandlerContext } from './context.js'

/** Kinds whose registry returns the deleted object itself (upstream `ReturnDeletedObject: true`). */
const returnsDeletedObject = new Set(['Pod', 'Service', 'Namespace'])

function successStatus (schema: ResourceSchema, name: string, uid: string | undefined): Record<string, unknown> {
  const details: Record<string, unknown> = { name, kind: schema.plural }
  if (schema.group !== '') details.group = schema.group
  if (uid !== undefined) details.uid = uid
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }
}

/**
 * DELETE of one object. A completed delete answers with a Success Status (or the object, for kinds that return
 * it); a pending one (finalizers, grace period) with the object carrying its deletionTimestamp.
 */
export async function handleDelete (ctx: HandlerContext): Promise<void> {
  const opts = await parseDeleteOptions(ctx.req, ctx.q)
  const { orphanDependents, ...deleteOptions } = opts
  const { object, deleted } = await ctx.store.delete(ctx.scope, ctx.info.name, deleteOptions)
  if (deleted && !returnsDeletedObject.has(ctx.schema.kind)) {
    writeJson(ctx.res, 200, successStatus(ctx.schema, ctx.info.name, object.metadata.uid))
    return
  }
  // upstream answers 202 only for the legacy orphanDependents=false on a pending delete
  writeJson(ctx.res, !deleted && orphanDependents === false ? 202 : 200, object)
}

/** DELETE on a collection: deletecollection with the list's selectors; answers with the deleted items. */
export async function handleDeleteCollection (ctx: HandlerContext): Promise<void> {
  const query = parseListQuery(ctx.q)
  const { orphanDependents: _legacy, ...deleteOptions } = await parseDeleteOptions(ctx.req, ctx.q)
  const list = await ctx.store.deleteCollection(ctx.scope, query, deleteOptions)
  writeJson(ctx.res, 200, list)
}
