import { ApiError, errBadRequest } from '../../errors/api-error.js'
import type { KubeObject } from '../../meta/object.js'
import { assertNoForbiddenKeys } from '../forbidden-keys.js'
import { withDepthGuard } from '../patch-errors.js'
import { cloneJson, deepEqual, hasKey, isObject, type JsonObject } from '../json-value.js'
import type { StrategyLookup } from '../strategic-merge-patch.js'
import { errApplyConflict, type Conflict } from './conflicts.js'
import { FieldSet } from './field-set.js'
import { lastAppliedOwnedPaths, syncLastApplied } from './last-applied.js'
import { decodeManagedFields, formatTime, managerIdentity, stripSet, type ManagerEntry } from './managed-fields.js'
import { contentOf, withManagedFields } from './managed-object.js'
import { mergeApplied } from './ssa-merge.js'
import { ssaSchemaFromStrategies, type SsaSchema } from './ssa-schema.js'
import { compareObjects, removePath, toFieldSet, TypedValueError } from './typed-walk.js'

export interface ApplyOptions {
  /** The `fieldManager` query parameter (required for apply). */
  manager: string
  force: boolean
  strategies: StrategyLookup
  /** The request's group/version, recorded on the entry. */
  apiVersion: string
  now: Date
  /** Set for writes through `/status` or `/scale`. */
  subresource?: string
  /** Top-level fields this endpoint does not own (`status` on the main resource, `spec` on `/status`). */
  resetFields?: string[]
}

export interface ApplyResult {
  object: KubeObject
  /** False when the apply left the object content as it was (only managedFields may differ). */
  changed: boolean
}

const beforeFirstApply = 'before-first-apply'

function gvkText (obj: JsonObject): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : ''
  const i = apiVersion.indexOf('/')
  const gv = i < 0 ? `/${apiVersion}` : apiVersion
  return `${gv.startsWith('/') ? gv.slice(1) : gv}, Kind=${typeof obj.kind === 'string' ? obj.kind : ''}`
}

function typedError (obj: JsonObject, err: unknown): ApiError | unknown {
  if (!(err instanceof TypedValueError)) return err
  const meta = isObject(obj.metadata) ? obj.metadata : {}
  const ns = typeof meta.namespace === 'string' ? meta.namespace : ''
  const name = typeof meta.name === 'string' ? meta.name : ''
  return new ApiError(500, '', `failed to create typed patch object (${ns}/${name}; ${gvkText(obj)}): ${err.message}`)
}

/**
 * Server-side apply (structured-merge-diff Updater.Apply plus the apiserver's managedFields chain): merges the
 * applied configuration into the live object, makes `manager` the owner of exactly the fields it applied, prunes
 * fields it applied before and nobody owns any more, and refuses to change fields owned by others unless `force`.
 */
export function applyServerSide (live: KubeObject | undefined, applied: KubeObject, opts: ApplyOptions): ApplyResult {
  return withDepthGuard(() => {
    if (!isObject(applied)) throw errBadRequest('the applied configuration must be an object')
    assertNoForbiddenKeys(applied)
    if (isObject(applied.metadata) && hasKey(applied.metadata, 'managedFields')) throw errBadRequest('metadata.managedFields must be nil')
    const schema = ssaSchemaFromStrategies(opts.strategies)
    const reset = opts.resetFields ?? []
    const liveContent = contentOf(live)
    const config = cloneJson(applied) as JsonObject
    try {
      const entries = decodeManagedFields(live?.metadata?.managedFields)
      if (live !== undefined && entries.length === 0) {
        const set = stripSet(toFieldSet(schema, liveContent, false), reset)
        if (!set.isEmpty()) entries.push({ manager: beforeFirstApply, operation: 'Update', apiVersion: opts.apiVersion, time: formatTime(opts.now), set })
      }
      const me: ManagerEntry = { manager: opts.manager, operation: 'Apply', apiVersion: opts.apiVersion, set: stripSet(toFieldSet(schema, config, true), reset) }
      if (opts.subresource !== undefined) me.subresource = opts.subresource
      const myId = managerIdentity(me)
      const previous = entries.find(e => managerIdentity(e) === myId)
      const others = entries.filter(e => e !== previous)
      const merged = mergeApplied(schema, liveContent, config)
      prune(schema, merged, previous?.set ?? new FieldSet(), others.reduce((s, e) => s.union(e.set), me.set))
      const cmp = compareObjects(schema, liveContent, merged)
      const changedPaths = stripSet(cmp.added.union(cmp.modified), reset)
      const conflicts = findConflicts(others, changedPaths)
      const forced = resolveConflicts(schema, conflicts, liveContent, opts)
      for (const c of forced) c.owner.set = c.owner.set.difference(new FieldSet([c.path]))
      for (const e of others) e.set = e.set.difference(cmp.removed)
      const changed = !deepEqual(liveContent, merged)
      if (changed) me.time = formatTime(opts.now)
      else if (previous?.time !== undefined) me.time = previous.time
      if (opts.manager === 'kubectl') syncLastApplied(merged, config)
      return { object: withManagedFields(merged, [me, ...others]), changed }
    } catch (err) {
      throw typedError(config, err)
    }
  })
}

/** Removes what `manager` applied last time, no longer applies, and no one else owns (Updater.prune). */
function prune (schema: SsaSchema, merged: JsonObject, previous: FieldSet, owned: FieldSet): void {
  const toRemove = previous.difference(owned).paths().sort((a, b) => a.length - b.length)
  for (const path of toRemove) {
    // an item stays while anyone owns something inside it; its unowned leaves are removed one by one
    if (!owned.hasDescendant(path)) removePath(schema, merged, path)
  }
}

function findConflicts (others: ManagerEntry[], changed: FieldSet): Conflict[] {
  const out: Conflict[] = []
  for (const owner of others) {
    for (const path of owner.set.intersection(changed).paths()) out.push({ owner, path })
  }
  return out
}

/**
 * Returns the conflicts to take over, or throws 409. `kubectl apply --server-side` (manager `kubectl`) may take
 * fields whose live value still equals the last-applied annotation, as upstream's lastAppliedManager does.
 */
function resolveConflicts (schema: SsaSchema, conflicts: Conflict[], live: JsonObject, opts: ApplyOptions): Conflict[] {
  if (conflicts.length === 0 || opts.force) return conflicts
  if (opts.manager === 'kubectl') {
    const allowed = lastAppliedOwnedPaths(schema, live)
    const blocking = conflicts.filter(c => !allowed.has(c.path))
    if (blocking.length === 0) return conflicts
    throw errApplyConflict(blocking)
  }
  throw errApplyConflict(conflicts)
}
