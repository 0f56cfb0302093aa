import { errBadRequest } from '@kube-ts/api'
import type { KubeObject, ResourceSchema } from '@kube-ts/api'
import { writeJson } from '../respond.js'
import { parseWriteQuery } from '../query.js'
import { asKubeObject, bindNamespace, decodeBody } from '../decode.js'
import { checkUnknownFields } from '../field-validation.js'
import { writeOptions } from './context.js'
import { trackWrite } from './managed-fields.js'
import type { HandlerContext } from './context.js'

/** Kinds whose PUT creates a missing object (upstream strategies returning AllowCreateOnUpdate() == true). */
const createOnUpdateKinds = new Set(['Endpoints', 'Event', 'LimitRange', 'Lease', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'])

export function allowsCreateOnUpdate (schema: ResourceSchema): boolean {
  return createOnUpdateKinds.has(schema.kind)
}

/** The body's name must be the URL's name (upstream `checkName`). */
export function checkName (obj: KubeObject, name: string): void {
  const own = obj.metadata.name ?? ''
  if (own !== name) throw errBadRequest(`the name of the object (${own}) does not match the name on the URL (${name})`)
}

/** PUT of an object or its status: a full replacement, conditional on metadata.resourceVersion when given. */
export async function handleUpdate (ctx: HandlerContext): Promise<void> {
  const wq = parseWriteQuery(ctx.q, 'UpdateOptions')
  const obj = asKubeObject(await decodeBody(ctx.req), ctx.info, ctx.schema.kind)
  bindNamespace(obj, ctx.schema, ctx.scope.namespace)
  checkName(obj, ctx.info.name)
  checkUnknownFields(ctx.unknownFields, ctx.schema, obj, wq, ctx.res)
  const allowCreate = ctx.info.subresource === '' && allowsCreateOnUpdate(ctx.schema)
  const { object, created } = await ctx.store.update(ctx.scope, ctx.info.name, (current) => trackWrite(ctx, wq, current, obj), { ...writeOptions(wq, ctx.info.subresource), allowCreate })
  writeJson(ctx.res, created ? 201 : 200, object)
}
