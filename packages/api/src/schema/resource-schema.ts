import type { FieldError } from '../errors/api-error.js'
import type { KubeObject } from '../meta/object.js'

/** Subresources served under `<resource>/<name>/<sub>`. */
export type SubresourceName = 'status' | 'scale' | 'binding' | 'eviction' | 'log' | 'exec' | 'attach' | 'portforward' | 'proxy' | 'token' | 'ephemeralcontainers' | 'finalize' | 'approval'

/** One column of `kubectl get` output (meta/v1 TableColumnDefinition plus how to compute the cell). */
export interface PrinterColumn {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date'
  format?: string
  description: string
  /** 0: always shown; 1: only with `-o wide`. */
  priority: number
  cell: (obj: KubeObject, now: Date) => string | number | boolean
}

/** Strategic-merge-patch metadata for one list/map field, keyed in `ResourceSchema.patchStrategies` by a dotted path. */
export interface PatchStrategy {
  strategy: 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys'
  mergeKey?: string
}

/** Context a strategy hook gets: the old object on update, and whether this is a status write. */
export interface StrategyContext {
  old?: KubeObject
  subresource?: string
}

/**
 * Everything the machinery knows about one kind. Discovery, storage, validation, defaulting, patching, tables and
 * OpenAPI all derive from these entries (ARCHITECTURE.md section 3).
 */
export interface ResourceSchema {
  group: string
  version: string
  kind: string
  listKind: string
  /** The resource name: lower-case plural (`deployments`). */
  plural: string
  singular: string
  shortNames: string[]
  categories: string[]
  namespaced: boolean
  subresources: SubresourceName[]
  verbs: string[]
  /** etcd key segment under the prefix, as upstream (`services/specs`, `minions`, `deployments`). */
  storageResource: string
  /** True when spec and status are separated: writes to the main resource ignore status, `/status` writes ignore spec. */
  statusSubresource: boolean
  /** Fields whose change bumps `metadata.generation` (top-level keys); empty means generation is not tracked. */
  generationFields: string[]
  /** Extra field selectors beyond metadata.name/metadata.namespace: label -> value extractor. */
  fieldSelectors: Record<string, (obj: KubeObject) => string | undefined>
  /** Allow update without `metadata.resourceVersion` (upstream `AllowUnconditionalUpdate`). */
  allowUnconditionalUpdate: boolean
  /** Fill defaults in place (create and update). */
  defaults: (obj: KubeObject) => void
  /** Validate the object; `ctx.old` is set on update. Returns every problem at once. */
  validate: (obj: KubeObject, ctx: StrategyContext) => FieldError[]
  /** Keyed by dotted path from the object root, e.g. `spec.template.spec.containers`. */
  patchStrategies: Record<string, PatchStrategy>
  printerColumns: PrinterColumn[]
  /**
   * Set on a version served as a view of another version's storage (autoscaling/v1 HPAs are stored as v2, as
   * upstream stores one version per resource). The apiserver converts on every read and write.
   */
  conversion?: SchemaConversion
}

export interface SchemaConversion {
  /** The schema objects are stored with. */
  storage: () => ResourceSchema
  toStorage: (obj: KubeObject) => KubeObject
  fromStorage: (obj: KubeObject) => KubeObject
}
