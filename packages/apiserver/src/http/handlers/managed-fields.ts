import { managerOrUserAgent } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import type { WriteQuery } from '../query.js'
import type { HandlerContext } from './context.js'

/** The manager a write is recorded under: `fieldManager`, else the User-Agent's product name (`kubectl`). */
export function managerOf (ctx: HandlerContext, wq: WriteQuery): string {
  return managerOrUserAgent(wq.fieldManager, ctx.req.headers['user-agent'])
}

/** `next` with managedFields updated for this create/update/patch (unchanged when no engine is wired). */
export function trackWrite (ctx: HandlerContext, wq: WriteQuery, old: KubeObject | undefined, next: KubeObject): KubeObject {
  const engine = ctx.patch.managedFields
  if (engine === undefined) return next
  return engine.update(old, next, { schema: ctx.schema, manager: managerOf(ctx, wq), subresource: ctx.info.subresource })
}
