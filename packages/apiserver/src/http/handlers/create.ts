import { writeJson } from '../respond.js'
import { parseWriteQuery } from '../query.js'
import { asKubeObject, bindNamespace, decodeBody } from '../decode.js'
import { checkUnknownFields } from '../field-validation.js'
import { writeOptions } from './context.js'
import { answerReview, isReviewKind } from './review.js'
import { trackWrite } from './managed-fields.js'
import type { HandlerContext } from './context.js'

/** POST to a collection: decode, check kind and namespace against the URL, create; 201 with the stored object. */
export async function handleCreate (ctx: HandlerContext): Promise<void> {
  const wq = parseWriteQuery(ctx.q, 'CreateOptions')
  const obj = asKubeObject(await decodeBody(ctx.req), ctx.info, ctx.schema.kind)
  bindNamespace(obj, ctx.schema, ctx.scope.namespace)
  checkUnknownFields(ctx.unknownFields, ctx.schema, obj, wq, ctx.res)
  if (isReviewKind(ctx.schema)) {
    writeJson(ctx.res, 201, answerReview(ctx.schema, obj))
    return
  }
  const created = await ctx.store.create(ctx.scope, trackWrite(ctx, wq, undefined, obj), writeOptions(wq, ''))
  writeJson(ctx.res, 201, created)
}
