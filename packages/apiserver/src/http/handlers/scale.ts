import { errNotFound } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import { writeJson } from '../respond.js'
import { parseWriteQuery } from '../query.js'
import { mediaTypeOf, readBody } from '../body.js'
import { parseJson } from '../safe-json.js'
import { parseYaml } from '../safe-yaml.js'
import { applyPatch, checkPatchOptions, patchTypeOf, readPatch } from '../patch-body.js'
import type { PatchType } from '../patch-body.js'
import { desiredReplicas, toScale, withReplicas } from '../scale.js'
import { resourceRef, writeOptions } from './context.js'
import { managerOf } from './managed-fields.js'
import type { HandlerContext } from './context.js'

export async function handleGetScale (ctx: HandlerContext): Promise<void> {
  const obj = await ctx.store.get(ctx.scope, ctx.info.name)
  writeJson(ctx.res, 200, toScale(ctx.schema, obj))
}

/** PUT `/scale`. kubectl sends it without a Content-Type, so the body is read as JSON whatever the header says. */
export async function handleUpdateScale (ctx: HandlerContext): Promise<void> {
  const wq = parseWriteQuery(ctx.q, 'UpdateOptions')
  const text = (await readBody(ctx.req)).toString('utf8')
  const yaml = mediaTypeOf(ctx.req.headers['content-type']) === 'application/yaml'
  const desired = desiredReplicas(yaml ? parseYaml(text) : parseJson(text), ctx.info.name)
  await writeScale(ctx, wq, () => desired)
}

/** PATCH `/scale`: the patch applies to the Scale view, then its replicas go to the workload. */
export async function handlePatchScale (ctx: HandlerContext): Promise<void> {
  // apply to /scale needs managed fields on the Scale view itself, so it is not offered here (415)
  const { apply: _apply, ...engines } = ctx.patch
  const type = patchTypeOf(ctx.req, engines, true) as Exclude<PatchType, 'apply'>
  const wq = parseWriteQuery(ctx.q, 'PatchOptions')
  checkPatchOptions(type, wq)
  const patch = await readPatch(ctx.req, type)
  await writeScale(ctx, wq, (current) => {
    const scale = toScale(ctx.schema, current) as unknown as KubeObject
    const patched = applyPatch(engines, type, scale, patch, ctx.schema)
    return desiredReplicas(patched, ctx.info.name)
  })
}

async function writeScale (ctx: HandlerContext, wq: ReturnType<typeof parseWriteQuery>, desiredFor: (current: KubeObject) => { replicas: number, resourceVersion?: string }): Promise<void> {
  const { object } = await ctx.store.update(ctx.scope, ctx.info.name, (current) => {
    if (current === undefined) throw errNotFound(resourceRef(ctx.schema), ctx.info.name)
    const next = withReplicas(ctx.schema, current, desiredFor(current))
    return ctx.patch.managedFields?.scale(current, next, { schema: ctx.schema, manager: managerOf(ctx, wq) }) ?? next
  }, writeOptions(wq, 'scale'))
  writeJson(ctx.res, 200, toScale(ctx.schema, object))
}
