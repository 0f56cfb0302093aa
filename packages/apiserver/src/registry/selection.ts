import { errBadRequest, parseFieldSelector, parseSelector, type KubeObject, type ResourceSchema } from '@kube-ts/api'

/** A compiled label + field selector; `empty` lets lists report remainingItemCount only when nothing is filtered. */
export interface Selection {
  empty: boolean
  matches: (obj: KubeObject) => boolean
}

const metaFields: Record<string, (obj: KubeObject) => string | undefined> = {
  'metadata.name': obj => obj.metadata.name,
  'metadata.namespace': obj => obj.metadata.namespace
}

/**
 * Parses `labelSelector` and `fieldSelector`. Field labels are limited to metadata.name, metadata.namespace and the
 * kind's own `fieldSelectors` (400 `field label not supported: <field>` otherwise), as upstream's ConvertFieldLabel.
 */
export function compileSelection (schema: ResourceSchema, labelSelector: string | undefined, fieldSelector: string | undefined): Selection {
  const labels = parseSelector(labelSelector ?? '')
  const fields = parseFieldSelector(fieldSelector ?? '')
  const extractors: Record<string, (obj: KubeObject) => string | undefined> = { ...metaFields, ...schema.fieldSelectors }
  for (const r of fields.requirements) {
    if (!Object.prototype.hasOwnProperty.call(extractors, r.field)) throw errBadRequest(`field label not supported: ${r.field}`)
  }
  const empty = labels.empty() && fields.empty()
  if (empty) return { empty, matches: () => true }
  return {
    empty,
    matches: (obj) => labels.matches(obj.metadata.labels) && fields.matches(f => extractors[f]?.(obj))
  }
}
