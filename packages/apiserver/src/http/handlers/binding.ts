import { errBadRequest, errConflict, errInvalid, errNotFound } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import { writeJson } from '../respond.js'
import { parseWriteQuery } from '../query.js'
import { decodeBody, isPlainObject } from '../decode.js'
import { writeOptions } from './context.js'
import type { HandlerContext } from './context.js'

const bindingRef = { group: '', resource: 'binding' }

/**
 * POST `pods/<name>/binding` (the scheduler's bind): sets spec.nodeName through the registry's read-modify-write
 * and marks PodScheduled; a pod that is already bound or being deleted is a 409, as upstream's assignPod.
 */
export async function handleBinding (ctx: HandlerContext): Promise<void> {
  const wq = parseWriteQuery(ctx.q, 'CreateOptions')
  const body = await decodeBody(ctx.req)
  if (!isPlainObject(body)) throw errBadRequest('the body of the request must be a Binding object')
  if (body.kind !== undefined && body.kind !== 'Binding') throw errBadRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (Binding)`)
  const metadata = isPlainObject(body.metadata) ? body.metadata : {}
  const name = ctx.info.name
  if (metadata.name !== undefined && metadata.name !== name) throw errBadRequest('name in URL does not match name in Binding object')
  const target = isPlainObject(body.target) ? body.target : {}
  if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Node') {
    throw errInvalid('', 'Binding', name, [{ type: 'FieldValueNotSupported', field: 'target.kind', badValue: target.kind, message: 'supported values: "Node", ""' }])
  }
  const node = target.name
  if (typeof node !== 'string' || node === '') {
    throw errInvalid('', 'Binding', name, [{ type: 'FieldValueRequired', field: 'target.name', message: '' }])
  }
  const annotations = isPlainObject(metadata.annotations) ? metadata.annotations as Record<string, string> : {}
  await ctx.store.update(ctx.scope, name, (current) => bind(current, name, node, annotations, ctx.now()), writeOptions(wq, 'binding'))
  writeJson(ctx.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}

export function bind (current: KubeObject | undefined, name: string, node: string, annotations: Record<string, string>, now: Date): KubeObject {
  if (current === undefined) throw errNotFound({ group: '', resource: 'pods' }, name)
  if (current.metadata.deletionTimestamp !== undefined) {
    throw errConflict(bindingRef, name, `pod ${name} is being deleted, cannot be assigned to a host`)
  }
  const spec = isPlainObject(current.spec) ? current.spec : {}
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    throw errConflict(bindingRef, name, `pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`)
  }
  const next = structuredClone(current)
  next.spec = { ...spec, nodeName: node }
  if (Object.keys(annotations).length > 0) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...annotations }
  const status = isPlainObject(next.status) ? next.status : {}
  const conditions = Array.isArray(status.conditions) ? (status.conditions as Array<Record<string, unknown>>).filter((c) => c.type !== 'PodScheduled') : []
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z') })
  next.status = { ...status, conditions }
  return next
}
