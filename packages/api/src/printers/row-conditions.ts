import type { KubeObject } from '../meta/object.js'
import type { ResourceSchema } from '../schema/resource-schema.js'
import { podRowConditions } from './pod-cells.js'

export interface TableRowCondition { type: string, status: string, reason: string, message: string }

/** Row `conditions` of a Table row: only core Pods set them upstream (Completed when succeeded or failed). */
export function rowConditionsFor (schema: Pick<ResourceSchema, 'group' | 'kind'>, obj: KubeObject): TableRowCondition[] {
  return schema.group === '' && schema.kind === 'Pod' ? podRowConditions(obj) : []
}
