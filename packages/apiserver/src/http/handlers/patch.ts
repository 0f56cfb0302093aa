import { errNotFound } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import { writeJson } from '../respond.js'
import { parseWriteQuery } from '../query.js'
import { asKubeObject, bindNamespace } from '../decode.js'
import { applyPatch, checkPatchOptions, patchTypeOf, readPatch } from '../patch-body.js'
import { checkName } from './update.js'
import { checkUnknownFields } from '../field-validation.js'
import { resourceRef, writeOptions } from './context.js'
import { trackWrite } from './managed-fields.js'
import type { HandlerContext } from './context.js'

/**
 * PATCH of an object or its status. The patch is applied inside the registry's read-modify-write, so a conflicting
 * concurrent write makes it re-apply to fresh state. Server-side apply may create the object (201), but never
 * through a subresource (upstream: 404 for a missing object).
 */
export async function handlePatch (ctx: HandlerContext): Promise<void> {
  const type = patchTypeOf(ctx.req, ctx.patch, true)
  const wq = parseWriteQuery(ctx.q, 'PatchOptions')
  checkPatchOptions(type, wq)
  const patch = await readPatch(ctx.req, type)
  const { schema, info } = ctx
  const mutate = (current: KubeObject | undefined): KubeObject => {
    let next: KubeObject
    if (type === 'apply') {
      const applied = asKubeObject(patch, info, schema.kind)
      bindNamespace(applied, schema, ctx.scope.namespace)
      checkName(applied, info.name)
      // patchTypeOf guarantees the engine exists for apply
      next = (ctx.patch.apply as NonNullable<typeof ctx.patch.apply>)(current, applied, { schema, fieldManager: wq.fieldManager ?? '', force: wq.force ?? false, subresource: info.subresource })
    } else {
      if (current === undefined) throw errNotFound(resourceRef(schema), info.name)
      next = asKubeObject(applyPatch(ctx.patch, type, current, patch, schema), info, schema.kind)
    }
    bindNamespace(next, schema, ctx.scope.namespace)
    checkName(next, info.name)
    checkUnknownFields(ctx.unknownFields, schema, next, wq, ctx.res)
    return type === 'apply' ? next : trackWrite(ctx, wq, current, next)
  }
  const { object, created } = await ctx.store.update(ctx.scope, info.name, mutate, { ...writeOptions(wq, info.subresource), allowCreate: type === 'apply' && info.subresource === '' })
  writeJson(ctx.res, created ? 201 : 200, object)
}
