import { writeJson } from '../respond.js'
import { checkResourceVersion, parseListQuery } from '../query.js'
import { listToTable, negotiateTable, objectToTable } from '../table.js'
import type { HandlerContext } from './context.js'

/** GET of one object (or its status subresource); a Table when the Accept asks for one. */
export async function handleGet (ctx: HandlerContext): Promise<void> {
  const rv = ctx.q.get('resourceVersion') ?? ''
  checkResourceVersion(rv)
  const table = ctx.info.subresource === '' ? negotiateTable(ctx.req.headers.accept, ctx.q) : undefined
  const obj = await ctx.store.get(ctx.scope, ctx.info.name, rv === '' ? undefined : { resourceVersion: rv })
  writeJson(ctx.res, 200, table === undefined ? obj : objectToTable(ctx.schema, obj, table, { now: ctx.now() }))
}

/** GET of a collection; negotiation runs first so a 406/400 costs no storage read. */
export async function handleList (ctx: HandlerContext): Promise<void> {
  const table = negotiateTable(ctx.req.headers.accept, ctx.q)
  const list = await ctx.store.list(ctx.scope, parseListQuery(ctx.q))
  writeJson(ctx.res, 200, table === undefined ? list : listToTable(ctx.schema, list, table, { now: ctx.now() }))
}
