import { ApiError, errBadRequest, errNotFound, selectorFromLabelSelector } from '@kube-ts/api'
import type { KubeObject } from '@kube-ts/api'
import type { DeleteOptions } from '../../registry/rest.js'
import { writeJson } from '../respond.js'
import { parseDryRun, parseWriteQuery } from '../query.js'
import { decodeBody, isPlainObject } from '../decode.js'
import { canIgnoreBudget, spendDisruption, unhealthyMayBeEvicted, withDisruptionTarget } from '../eviction.js'
import type { HandlerContext } from './context.js'

/**
 * POST `pods/<name>/eviction` (what `kubectl drain` sends): deletes the pod unless that would break its
 * PodDisruptionBudget, in which case 429 tells the client to retry later. Answers 201 with a Success Status.
 */
export async function handleEviction (ctx: HandlerContext): Promise<void> {
  const wq = parseWriteQuery(ctx.q, 'CreateOptions')
  const body = await decodeBody(ctx.req)
  if (!isPlainObject(body)) throw errBadRequest('the body of the request must be an Eviction object')
  if (body.kind !== undefined && body.kind !== 'Eviction') throw errBadRequest(`the kind in the data (${String(body.kind)}) does not match the expected kind (Eviction)`)
  const metadata = isPlainObject(body.metadata) ? body.metadata : {}
  const name = ctx.info.name
  if (metadata.name !== undefined && metadata.name !== name) throw errBadRequest('name in URL does not match name in Eviction object')
  const opts = deleteOptionsOf(body.deleteOptions, wq.dryRun)
  const pod = await ctx.store.get(ctx.scope, name)
  if (!canIgnoreBudget(pod)) {
    const pdbs = await budgetsFor(ctx, pod)
    if (pdbs.length > 1) throw new ApiError(500, 'InternalError', 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')
    const pdb = pdbs[0]
    if (pdb !== undefined && !unhealthyMayBeEvicted(pod, pdb)) {
      const pdbSchema = ctx.index.find('policy', 'v1', 'poddisruptionbudgets')
      if (pdbSchema !== undefined) {
        await ctx.store.update({ schema: pdbSchema, namespace: ctx.scope.namespace }, pdb.metadata.name ?? '', (current) => {
          if (current === undefined) throw errNotFound({ group: 'policy', resource: 'poddisruptionbudgets' }, pdb.metadata.name ?? '')
          return spendDisruption(current, name, ctx.now())
        }, { dryRun: opts.dryRun, subresource: 'status' })
      }
    }
  }
  if (pod.metadata.deletionTimestamp === undefined) {
    if (!opts.dryRun) {
      await ctx.store.update(ctx.scope, name, (current) => {
        if (current === undefined) throw errNotFound({ group: '', resource: 'pods' }, name)
        return withDisruptionTarget(current, ctx.now())
      }, { dryRun: false, subresource: 'status' })
    }
    const uid = pod.metadata.uid
    await ctx.store.delete(ctx.scope, name, { ...opts, preconditions: { ...opts.preconditions, ...(uid === undefined ? {} : { uid }) } })
  }
  writeJson(ctx.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}

async function budgetsFor (ctx: HandlerContext, pod: KubeObject): Promise<KubeObject[]> {
  const schema = ctx.index.find('policy', 'v1', 'poddisruptionbudgets')
  if (schema === undefined) return []
  const list = await ctx.store.list({ schema, namespace: ctx.scope.namespace }, {})
  return list.items.filter((pdb) => {
    const selector = (isPlainObject(pdb.spec) ? pdb.spec.selector : undefined) as Parameters<typeof selectorFromLabelSelector>[0]
    // upstream skips budgets whose selector is empty or cannot be parsed
    if (selector === undefined || selector === null) return false
    try {
      const s = selectorFromLabelSelector(selector)
      return !s.empty() && s.matches(pod.metadata.labels)
    } catch {
      return false
    }
  })
}

function deleteOptionsOf (raw: unknown, dryRunQuery: boolean): DeleteOptions {
  const o = isPlainObject(raw) ? raw : {}
  const errs: Parameters<typeof parseDryRun>[1] = []
  const dryRun = dryRunQuery || (Array.isArray(o.dryRun) && parseDryRun(o.dryRun as string[], errs))
  const out: DeleteOptions = { dryRun }
  if (typeof o.gracePeriodSeconds === 'number') out.gracePeriodSeconds = o.gracePeriodSeconds
  if (o.propagationPolicy === 'Orphan' || o.propagationPolicy === 'Background' || o.propagationPolicy === 'Foreground') out.propagationPolicy = o.propagationPolicy
  if (isPlainObject(o.preconditions)) {
    const p: NonNullable<DeleteOptions['preconditions']> = {}
    if (typeof o.preconditions.uid === 'string') p.uid = o.preconditions.uid
    if (typeof o.preconditions.resourceVersion === 'string') p.resourceVersion = o.preconditions.resourceVersion
    out.preconditions = p
  }
  if (errs.length > 0) throw errBadRequest('deleteOptions.dryRun: supported values: "All"')
  return out
}
