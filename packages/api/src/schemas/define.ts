import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'
import type { PatchStrategy, PrinterColumn, ResourceSchema, StrategyContext, SubresourceName } from '../schema/resource-schema.js'
import { validateMeta, type NameCheck } from './meta-validation.js'

/** Upstream's verb set for an ordinary resource, in discovery order. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
/** Resources that are only ever created (reviews): nothing is stored. */
export const CREATE_ONLY = ['create']

/** Merge keys every object has in its metadata (patch-semantics.md §2.6). */
export const METADATA_PATCH_STRATEGIES: Record<string, PatchStrategy> = {
  'metadata.finalizers': { strategy: 'merge' },
  'metadata.ownerReferences': { strategy: 'merge', mergeKey: 'uid' },
  'metadata.managedFields': { strategy: 'replace' }
}

export interface SchemaSpec {
  group: string
  version: string
  kind: string
  plural: string
  namespaced: boolean
  shortNames?: string[]
  categories?: string[]
  subresources?: SubresourceName[]
  verbs?: string[]
  storageResource?: string
  generationFields?: string[]
  fieldSelectors?: ResourceSchema['fieldSelectors']
  allowUnconditionalUpdate?: boolean
  /** How metadata.name is checked; `subdomain` unless stated. */
  nameCheck?: NameCheck
  defaults?: (obj: KubeObject) => void
  /** Kind-specific validation; metadata validation is added by defineSchema. */
  validate?: (obj: KubeObject, ctx: StrategyContext) => FieldError[]
  patchStrategies?: Record<string, PatchStrategy>
  /** Omitted: no printer upstream; Tables then use the default convertor (Name, Created At, `rows: null` when empty). */
  printerColumns?: PrinterColumn[]
}

/** Fills the registry entry's derivable fields so each kind file states only what differs from the norm. */
export function defineSchema (spec: SchemaSpec): ResourceSchema {
  const subresources = spec.subresources ?? []
  const kindValidate = spec.validate
  const nameCheck = spec.nameCheck ?? 'subdomain'
  return {
    group: spec.group,
    version: spec.version,
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular: spec.kind.toLowerCase(),
    shortNames: spec.shortNames ?? [],
    categories: spec.categories ?? [],
    namespaced: spec.namespaced,
    subresources,
    verbs: spec.verbs ?? ALL_VERBS,
    storageResource: spec.storageResource ?? spec.plural,
    statusSubresource: subresources.includes('status'),
    generationFields: spec.generationFields ?? [],
    fieldSelectors: spec.fieldSelectors ?? {},
    allowUnconditionalUpdate: spec.allowUnconditionalUpdate ?? true,
    defaults: spec.defaults ?? (() => {}),
    validate: (obj, ctx) => {
      // review kinds are never stored: their metadata is not checked
      const errs = spec.verbs === CREATE_ONLY ? [] : validateMeta(obj, { namespaced: spec.namespaced, nameCheck }, ctx)
      return kindValidate === undefined ? errs : errs.concat(kindValidate(obj, ctx))
    },
    patchStrategies: { ...METADATA_PATCH_STRATEGIES, ...(spec.patchStrategies ?? {}) },
    printerColumns: spec.printerColumns ?? []
  }
}

/** Prefixes every key of a patch-strategy table (to reuse pod spec keys under `spec.template.spec`). */
export function prefixed (prefix: string, table: Record<string, PatchStrategy>): Record<string, PatchStrategy> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v]))
}
