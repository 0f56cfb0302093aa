import { dottedPath } from './managed-fields.js'
import { FieldSet, type FieldPath } from './field-set.js'
import type { JsonObject } from '../json-value.js'
import type { SsaSchema } from './ssa-schema.js'
import { getPath } from './typed-walk.js'

/**
 * Paths that upstream's typed objects always carry, even when empty: non-pointer Go structs (`spec`,
 * `spec.template`, `spec.strategy`, …), `creationTimestamp: null` inside them and non-omitempty lists
 * (`containers`). Upstream compares a write against the typed old object, where these already exist, so they are
 * never "added" themselves and their entries get no `.` member (`f:spec` has none, `f:rollingUpdate` does).
 * Our stored JSON leaves empty parts out, so these nodes are taken out of the added set by hand.
 */
const templatePaths = (prefix: string): string[] =>
  [prefix, `${prefix}.metadata`, `${prefix}.metadata.creationTimestamp`, `${prefix}.spec`, `${prefix}.spec.containers`]

const alwaysPresentPaths: FieldPath[] = [
  'metadata', 'spec', 'status', 'spec.containers', 'spec.strategy', 'spec.updateStrategy',
  ...templatePaths('spec.template'),
  'spec.jobTemplate', 'spec.jobTemplate.metadata', 'spec.jobTemplate.metadata.creationTimestamp', 'spec.jobTemplate.spec',
  ...templatePaths('spec.jobTemplate.spec.template')
].map(dottedPath)

/** `added` without the always-present nodes that `next` holds as an object, a list or null (not a real value). */
export function withoutAlwaysPresent (schema: SsaSchema, added: FieldSet, next: JsonObject): FieldSet {
  const skip = alwaysPresentPaths.filter(p => {
    if (!added.has(p)) return false
    const v = getPath(schema, next, p)
    return v === null || typeof v === 'object'
  })
  return skip.length === 0 ? added : added.difference(new FieldSet(skip))
}
