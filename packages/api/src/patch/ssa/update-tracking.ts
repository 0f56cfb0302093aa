import type { KubeObject } from '../../meta/object.js'
import { deepEqual, isObject } from '../json-value.js'
import type { StrategyLookup } from '../strategic-merge-patch.js'
import { FieldSet } from './field-set.js'
import {
  decodeManagedFields, formatTime, isResetRequest, managerIdentity, stripSet, type ManagerEntry
} from './managed-fields.js'
import { contentOf, withManagedFields } from './managed-object.js'
import { ssaSchemaFromStrategies } from './ssa-schema.js'
import { compareObjects, TypedValueError } from './typed-walk.js'
import { withoutAlwaysPresent } from './value-structs.js'

export interface UpdateTrackingOptions {
  /** Already resolved with `managerOrUserAgent`. */
  manager: string
  /** The request's group/version, recorded on the entry. */
  apiVersion: string
  now: Date
  strategies?: StrategyLookup
  /** Set for writes through `/status` (and other subresources that share the object's shape). */
  subresource?: string
  /** Dotted paths this endpoint does not own (`status` on the main resource, `spec` on `/status`). */
  resetFields?: string[]
  /** Runs on the tracked copy before comparing (the apiserver defaults it there: creators own defaulted fields). */
  normalize?: (obj: KubeObject) => void
}

/** Whether upstream's DecodeManagedFields accepts every entry (it rejects the whole list on one bad entry). */
function decodable (raw: unknown): raw is unknown[] {
  return Array.isArray(raw) && raw.every(e => isObject(e) && (e.operation === 'Apply' || e.operation === 'Update') &&
    typeof e.apiVersion === 'string' && e.apiVersion !== '' && e.fieldsType === 'FieldsV1')
}

/**
 * The entries a write starts from (fieldmanager.go decodeLiveOrNew): a subresource write always uses the live
 * ones; otherwise entries sent with the object win (how kubectl migrates client-side-apply ownership), `[]` or
 * `[{}]` means none, and absent or undecodable entries fall back to the live ones.
 */
function startingEntries (old: KubeObject | undefined, requested: unknown, subresource: string | undefined): ManagerEntry[] {
  const live = (): ManagerEntry[] => decodable(old?.metadata?.managedFields) ? decodeManagedFields(old?.metadata?.managedFields) : []
  if (subresource !== undefined) return live()
  if (isResetRequest(requested)) return []
  const sent = decodable(requested) ? decodeManagedFields(requested) : []
  return sent.length > 0 ? sent : live()
}

function withoutTimes (entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries
  return entries.map(e => {
    if (!isObject(e)) return e
    const { time: _time, ...rest } = e
    return rest
  })
}

/**
 * Records a non-apply write (create, update, json/merge/strategic patch) in managedFields as upstream does: the
 * fields this write added or changed become owned by `manager` (operation Update, the request's apiVersion) and
 * leave every other manager; removed fields leave everyone. A create is always tracked; an update of an object that
 * has no entries is not (so `[]` turns tracking off). The entry's time moves only when it gained fields, and a
 * write that would change nothing but entry times keeps the old entries, so a no-op stays a no-op. Never throws on
 * untypable data: the entries are dropped instead, like UpdateNoErrors.
 */
export function trackUpdate (old: KubeObject | undefined, next: KubeObject, opts: UpdateTrackingOptions): KubeObject {
  const result = contentOf(next)
  opts.normalize?.(result as KubeObject)
  const entries = startingEntries(old, next.metadata?.managedFields, opts.subresource)
  if (old !== undefined && entries.length === 0) return withManagedFields(result, [])
  try {
    const schema = ssaSchemaFromStrategies(opts.strategies ?? (() => undefined))
    const reset = opts.resetFields ?? []
    const liveContent = contentOf(old)
    const cmp = compareObjects(schema, liveContent, result)
    const changed = stripSet(withoutAlwaysPresent(schema, cmp.added, result).union(cmp.modified), reset)
    const removed = stripSet(cmp.removed, reset)
    const me: ManagerEntry = { manager: opts.manager, operation: 'Update', apiVersion: opts.apiVersion, set: new FieldSet() }
    if (opts.subresource !== undefined) me.subresource = opts.subresource
    const myId = managerIdentity(me)
    const previous = entries.find(e => managerIdentity(e) === myId)
    const others = entries.filter(e => e !== previous)
    for (const e of others) e.set = e.set.difference(changed).difference(removed)
    me.set = (previous?.set ?? new FieldSet()).difference(removed).union(changed)
    if (!changed.isEmpty()) me.time = formatTime(opts.now)
    else if (previous?.time !== undefined) me.time = previous.time
    const out = withManagedFields(result, [me, ...others])
    return keepOldTimesOnNoop(old, liveContent, out)
  } catch (err) {
    if (err instanceof TypedValueError) return withManagedFields(result, [])
    throw err
  }
}

/** PH fieldmanager/equality.go: when only entry times differ from the live object, the live entries are kept. */
function keepOldTimesOnNoop (old: KubeObject | undefined, liveContent: ReturnType<typeof contentOf>, out: KubeObject): KubeObject {
  if (old === undefined) return out
  const before = old.metadata?.managedFields
  const after = out.metadata.managedFields
  if (deepEqual(before, after) || !deepEqual(withoutTimes(before), withoutTimes(after))) return out
  if (!deepEqual(liveContent, contentOf(out))) return out
  if (before === undefined) delete out.metadata.managedFields
  else out.metadata.managedFields = before
  return out
}
